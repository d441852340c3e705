import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';

interface Line {
  id: string;
  areaKind: string;
  areaCode: string;
  areaName: string;
  finalBudget: number;
  fundsAvailable: number;
  expenditure: number;
  availablePct: number | null;
  expenditurePct: number | null;
}

/** Budget against funds and expenditure by impact and outcome area, as the report lays it out. */
export function BudgetPanel({ year }: { year: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['budget', year],
    queryFn: () => api<{ items: Line[] }>(`/budget?year=${year}`),
  });
  const money = (n: number) => n.toLocaleString();
  return (
    <Table striped data-testid="budget-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('results.area')}</Table.Th>
          <Table.Th>{t('results.finalBudget')}</Table.Th>
          <Table.Th>{t('results.fundsAvailable')}</Table.Th>
          <Table.Th>%</Table.Th>
          <Table.Th>{t('results.expenditure')}</Table.Th>
          <Table.Th>%</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {q.data?.items.map((l) => (
          <Table.Tr key={l.id}>
            <Table.Td>
              {l.areaCode}: {l.areaName}
            </Table.Td>
            <Table.Td>{money(l.finalBudget)}</Table.Td>
            <Table.Td>{money(l.fundsAvailable)}</Table.Td>
            <Table.Td>{l.availablePct ?? '—'}%</Table.Td>
            <Table.Td>{money(l.expenditure)}</Table.Td>
            <Table.Td>{l.expenditurePct ?? '—'}%</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
