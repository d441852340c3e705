import { AUTHOR_ROLES, type MessengerAuthor, messengerApi } from '@komek/domain';
import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';

/**
 * Who writes in a group: the organisation's own people (their replies count as advice given), the
 * working group's members (exchanges with them count as mentoring), or the public.
 */
export function GroupWriters({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const writers = useApiQuery(messengerApi.authors, { params: { id: groupId } });
  const update = useApiMutation(messengerApi.updateAuthor, {
    invalidates: [messengerApi.authors, messengerApi.messages, messengerApi.stats],
  });
  const setRole = (w: MessengerAuthor, role: string) =>
    update.mutate({
      params: { id: groupId, authorId: w.id },
      body: { version: w.version, role: role as MessengerAuthor['role'] },
    });
  return (
    <>
      <ErrorAlert error={writers.error ?? update.error} />
      <Table data-testid="group-writers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('messenger.writer')}</Table.Th>
            <Table.Th>{t('messenger.figureMessages')}</Table.Th>
            <Table.Th>{t('messenger.role')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {writers.data?.items.map((w) => (
            <Table.Tr key={w.id}>
              <Table.Td>{w.ordinal}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  <bdi>{w.name}</bdi>
                </Text>
              </Table.Td>
              <Table.Td data-label={t('messenger.figureMessages')}>{w.messages}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('messenger.role')}
                  data={enumOptions(t, 'authorRole', AUTHOR_ROLES)}
                  value={w.role}
                  allowDeselect={false}
                  w={220}
                  size="xs"
                  onChange={(v) => v && setRole(w, v)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
