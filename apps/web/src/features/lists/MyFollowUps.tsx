import { listsApi } from '@komek/domain';
import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** People from outside lists the user was asked to look for; shown only when there are some. */
export function MyFollowUps() {
  const { t } = useTranslation();
  const q = useApiQuery(listsApi.myFollowUps, {});
  const finish = useApiMutation(listsApi.finishFollowUp, {
    invalidates: [listsApi.myFollowUps, listsApi.rows],
  });
  const open = (q.data?.items ?? []).filter((f) => !f.doneAt);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (open.length === 0) return null;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Stack gap="xs" data-testid="my-follow-ups">
      <Title order={4}>{t('lists.myFollowUps')}</Title>
      <ErrorAlert error={finish.error} />
      <Table striped>
        <Table.Tbody>
          {open.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                {f.record.lastName} {f.record.firstName}
              </Table.Td>
              <Table.Td>{f.record.dateOfBirth}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {f.listName} · {f.externalId}
                </Text>
              </Table.Td>
              <Table.Td c={f.dueDate && f.dueDate < today ? 'red' : undefined}>{f.dueDate}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() =>
                    finish.mutate({ params: { id: f.listId, rowId: f.id }, body: { done: true } })
                  }
                >
                  {t('lists.done')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
