import { type Assistance, assistanceApi, RECEIPT_ANSWERS, USES, zMonitoringInput } from '@komek/domain';
import { Button, Group, MultiSelect, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { Choices } from '../../components/Choices.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';

const VIEWS = [assistanceApi.get, assistanceApi.list];
const today = () => new Date().toISOString().slice(0, 10);

/** Approves or rejects the request, with a note the asker reads. */
export function DecisionForm({ a }: { a: Assistance }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const decide = useApiMutation(assistanceApi.decide, { invalidates: VIEWS });
  const send = (decision: 'approve' | 'reject') =>
    decide.mutate({
      params: { id: a.id },
      body: { version: a.version, decision, note: note.trim() || null },
    });
  return (
    <Paper withBorder p="md" data-testid="assistance-decision">
      <Stack gap="xs">
        <Title order={4}>{t('assistance.decide')}</Title>
        <ErrorAlert error={decide.error} />
        <Textarea
          label={t('assistance.decisionNote')}
          autosize
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group>
          <Button loading={decide.isPending} onClick={() => send('approve')} data-testid="assistance-approve">
            {t('assistance.approve')}
          </Button>
          <Button variant="default" loading={decide.isPending} onClick={() => send('reject')}>
            {t('assistance.reject')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Records the next instalment (or the goods) as handed over on a day. */
export function DistributeForm({ a }: { a: Assistance }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(today());
  const give = useApiMutation(assistanceApi.distribute, { invalidates: VIEWS });
  const next = a.distributions.length + 1;
  return (
    <Group align="flex-end" data-testid="assistance-distribute">
      <TextInput
        type="date"
        label={t('assistance.handedOverOn')}
        max={today()}
        value={on}
        onChange={(e) => setOn(e.currentTarget.value)}
      />
      <Button
        loading={give.isPending}
        onClick={() => give.mutate({ params: { id: a.id }, body: { version: a.version, on } })}
        data-testid="assistance-give"
      >
        {a.instalments > 1
          ? t('assistance.giveInstalment', { n: next, of: a.instalments })
          : t('assistance.give')}
      </Button>
      <ErrorAlert error={give.error} />
    </Group>
  );
}

/** Post-distribution monitoring: was it received, what was it used for, in the person's words. */
export function MonitoringForm({ a }: { a: Assistance }) {
  const { t } = useTranslation();
  const { form, onSubmit, showServerErrors } = useSchemaForm(zMonitoringInput, {
    on: today(),
    received: 'fully',
    usedFor: [],
    note: null,
  });
  const record = useApiMutation(assistanceApi.monitor, { invalidates: VIEWS, onSuccess: () => form.reset() });
  const send = onSubmit((body) =>
    record.mutate({ params: { id: a.id }, body }, { onError: showServerErrors }),
  );
  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={send} data-testid="assistance-monitoring-form">
        <Stack gap="xs">
          <Title order={4}>{t('assistance.addFollowUp')}</Title>
          <ErrorAlert error={record.error} />
          <Choices
            aria-label={t('assistance.received')}
            data={enumOptions(t, 'receipt', RECEIPT_ANSWERS)}
            {...form.getInputProps('received')}
          />
          <MultiSelect
            label={t('assistance.usedFor')}
            data={enumOptions(t, 'assistanceUse', USES)}
            {...form.getInputProps('usedFor')}
          />
          <Textarea
            label={t('assistance.theirWords')}
            autosize
            {...form.getInputProps('note')}
            value={form.getValues().note ?? ''}
            onChange={(e) => form.setFieldValue('note', e.currentTarget.value || null)}
          />
          <TextInput
            type="date"
            label={t('assistance.followedUpOn')}
            max={today()}
            {...form.getInputProps('on')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={record.isPending} data-testid="assistance-monitoring-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
