import { type ProcedureTemplate, proceduresApi, type TemplateStep, TIME_UNITS } from '@komek/domain';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { localisedName } from './localised.ts';

/** One template: its steps with their triggers and limits; limits and reminders editable by its owner. */
export function TemplateEditor({ template, editable }: { template: ProcedureTemplate; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const [steps, setSteps] = useState<TemplateStep[]>(template.steps);
  const save = useApiMutation(proceduresApi.updateTemplate, {
    invalidates: [proceduresApi.templates, proceduresApi.ofCase, proceduresApi.deadlines],
  });
  const error = save.error;
  const nameOf = (key: string) =>
    localisedName(template.steps.find((s) => s.key === key)?.name ?? {}, i18n.language);
  const patch = (i: number, change: Partial<TemplateStep>) =>
    setSteps(steps.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const dirty = JSON.stringify(steps) !== JSON.stringify(template.steps);
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between">
        <Text fw={600}>
          {t(`procedures.countries.${template.countryCode}`)} — {localisedName(template.name, i18n.language)}
        </Text>
        <Group gap={4}>
          {template.emergency && <Badge color="red">{t('procedures.emergency')}</Badge>}
          {template.orgId === null && <Badge variant="light">shared</Badge>}
        </Group>
      </Group>
      {template.legalBasis && (
        <Text size="xs" c="dimmed">
          {t('procedures.legalBasis')}: {template.legalBasis}
        </Text>
      )}
      <ErrorAlert error={error} />
      <Table mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('procedures.step')}</Table.Th>
            <Table.Th>{t('procedures.trigger')}</Table.Th>
            <Table.Th>{t('procedures.limit')}</Table.Th>
            <Table.Th>{t('procedures.reminders')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((s, i) => (
            <Table.Tr key={s.key}>
              <Table.Td>{localisedName(s.name, i18n.language)}</Table.Td>
              <Table.Td>
                {s.trigger.kind === 'procedure_opened'
                  ? t('procedures.triggerOpened')
                  : t('procedures.triggerAfter', { step: nameOf(s.trigger.step) })}
              </Table.Td>
              <Table.Td>
                {editable ? (
                  <Group gap={4} wrap="nowrap">
                    <NumberInput
                      size="xs"
                      w={70}
                      min={1}
                      value={s.limit?.amount ?? ''}
                      onChange={(v) =>
                        patch(i, {
                          limit:
                            v === ''
                              ? null
                              : {
                                  amount: Number(v),
                                  unit: s.limit?.unit ?? 'calendar_days',
                                  rollToWorkingDay: true,
                                },
                        })
                      }
                    />
                    <Select
                      size="xs"
                      w={150}
                      data={TIME_UNITS.map((u) => ({ value: u, label: t(`procedures.units.${u}`) }))}
                      value={s.limit?.unit ?? null}
                      disabled={!s.limit}
                      onChange={(u) =>
                        s.limit &&
                        u &&
                        patch(i, { limit: { ...s.limit, unit: u as (typeof TIME_UNITS)[number] } })
                      }
                    />
                    <Checkbox
                      size="xs"
                      label={t('procedures.toConfirm')}
                      checked={s.toConfirm}
                      onChange={(e) => patch(i, { toConfirm: e.currentTarget.checked })}
                    />
                  </Group>
                ) : s.limit ? (
                  `${s.limit.amount} ${t(`procedures.units.${s.limit.unit}`)}`
                ) : (
                  t('procedures.noLimit')
                )}
                {!editable && s.toConfirm && (
                  <Badge ml={4} color="yellow" variant="light">
                    {t('procedures.toConfirm')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {editable ? (
                  <TextInput
                    size="xs"
                    w={90}
                    value={s.reminderDays.join(', ')}
                    onChange={(e) =>
                      patch(i, {
                        reminderDays: e.currentTarget.value
                          .split(/[ ,]+/)
                          .filter(Boolean)
                          .map(Number)
                          .filter((n) => Number.isInteger(n) && n >= 0),
                      })
                    }
                  />
                ) : (
                  s.reminderDays.join(', ')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable && dirty && (
        <Group justify="flex-end" mt="xs">
          <Button
            size="xs"
            loading={save.isPending}
            onClick={() =>
              save.mutate({ params: { id: template.id }, body: { version: template.version, steps } })
            }
          >
            {t('procedures.save')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
