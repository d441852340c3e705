import { type RequestCounts, resultsApi } from '@komek/domain';
import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useDistricts } from '../../components/useDistricts.ts';

type Breakdown = Exclude<keyof RequestCounts, 'total' | 'answeredInTime'>;

/** How each breakdown's keys are worded: an enumeration of the catalogue, or a district's name. */
const WORDS: Record<Breakdown, string | null> = {
  byChannel: 'intakeChannel',
  byProblem: 'problem',
  byDistrict: null,
  bySex: 'sex',
  byAge: null,
  byOutcome: 'intakeOutcome',
};

/** The year's requests for help from every channel, counted as the results report counts them. */
export function RequestsPanel({ year, suppressed }: { year: number; suppressed: boolean }) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const counts = useApiQuery(resultsApi.requests, {
    query: { year, suppress: suppressed ? 'true' : 'false' },
  });
  const data = counts.data;
  if (!data) return <ErrorAlert error={counts.error} />;
  const label = (breakdown: Breakdown, key: string) => {
    if (key === 'unknown') return t('results.requests.notSaid');
    if (breakdown === 'byOutcome' && key === 'open') return t('results.requests.stillOpen');
    if (breakdown === 'byDistrict') return districts.nameOf(key);
    const group = WORDS[breakdown];
    return group ? t(`enums.${group}.${key}`) : key;
  };
  return (
    <Stack data-testid="requests-panel">
      <Group gap="xl">
        <div>
          <Text size="sm" c="dimmed">
            {t('results.requests.total')}
          </Text>
          <Text size="xl" fw={700} data-testid="requests-total">
            {data.total}
          </Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            {t('results.requests.inTime')}
          </Text>
          <Text size="xl" fw={700}>
            {data.answeredInTime === null ? '—' : `${Math.round(data.answeredInTime * 100)}%`}
          </Text>
        </div>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {(Object.keys(WORDS) as Breakdown[]).map((breakdown) => (
          <Paper key={breakdown} withBorder p="sm">
            <Title order={4} mb="xs">
              {t(`results.requests.${breakdown}`)}
            </Title>
            <Table data-testid={`requests-${breakdown}`}>
              <Table.Tbody>
                {Object.entries(data[breakdown]).map(([key, n]) => (
                  <Table.Tr key={key}>
                    <Table.Td>{label(breakdown, key)}</Table.Td>
                    <Table.Td ta="end">
                      <bdi>{n}</bdi>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {Object.keys(data[breakdown]).length === 0 && (
              <Text size="sm" c="dimmed">
                {t('results.requests.none')}
              </Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
