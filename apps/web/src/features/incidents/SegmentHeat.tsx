import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { heatOf } from './heat.ts';
import { segmentName } from './segment-name.ts';

/**
 * The heat of each border month by month: a row per segment, a cell per month, darker where more
 * happened, so that a working group sees at once which stretch of border is heating up and since when.
 */
export function SegmentHeat({ items }: { items: Array<{ month: string; segment: string; count: number }> }) {
  const { t, i18n } = useTranslation();
  const months = [...new Set(items.map((r) => r.month))].sort();
  const totals = new Map<string, number>();
  for (const r of items) totals.set(r.segment, (totals.get(r.segment) ?? 0) + r.count);
  // The busiest border first.
  const segments = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
  const max = Math.max(0, ...items.map((r) => r.count));
  const count = (segment: string, month: string) =>
    items.find((r) => r.segment === segment && r.month === month)?.count ?? 0;
  if (segments.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={Math.min(900, 200 + months.length * 44)} data-testid="segment-heat">
      <Table withTableBorder fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('incidents.segment')}</Table.Th>
            {months.map((m) => (
              <Table.Th key={m}>
                <bdi>{m}</bdi>
              </Table.Th>
            ))}
            <Table.Th>{t('incidents.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments.map((s) => (
            <Table.Tr key={s} data-segment={s}>
              <Table.Td>
                <Text size="xs">{segmentName(s, i18n.language)}</Text>
              </Table.Td>
              {months.map((m) => {
                const n = count(s, m);
                return (
                  <Table.Td key={m} style={{ ...heatOf(n, max), textAlign: 'center' }}>
                    {n || ''}
                  </Table.Td>
                );
              })}
              <Table.Td fw={700}>{totals.get(s)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
