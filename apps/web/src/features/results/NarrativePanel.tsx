import { type Narrative, resultsApi } from '@komek/domain';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const useSaveNarrative = (onSuccess?: () => void) =>
  useApiMutation(resultsApi.saveNarrative, { invalidates: [resultsApi.narratives], onSuccess });

function SectionEditor({ year, section }: { year: number; section: Narrative }) {
  const { t } = useTranslation();
  const [text, setText] = useState(section.text);
  const save = useSaveNarrative();
  return (
    <Stack gap={4}>
      <ErrorAlert error={save.error} />
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
          loading={save.isPending}
          onClick={() => save.mutate({ body: { year, area: section.area, text } })}
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
  const q = useApiQuery(resultsApi.narratives, { query: { year } });
  const add = useSaveNarrative(() => setArea(''));
  return (
    <Stack>
      <ErrorAlert error={q.error ?? add.error} />
      {q.data?.items.map((s) =>
        canManage ? (
          <SectionEditor key={`${s.area}-${s.text.length}`} year={year} section={s} />
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
            loading={add.isPending}
            onClick={() => add.mutate({ body: { year, area: area.trim(), text: '' } })}
          >
            {t('results.addSection')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
