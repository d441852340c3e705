import { assistanceApi, resultsApi, suppress } from '@komek/domain';
import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { money } from '../assistance/money.ts';

/**
 * The year's assistance handed over, as the results report counts it: families and individuals
 * reached (a household's grant reaches every member and one family), people by sex and age, and
 * grants and amounts by purpose and by budget line. Shared, small counts show as "<5".
 */
export function AssistanceTotalsPanel({ year, suppressed }: { year: number; suppressed: boolean }) {
  const { t, i18n } = useTranslation();
  const totals = useApiQuery(assistanceApi.totals, { query: { year } });
  const lines = useApiQuery(resultsApi.budget, { query: { year } });
  const data = totals.data;
  if (!data) return <ErrorAlert error={totals.error} />;
  const n = (v: number) => (suppressed ? suppress(v) : v);
  const amounts = (list: Array<{ currency: string; amount: number }>) =>
    list.map((a) => money(i18n.language, a.amount, a.currency)).join(' · ') || '—';
  return (
    <Stack data-testid="assistance-totals">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">
            {t('assistance.familiesReached')}
          </Text>
          <Text fw={700} data-testid="families-reached">
            {n(data.familiesReached)}
          </Text>
        </Paper>
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">
            {t('assistance.individualsReached')}
          </Text>
          <Text fw={700} data-testid="individuals-reached">
            {n(data.individualsReached)}
          </Text>
        </Paper>
      </SimpleGrid>
      <Title order={4}>{t('assistance.byPurpose')}</Title>
      <Table>
        <Table.Tbody>
          {data.byPurpose.map((p) => (
            <Table.Tr key={p.purpose}>
              <Table.Td>{t(`enums.assistancePurpose.${p.purpose}`)}</Table.Td>
              <Table.Td>{t('assistance.grants', { n: p.grants })}</Table.Td>
              <Table.Td>
                <bdi>{amounts(p.amounts)}</bdi>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>{t('assistance.byBudgetLine')}</Title>
      <Table data-testid="assistance-by-line">
        <Table.Tbody>
          {data.byBudgetLine.map((r) => {
            const line = (lines.data?.items ?? []).find((l) => l.id === r.budgetLineId);
            return (
              <Table.Tr key={r.budgetLineId ?? 'none'}>
                <Table.Td>
                  {line ? <bdi>{`${line.areaCode}: ${line.areaName}`}</bdi> : t('assistance.noBudgetLine')}
                </Table.Td>
                <Table.Td>
                  {line &&
                    t('assistance.lineBudget', { budget: money(i18n.language, line.finalBudget, null) })}
                </Table.Td>
                <Table.Td>{t('assistance.grants', { n: r.grants })}</Table.Td>
                <Table.Td>
                  <bdi>{amounts(r.amounts)}</bdi>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Title order={4}>{t('assistance.bySexAge')}</Title>
      <Group gap="md">
        {data.bySexAge.map((r) => (
          <Text key={`${r.sex}${r.age}`} size="sm">
            {t(`enums.sex.${r.sex}`)}, {r.age === 'unknown' ? t('projects.ageUnknown') : <bdi>{r.age}</bdi>}:{' '}
            {n(r.n)}
          </Text>
        ))}
      </Group>
      <Title order={4}>{t('assistance.byPopulation')}</Title>
      <Group gap="md">
        {data.byPopulation.map((r) => (
          <Text key={r.populationType} size="sm">
            {t(`enums.populationType.${r.populationType}`)}: {n(r.individuals)}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}
