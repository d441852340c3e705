import { organisationsApi, type SessionUser, type User, usersApi, zPasswordResetInput } from '@komek/domain';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  PasswordInput,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Pager } from '../../components/Pager.tsx';
import { UserForm } from './UserForm.tsx';

const LIMIT = 25;

function ResetPassword({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const reset = useApiMutation(usersApi.resetPassword, {
    invalidates: [usersApi.list],
    onSuccess: onDone,
    onError: (e) => setError(fieldErrors(e).newPassword ?? e.message),
  });
  return (
    <Stack>
      <PasswordInput
        label={t('users.newPassword')}
        value={password}
        error={error}
        onChange={(e) => setPassword(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button
          loading={reset.isPending}
          onClick={() => {
            const checked = validateWith(zPasswordResetInput, { newPassword: password });
            if (checked.errors) return setError(checked.errors.newPassword);
            reset.mutate({ params: { id: user.id }, body: checked.data });
          }}
        >
          {t('users.resetPassword')}
        </Button>
      </Group>
    </Stack>
  );
}

export function UsersPage({ me }: { me: SessionUser }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const manage = can(me, 'user.manage');

  const users = useApiQuery(usersApi.list, { query: { limit: LIMIT, offset, q: q || undefined } });
  const offices = useApiQuery(organisationsApi.offices, { params: { id: me.orgId } });
  const officeName = (id: string | null) => offices.data?.items.find((o) => o.id === id)?.name ?? '—';
  const unlock = useApiMutation(usersApi.unlock, { invalidates: [usersApi.list] });
  const signOut = useApiMutation(usersApi.signOutEverywhere, { invalidates: [usersApi.list] });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Anchor component={Link} to="/roles" size="sm" data-testid="roles-link">
          {t('rolesPage.link')}
        </Anchor>
        {manage && (
          <Button onClick={() => setEditing('new')} data-testid="new-user">
            {t('users.new')}
          </Button>
        )}
      </Group>
      <TextInput
        placeholder={t('common.search')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setOffset(0);
        }}
        maw={360}
      />
      <ErrorAlert error={users.error} />
      <Table striped highlightOnHover data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.displayName')}</Table.Th>
            <Table.Th>{t('users.email')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.office')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            {manage && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data?.items.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
              <Table.Td>{officeName(u.officeId)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.disabled ? (
                    <Badge color="gray">{t('users.disabled')}</Badge>
                  ) : u.lockedUntil ? (
                    <Badge color="red">{t('users.locked')}</Badge>
                  ) : (
                    <Badge color="green">{t('users.active')}</Badge>
                  )}
                  {u.totpEnabled && <Badge variant="outline">{t('users.totp')}</Badge>}
                </Group>
              </Table.Td>
              {manage && (
                <Table.Td>
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button size="xs" variant="subtle">
                        {t('common.actions')}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setEditing(u)}>{t('common.edit')}</Menu.Item>
                      <Menu.Item onClick={() => setResetting(u)}>{t('users.resetPassword')}</Menu.Item>
                      {u.lockedUntil && (
                        <Menu.Item onClick={() => unlock.mutate({ params: { id: u.id } })}>
                          {t('users.unlock')}
                        </Menu.Item>
                      )}
                      <Menu.Item onClick={() => signOut.mutate({ params: { id: u.id } })}>
                        {t('users.signOutEverywhere')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {users.data && <Pager offset={offset} limit={LIMIT} total={users.data.total} onChange={setOffset} />}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('users.new') : t('common.edit')}
      >
        {editing !== null && (
          <UserForm
            orgId={me.orgId}
            offices={offices.data?.items ?? []}
            user={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal opened={resetting !== null} onClose={() => setResetting(null)} title={t('users.resetPassword')}>
        {resetting && <ResetPassword user={resetting} onDone={() => setResetting(null)} />}
      </Modal>
    </Stack>
  );
}
