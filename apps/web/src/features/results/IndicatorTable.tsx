import type { IndicatorResult } from '@komek/domain';
import { Badge, Button, Group, Paper, Progress, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IndicatorValuesEditor } from './IndicatorValuesEditor.tsx';

const fmt = (v: number | string | null, unit: string) =>
  v === null
    ? '—'
    : typeof v === 'string'
      ? v
      : unit === 'percentage'
        ? `${v.toFixed(2)}%`
        : v.toLocaleString();

function Row({ result, row }: { result: IndicatorResult; row: IndicatorResult['rows'][number] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unit = result.indicator.unit;
  return (
    <>
      <Table.Tr>
        <Table.Td>{t(`procedures.countries.${row.countryCode}`, { defaultValue: row.countryCode })}</Table.Td>
        <Table.Td>
          {t(`enums.populationType.${row.populationType}`, { defaultValue: row.populationType })}
        </Table.Td>
        <Table.Td>{fmt(row.baseline, unit)}</Table.Td>
        <Table.Td>{fmt(row.target, unit)}</Table.Td>
        <Table.Td fw={600} data-testid={`actual-${result.indicator.code}-${row.countryCode}`}>
          {row.actualText ?? fmt(row.actual, unit)}
        </Table.Td>
        <Table.Td w={160}>
          {row.progress !== null && (
            <Group gap={6} wrap="nowrap">
              <Progress
                value={Math.max(0, Math.min(100, row.progress * 100))}
                w={90}
                color={row.progress >= 1 ? 'green' : 'blue'}
              />
              <Text size="xs">{Math.round(row.progress * 100)}%</Text>
            </Group>
          )}
        </Table.Td>
        <Table.Td>
          {row.disaggregation && (
            <Button size="compact-xs" variant="subtle" onClick={() => setOpen((o) => !o)}>
              {t('results.disaggregation')}
            </Button>
          )}
        </Table.Td>
      </Table.Tr>
      {row.disaggregation && open && (
        <Table.Tr>
          <Table.Td colSpan={7}>
            <Group gap={6}>
              {row.disaggregation.bySexAge.map((c) => (
                <Badge key={`${c.sex}-${c.age}`} variant="light">
                  {t(`enums.sex.${c.sex}`)} {c.age}: {c.n}
                </Badge>
              ))}
              <Badge color="grape" variant="light">
                {t('results.withDisability')}: {row.disaggregation.withDisability}
              </Badge>
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** Indicator tables as in the results report: baseline, target, actual and progress per country and population. */
export function IndicatorTable({
  results,
  year,
  canManage = false,
}: {
  results: IndicatorResult[];
  year: number;
  canManage?: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <>
      {results.map((r) => (
        <Paper key={r.indicator.id} withBorder p="sm" data-testid={`indicator-${r.indicator.code}`}>
          <Group justify="space-between">
            <Text fw={600}>
              {r.indicator.code} {r.name}
            </Text>
            <Group gap={4}>
              <Badge variant="outline">{t(`results.levels.${r.indicator.level}`)}</Badge>
              <Badge variant="light" color={r.indicator.source === 'computed' ? 'teal' : 'gray'}>
                {t(`results.sources.${r.indicator.source}`)}
              </Badge>
              {canManage && editing !== r.indicator.id && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => setEditing(r.indicator.id)}
                  data-testid={`edit-values-${r.indicator.code}`}
                >
                  {t('results.editValues')}
                </Button>
              )}
            </Group>
          </Group>
          {editing === r.indicator.id ? (
            <IndicatorValuesEditor result={r} year={year} onDone={() => setEditing(null)} />
          ) : r.rows.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('results.noData')}
            </Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('results.country')}</Table.Th>
                  <Table.Th>{t('results.population')}</Table.Th>
                  <Table.Th>{t('results.baseline')}</Table.Th>
                  <Table.Th>
                    {t('results.target')} ({year})
                  </Table.Th>
                  <Table.Th>
                    {t('results.actual')} ({year})
                  </Table.Th>
                  <Table.Th>{t('results.progress')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.rows.map((row) => (
                  <Row key={`${row.countryCode}-${row.populationType}`} result={r} row={row} />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ))}
    </>
  );
}
