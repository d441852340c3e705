import { CHECKPOINT_COUNTRIES, monitoringApi } from '@komek/domain';
import { Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { countryOptions } from '../help/CountrySelect.tsx';
import { useChecklistLabel } from './checklist-label.ts';

/**
 * A year of monitoring by country, as the results report states it: visits to how many
 * checkpoints, the people counted, the share who reached the asylum procedure (indicator 1.1),
 * and how often each finding was answered yes.
 */
export function MonitoringFiguresPanel() {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState(new Date().getUTCFullYear());
  const figures = useApiQuery(monitoringApi.figures, { query: { year } });
  const checklist = useApiQuery(monitoringApi.checklist, {});
  const labelOf = useChecklistLabel(checklist.data?.items ?? []);
  const country = Object.fromEntries(
    countryOptions(i18n.language, CHECKPOINT_COUNTRIES).map((o) => [o.value, o.label]),
  );
  const rows = figures.data?.countries ?? [];
  return (
    <Stack gap="xs" data-testid="monitoring-figures">
      <Group justify="space-between" align="flex-end">
        <Title order={3}>{t('monitoring.figures')}</Title>
        <NumberInput
          label={t('monitoring.year')}
          value={year}
          min={2000}
          max={2100}
          w={120}
          onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)}
        />
      </Group>
      <ErrorAlert error={figures.error} />
      {rows.length === 0 && figures.data && (
        <Text size="sm" c="dimmed">
          {t('monitoring.noVisitsYear')}
        </Text>
      )}
      {rows.map((c) => (
        <Stack key={c.countryCode} gap={4}>
          <Text fw={600}>
            {country[c.countryCode]}:{' '}
            {t('monitoring.visitsTo', { visits: c.visits, checkpoints: c.checkpoints })}
          </Text>
          <Table withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('monitoring.figure.soughtProtection')}</Table.Td>
                <Table.Td>{c.soughtProtection}</Table.Td>
                <Table.Td>{t('monitoring.figure.accessedProcedure')}</Table.Td>
                <Table.Td data-testid="monitoring-access">
                  {c.accessedProcedure}
                  {c.accessPercent !== null && ` (${c.accessPercent} %)`}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('monitoring.figure.refusedEntry')}</Table.Td>
                <Table.Td>{c.refusedEntry}</Table.Td>
                <Table.Td>{t('monitoring.figure.detained')}</Table.Td>
                <Table.Td>{c.detained}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('monitoring.figure.removed')}</Table.Td>
                <Table.Td>{c.removed}</Table.Td>
                <Table.Td>{t('monitoring.casesOpened')}</Table.Td>
                <Table.Td>{c.casesOpened}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {c.findings.length > 0 && (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('monitoring.finding')}</Table.Th>
                  <Table.Th>{t('enums.findingAnswer.yes')}</Table.Th>
                  <Table.Th>{t('enums.findingAnswer.partly')}</Table.Th>
                  <Table.Th>{t('enums.findingAnswer.no')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.findings.map((f) => (
                  <Table.Tr key={f.key}>
                    <Table.Td>{labelOf(f.key)}</Table.Td>
                    <Table.Td>{f.yes}</Table.Td>
                    <Table.Td>{f.partly}</Table.Td>
                    <Table.Td>{f.no}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
