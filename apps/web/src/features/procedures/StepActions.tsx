import { type Procedure, proceduresApi, type StepUpdate, zStepUpdate } from '@komek/domain';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, unplacedError } from '../../app/api.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LengthHint } from '../../components/LengthHint.tsx';

type Step = Procedure['steps'][number];
type Mode = 'done' | 'skip' | 'set_due' | null;

/** Done (with the day it happened), skip (with why), or set a due date the template left open. */
export function StepActions({ procedureId, step }: { procedureId: string; step: Step }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(null);
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useApiMutation(proceduresApi.updateStep, {
    invalidates: [proceduresApi.ofCase, proceduresApi.deadlines],
    onSuccess: () => setMode(null),
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const unplaced = unplacedError(update.error);
  if (step.status === 'done' || step.status === 'skipped') return null;
  const send = () => {
    const body: StepUpdate =
      mode === 'done'
        ? { version: step.version, action: 'done', doneOn: date }
        : mode === 'skip'
          ? { version: step.version, action: 'skip', note }
          : { version: step.version, action: 'set_due', dueDate: date, note };
    const checked = validateWith(zStepUpdate, body);
    if (checked.errors) return setErrors(checked.errors);
    update.mutate({ params: { id: procedureId, stepId: step.id }, body: checked.data });
  };
  if (!mode)
    return (
      <Group gap={4} wrap="nowrap">
        {step.status === 'running' && (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => setMode('done')}
            data-testid={`step-done-${step.key}`}
          >
            {t('procedures.markDone')}
          </Button>
        )}
        {step.status === 'running' && !step.dueDate && (
          <Button size="compact-xs" variant="subtle" onClick={() => setMode('set_due')}>
            {t('procedures.setDue')}
          </Button>
        )}
        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setMode('skip')}>
          {t('procedures.skip')}
        </Button>
      </Group>
    );
  return (
    <Stack gap={4}>
      <ErrorAlert error={unplaced} />
      <Group gap={4} align="flex-end" wrap="nowrap">
        {mode !== 'skip' && (
          <TextInput
            size="xs"
            type="date"
            aria-label={t('procedures.date')}
            value={date}
            error={errors.doneOn ?? errors.dueDate}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
        )}
        {mode !== 'done' && (
          <Stack gap={2}>
            <TextInput
              size="xs"
              aria-label={t('procedures.note')}
              placeholder={t('procedures.note')}
              value={note}
              error={errors.note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <LengthHint value={note} max={zStepUpdate.options[1].shape.note.maxLength} />
          </Stack>
        )}
        <Button size="compact-xs" onClick={send} loading={update.isPending} data-testid="step-confirm">
          {t('procedures.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
