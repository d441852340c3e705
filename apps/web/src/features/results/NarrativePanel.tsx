import { type Narrative, resultsApi, zNarrativeInput } from '@komek/domain';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LengthHint } from '../../components/LengthHint.tsx';

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
        error={save.error ? fieldErrors(save.error).text : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <LengthHint value={text} max={zNarrativeInput.shape.text.maxLength} />
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
        <Group align="flex-start">
          <Stack gap={2}>
            <TextInput
              label={t('results.newSection')}
              value={area}
              error={add.error ? fieldErrors(add.error).area : undefined}
              onChange={(e) => setArea(e.currentTarget.value)}
            />
            <LengthHint value={area} max={zNarrativeInput.shape.area.maxLength} />
          </Stack>
          <Button
            variant="default"
            mt={25}
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
