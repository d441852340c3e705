import { FINDING_ANSWERS, monitoringApi, type Visit, zVisitInput, zVisitUpdate } from '@komek/domain';
import {
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { Choices } from '../../components/Choices.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useChecklistLabel } from './checklist-label.ts';

export const FIGURES = [
  'soughtProtection',
  'accessedProcedure',
  'refusedEntry',
  'detained',
  'removed',
] as const;
const VIEWS = [monitoringApi.visits, monitoringApi.visit, monitoringApi.checkpoint, monitoringApi.figures];

/** Records a monitoring visit, or corrects one: who went and whom they met, the checklist, the counts. */
export function VisitForm({
  checkpointId,
  visit,
  onDone,
}: {
  checkpointId: string;
  visit?: Visit;
  onDone: (saved?: Visit) => void;
}) {
  const checklist = useApiQuery(monitoringApi.checklist, {});
  const labelOf = useChecklistLabel(checklist.data?.items ?? []);
  if (!checklist.data) return <ErrorAlert error={checklist.error} />;
  // Every live question, and those a visit being corrected already answered (retired since or not).
  const answered = new Map((visit?.findings ?? []).map((f) => [f.key, f]));
  const questions = checklist.data.items.filter((i) => i.active || answered.has(i.key));
  const findings = questions.map((q) => ({
    key: q.key,
    answer: answered.get(q.key)?.answer ?? 'not_observed',
    note: answered.get(q.key)?.note ?? '',
  }));
  return (
    <Fields checkpointId={checkpointId} visit={visit} onDone={onDone} findings={findings} labelOf={labelOf} />
  );
}

function Fields({
  checkpointId,
  visit,
  onDone,
  findings,
  labelOf,
}: {
  checkpointId: string;
  visit?: Visit;
  onDone: (saved?: Visit) => void;
  findings: Array<{ key: string; answer: string; note: string }>;
  labelOf: (key: string) => string;
}) {
  const { t } = useTranslation();
  const create = useApiMutation(monitoringApi.addVisit, { invalidates: VIEWS, onSuccess: onDone });
  const update = useApiMutation(monitoringApi.updateVisit, { invalidates: VIEWS, onSuccess: onDone });
  const schema: z.ZodType = visit ? zVisitUpdate : zVisitInput;
  const { form, onSubmit, showServerErrors } = useSchemaForm(schema, {
    ...(visit ? { version: visit.version } : { id: uuidv7(), checkpointId }),
    visitedOn: visit?.visitedOn ?? new Date().toISOString().slice(0, 10),
    team: visit?.team ?? [],
    met: visit?.met ?? [],
    findings,
    figures: visit?.figures ?? Object.fromEntries(FIGURES.map((k) => [k, 0])),
    summary: visit?.summary ?? '',
  });
  const send = onSubmit((data) => {
    const settings = { onError: showServerErrors };
    if (visit)
      update.mutate({ params: { id: visit.id }, body: data as z.output<typeof zVisitUpdate> }, settings);
    else create.mutate({ body: data as z.output<typeof zVisitInput> }, settings);
  });
  const number = (path: string) => {
    const p = form.getInputProps(path);
    return { ...p, onChange: (v: string | number) => p.onChange(v === '' ? 0 : Number(v)) };
  };
  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={send} data-testid="visit-form">
        <Stack gap="xs">
          <Title order={3}>{visit ? t('monitoring.correctVisit') : t('monitoring.recordVisit')}</Title>
          <ErrorAlert error={create.error ?? update.error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={t('monitoring.visitedOn')} {...form.getInputProps('visitedOn')} />
            <TagsInput
              label={t('monitoring.team')}
              description={t('incidents.partiesHint')}
              {...form.getInputProps('team')}
            />
            <TagsInput
              label={t('monitoring.met')}
              description={t('incidents.partiesHint')}
              {...form.getInputProps('met')}
            />
          </SimpleGrid>
          <Text fw={500} size="sm">
            {t('monitoring.findings')}
          </Text>
          {findings.map((f, i) => (
            <Stack key={f.key} gap={4} data-testid="visit-finding">
              <Text size="sm" id={`finding-${f.key}`}>
                {labelOf(f.key)}
              </Text>
              <Group align="flex-start" wrap="wrap">
                <Choices
                  aria-labelledby={`finding-${f.key}`}
                  data={enumOptions(t, 'findingAnswer', FINDING_ANSWERS)}
                  {...form.getInputProps(`findings.${i}.answer`)}
                />
                <TextInput
                  aria-label={t('monitoring.findingNote', { question: labelOf(f.key) })}
                  placeholder={t('monitoring.findingNotePlaceholder')}
                  style={{ flex: 1, minWidth: 200 }}
                  {...form.getInputProps(`findings.${i}.note`)}
                />
              </Group>
            </Stack>
          ))}
          <Text fw={500} size="sm">
            {t('monitoring.counted')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
            {FIGURES.map((k) => (
              <NumberInput key={k} label={t(`monitoring.figure.${k}`)} min={0} {...number(`figures.${k}`)} />
            ))}
          </SimpleGrid>
          <Textarea label={t('monitoring.summary')} autosize minRows={2} {...form.getInputProps('summary')} />
          <FormActions
            busy={create.isPending || update.isPending}
            onCancel={() => onDone()}
            testId="visit-save"
          />
        </Stack>
      </form>
    </Paper>
  );
}
