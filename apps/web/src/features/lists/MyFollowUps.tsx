import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';

interface FollowUp {
  id: string;
  listId: string;
  listName: string;
  externalId: string;
  record: { firstName: string; lastName: string; dateOfBirth: string | null };
  dueDate: string | null;
  doneAt: string | null;
}

/** People from outside lists the user was asked to look for; shown only when there are some. */
export function MyFollowUps() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['follow-ups', 'mine'],
    queryFn: () => api<{ items: FollowUp[] }>('/lists/follow-ups/mine'),
  });
  const open = (q.data?.items ?? []).filter((f) => !f.doneAt);
  if (open.length === 0) return null;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Stack gap="xs" data-testid="my-follow-ups">
      <Title order={4}>{t('lists.myFollowUps')}</Title>
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
                  onClick={async () => {
                    await api(`/lists/${f.listId}/rows/${f.id}`, { method: 'PATCH', body: { done: true } });
                    await q.refetch();
                  }}
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
