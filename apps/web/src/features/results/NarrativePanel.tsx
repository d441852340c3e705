import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';

interface Section {
  area: string;
  text: string;
}

function SectionEditor({ year, section, onSaved }: { year: number; section: Section; onSaved: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(section.text);
  return (
    <Stack gap={4}>
      <Textarea
        label={section.area}
        autosize
        minRows={3}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="light"
          disabled={text === section.text}
          onClick={async () => {
            await api('/results/narratives', { method: 'PUT', body: { year, area: section.area, text } });
            onSaved();
          }}
        >
          {t('results.saveSection')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The report's words around its tables: progress and challenges per impact or outcome area. */
export function NarrativePanel({ year, canManage }: { year: number; canManage: boolean }) {
  const { t } = useTranslation();
  const [area, setArea] = useState('');
  const q = useQuery({
    queryKey: ['narratives', year],
    queryFn: () => api<{ items: Section[] }>(`/results/narratives?year=${year}`),
  });
  return (
    <Stack>
      {q.data?.items.map((s) =>
        canManage ? (
          <SectionEditor
            key={`${s.area}-${s.text.length}`}
            year={year}
            section={s}
            onSaved={() => void q.refetch()}
          />
        ) : (
          <Stack key={s.area} gap={2}>
            <strong>{s.area}</strong>
            <span style={{ whiteSpace: 'pre-wrap' }}>{s.text}</span>
          </Stack>
        ),
      )}
      {canManage && (
        <Group align="flex-end">
          <TextInput
            label={t('results.newSection')}
            value={area}
            onChange={(e) => setArea(e.currentTarget.value)}
          />
          <Button
            variant="default"
            disabled={!area.trim()}
            onClick={async () => {
              await api('/results/narratives', {
                method: 'PUT',
                body: { year, area: area.trim(), text: '' },
              });
              setArea('');
              await q.refetch();
            }}
          >
            {t('results.addSection')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
