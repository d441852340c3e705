import { messengerApi } from '@komek/domain';
import { Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const COLUMNS = ['messages', 'questions', 'adviceGiven', 'mentoring', 'converted'] as const;
const HEADINGS: Record<(typeof COLUMNS)[number], string> = {
  messages: 'messenger.figureMessages',
  questions: 'messenger.questions',
  adviceGiven: 'messenger.adviceGiven',
  mentoring: 'messenger.mentoring',
  converted: 'messenger.converted',
};

/** This year's work in the groups: questions, advice given, mentoring, requests made. */
export function GroupFigures() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const stats = useApiQuery(messengerApi.stats, { query: { year } });
  if (!stats.data) return <ErrorAlert error={stats.error} />;
  return (
    <>
      <Title order={4}>
        {t('messenger.figures')} <bdi>{year}</bdi>
      </Title>
      <Table striped data-testid="group-figures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('messenger.group')}</Table.Th>
            {COLUMNS.map((c) => (
              <Table.Th key={c}>{t(HEADINGS[c])}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stats.data.groups.map((g) => (
            <Table.Tr key={g.groupId}>
              <Table.Td>
                <bdi>{g.name}</bdi>
              </Table.Td>
              {COLUMNS.map((c) => (
                <Table.Td key={c} data-label={t(HEADINGS[c])}>
                  {g[c]}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>{t('messenger.total')}</Table.Td>
            {COLUMNS.map((c) => (
              <Table.Td key={c} data-label={t(HEADINGS[c])}>
                {stats.data.total[c]}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </>
  );
}
