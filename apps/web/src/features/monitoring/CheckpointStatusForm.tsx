import {
  CHECKPOINT_STATUSES,
  type Checkpoint,
  canPublishNotice,
  monitoringApi,
  zCheckpointStatusChange,
} from '@komek/domain';
import {
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';

const VIEWS = [monitoringApi.checkpoint, monitoringApi.checkpoints];
const day = (inDays = 0) => new Date(Date.now() + inDays * 86_400_000).toISOString().slice(0, 10);

/**
 * A checkpoint opens, closes or is restricted since a day, with why; whoever may publish on the
 * public help site can tell travellers at once, in the language they write the notice in.
 */
export function CheckpointStatusForm({
  checkpoint,
  canPublish,
}: {
  checkpoint: Checkpoint;
  canPublish: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const change = useApiMutation(monitoringApi.setCheckpointStatus, { invalidates: VIEWS });
  const { form, onSubmit, showServerErrors } = useSchemaForm(zCheckpointStatusChange, {
    version: checkpoint.version,
    to: CHECKPOINT_STATUSES.find((s) => s !== checkpoint.status)!,
    since: day(),
    note: '',
    notice: null,
  });
  const notice = form.getValues().notice;
  const publishable = canPublish && canPublishNotice(checkpoint.countryCode);
  const send = onSubmit((body) =>
    change.mutate(
      { params: { id: checkpoint.id }, body: { ...body, version: checkpoint.version } },
      { onError: showServerErrors },
    ),
  );
  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={send} data-testid="checkpoint-status-form">
        <Stack gap="xs">
          <Title order={4}>{t('monitoring.changeStatus')}</Title>
          <ErrorAlert error={change.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('monitoring.newStatus')}
              data={enumOptions(t, 'checkpointStatus', CHECKPOINT_STATUSES).filter(
                (o) => o.value !== checkpoint.status,
              )}
              allowDeselect={false}
              {...form.getInputProps('to')}
            />
            <TextInput
              type="date"
              label={t('monitoring.sinceDay')}
              max={day()}
              {...form.getInputProps('since')}
            />
          </SimpleGrid>
          <Textarea
            label={t('monitoring.why')}
            autosize
            {...form.getInputProps('note')}
            data-testid="checkpoint-status-note"
          />
          {publishable && (
            <Checkbox
              label={t('monitoring.publishNotice')}
              checked={notice !== null}
              onChange={(e) =>
                form.setFieldValue(
                  'notice',
                  e.currentTarget.checked
                    ? { texts: { [lang]: { title: '', body: '' } }, endsOn: day(7) }
                    : null,
                )
              }
              data-testid="checkpoint-notice"
            />
          )}
          {publishable && notice && (
            <>
              <TextInput
                label={t('monitoring.noticeTitle')}
                {...form.getInputProps(`notice.texts.${lang}.title`)}
              />
              <Textarea
                label={t('monitoring.noticeBody')}
                autosize
                minRows={2}
                {...form.getInputProps(`notice.texts.${lang}.body`)}
              />
              <TextInput
                type="date"
                label={t('monitoring.noticeUntil')}
                min={day()}
                {...form.getInputProps('notice.endsOn')}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending} data-testid="checkpoint-status-save">
              {t('monitoring.saveStatus')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
