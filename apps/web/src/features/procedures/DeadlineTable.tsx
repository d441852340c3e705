import type { Deadline } from '@komek/domain';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CaseLink } from '../../components/RecordLinks.tsx';

export function DeadlineTable({ items }: { items: Deadline[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('deadlines.none')}</Text>;
  return (
    <Table striped data-testid="deadline-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('deadlines.due')}</Table.Th>
          <Table.Th>{t('deadlines.case')}</Table.Th>
          <Table.Th>{t('deadlines.procedure')}</Table.Th>
          <Table.Th>{t('deadlines.step')}</Table.Th>
          <Table.Th>{t('deadlines.assigned')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((d) => (
          <Table.Tr key={d.stepId}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm" c={d.overdue ? 'red' : undefined} fw={d.overdue ? 700 : undefined}>
                {d.dueDate}
              </Text>
              {d.overdue ? (
                <Badge color="red" size="xs">
                  {t('procedures.overdue')}
                </Badge>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('procedures.daysLeft', { count: d.daysLeft })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <CaseLink id={d.caseId}>{d.caseNumber}</CaseLink>
            </Table.Td>
            <Table.Td>{d.procedureName}</Table.Td>
            <Table.Td>
              {d.stepName}{' '}
              {d.toConfirm && (
                <Badge color="yellow" variant="light" size="xs">
                  {t('procedures.toConfirm')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{d.assignedName ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
