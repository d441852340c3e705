import { type CaseActivity, casesApi, HEARING_KINDS, zHearingInput } from '@komek/domain';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { LengthHint } from '../../components/LengthHint.tsx';

const HEARING_VIEWS = [casesApi.activity, casesApi.hearings];

/** The case's hearings and interviews, soonest first; who manages the case adds and removes them. */
export function Hearings({
  caseId,
  hearings,
  canManage,
}: {
  caseId: string;
  hearings: CaseActivity['hearings'];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const params = { id: caseId };
  const { form, onSubmit, showServerErrors } = useSchemaForm(zHearingInput, {
    kind: 'court_hearing',
    date: '',
    time: null,
    place: '',
    note: null,
  });
  const add = useApiMutation(casesApi.addHearing, {
    invalidates: HEARING_VIEWS,
    onSuccess: () => form.reset(),
  });
  const remove = useApiMutation(casesApi.removeHearing, { invalidates: HEARING_VIEWS });
  return (
    <Stack gap="xs" data-testid="hearings">
      <Title order={4}>{t('cases.hearings')}</Title>
      {hearings.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('cases.noHearings')}
        </Text>
      )}
      {hearings.map((h) => (
        <Paper key={h.id} withBorder p="xs" data-testid="hearing">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                <bdi>
                  {h.date}
                  {h.time ? ` ${h.time}` : ''}
                </bdi>{' '}
                · {t(`enums.hearingKind.${h.kind}`)}
              </Text>
              <Text size="sm">
                <bdi>{h.place}</bdi>
              </Text>
              {h.note && (
                <Text size="xs" c="dimmed">
                  <bdi>{h.note}</bdi>
                </Text>
              )}
            </Stack>
            {canManage && (
              <ConfirmDelete
                label={t('cases.removeHearing', { date: h.date })}
                question={t('cases.removeHearingConfirm', { date: h.date })}
                loading={remove.isPending && remove.variables?.params.hearingId === h.id}
                onConfirm={() => remove.mutate({ params: { id: caseId, hearingId: h.id } })}
              />
            )}
          </Group>
        </Paper>
      ))}
      <ErrorAlert error={remove.error ?? add.error} />
      {canManage && (
        <form
          noValidate
          data-testid="add-hearing-form"
          onSubmit={onSubmit((body) =>
            add.mutate({ params, body: { ...body, id: uuidv7() } }, { onError: showServerErrors }),
          )}
        >
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('cases.hearingKind')}
                data={enumOptions(t, 'hearingKind', HEARING_KINDS)}
                allowDeselect={false}
                {...form.getInputProps('kind')}
              />
              <TextInput label={t('cases.hearingDate')} type="date" {...form.getInputProps('date')} />
              {/* An empty hour is no hour: the schema takes null, never "". */}
              <TextInput
                label={t('cases.hearingTime')}
                type="time"
                value={form.values.time ?? ''}
                error={form.errors.time}
                onChange={(e) => form.setFieldValue('time', e.currentTarget.value || null)}
              />
            </SimpleGrid>
            <Stack gap={2}>
              <TextInput label={t('cases.hearingPlace')} {...form.getInputProps('place')} />
              <LengthHint value={form.values.place} max={zHearingInput.shape.place.maxLength} />
            </Stack>
            <Stack gap={2}>
              <TextInput
                label={t('cases.hearingNote')}
                value={form.values.note ?? ''}
                error={form.errors.note}
                onChange={(e) => form.setFieldValue('note', e.currentTarget.value || null)}
              />
              <LengthHint
                value={form.values.note ?? ''}
                max={zHearingInput.shape.note.unwrap().unwrap().maxLength}
              />
            </Stack>
            <Group>
              <Button type="submit" variant="light" loading={add.isPending}>
                {t('cases.addHearing')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
