import { listsApi, type MyFollowUp } from '@komek/domain';
import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { amend } from '../../offline/answers.ts';

/** People from outside lists the user was asked to look for; shown only when there are some. */
export function MyFollowUps() {
  const { t } = useTranslation();
  const q = useApiQuery(listsApi.myFollowUps, {});
  const finish = useApiMutation(listsApi.finishFollowUp, {
    invalidates: [listsApi.myFollowUps, listsApi.rows],
    offline: {
      kind: 'followUp',
      title: ({ params }) => {
        const f = q.data?.items.find((i) => i.id === params.rowId);
        return f ? `${f.record.lastName} ${f.record.firstName}` : '';
      },
      local: async ({ params }) => {
        await amend<{ items: MyFollowUp[] }>(urlOf(listsApi.myFollowUps, {}), (old) =>
          old
            ? {
                items: old.items.map((i) =>
                  i.id === params.rowId ? { ...i, doneAt: new Date().toISOString() } : i,
                ),
              }
            : undefined,
        );
        return undefined as never;
      },
    },
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
