import { INCIDENT_TYPES, incidentsApi, usersApi, type WarningRule, zWarningRuleInput } from '@komek/domain';
import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { segmentName, segmentOptions } from './segment-name.ts';

const VIEWS = [incidentsApi.warningRules];

/** The organisation's early-warning rules: which incidents tell whom at once. */
export function WarningRulesPanel() {
  const { t, i18n } = useTranslation();
  const rules = useApiQuery(incidentsApi.warningRules, {});
  const staff = useApiQuery(usersApi.list, { query: { limit: 200 } });
  const remove = useApiMutation(incidentsApi.removeWarningRule, { invalidates: VIEWS });
  const add = useApiMutation(incidentsApi.addWarningRule, { invalidates: VIEWS });
  const people = (staff.data?.items ?? []).filter((u) => !u.disabled);
  const nameOf = (id: string) => people.find((u) => u.id === id)?.displayName ?? '—';
  const { form, onSubmit, showServerErrors } = useSchemaForm(zWarningRuleInput, {
    segment: null,
    type: null,
    casualties: false,
    minCount: 3,
    withinDays: 14,
    recipients: [],
  });
  const describe = (r: WarningRule) =>
    [
      r.casualties
        ? t('warningRules.anyCasualties')
        : t('warningRules.countIn', { n: r.minCount, days: r.withinDays }),
      r.segment ? segmentName(r.segment, i18n.language) : t('warningRules.anySegment'),
      r.type ? t(`enums.incidentType.${r.type}`) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  const casualties = form.getValues().casualties as boolean;
  return (
    <Stack gap="xs" data-testid="warning-rules">
      <Title order={3}>{t('warningRules.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('warningRules.intro')}
      </Text>
      <ErrorAlert error={rules.error ?? remove.error} />
      {rules.data?.items.map((r) => (
        <Paper key={r.id} withBorder p="xs" data-testid="warning-rule">
          <Group justify="space-between">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {describe(r)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('warningRules.tells')}: {r.recipients.map(nameOf).join(', ')}
              </Text>
            </Stack>
            <ConfirmDelete
              label={t('warningRules.remove', { rule: describe(r) })}
              question={t('warningRules.removeConfirm')}
              loading={remove.isPending}
              onConfirm={() => remove.mutate({ params: { id: r.id } })}
            />
          </Group>
        </Paper>
      ))}
      <Paper withBorder p="sm">
        <form
          noValidate
          onSubmit={onSubmit((body) =>
            add.mutate({ body }, { onError: showServerErrors, onSuccess: () => form.reset() }),
          )}
        >
          <Stack gap="xs">
            <ErrorAlert error={add.error} />
            <Switch
              label={t('warningRules.casualties')}
              {...form.getInputProps('casualties', { type: 'checkbox' })}
            />
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              {!casualties && (
                <NumberInput
                  label={t('warningRules.minCount')}
                  min={1}
                  max={100}
                  {...form.getInputProps('minCount')}
                />
              )}
              {!casualties && (
                <NumberInput
                  label={t('warningRules.withinDays')}
                  min={1}
                  max={365}
                  {...form.getInputProps('withinDays')}
                />
              )}
              <Select
                label={t('incidents.segment')}
                placeholder={t('warningRules.anySegment')}
                data={segmentOptions(i18n.language)}
                clearable
                searchable
                {...form.getInputProps('segment')}
              />
              <Select
                label={t('incidents.type')}
                placeholder={t('warningRules.anyType')}
                data={enumOptions(t, 'incidentType', INCIDENT_TYPES)}
                clearable
                {...form.getInputProps('type')}
              />
            </SimpleGrid>
            <MultiSelect
              label={t('warningRules.tells')}
              data={people.map((u) => ({ value: u.id, label: u.displayName }))}
              searchable
              {...form.getInputProps('recipients')}
              data-testid="warning-rule-recipients"
            />
            <Group justify="flex-end">
              <Button type="submit" loading={add.isPending}>
                {t('warningRules.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
