import { grantedScope, PERMISSIONS, ROLES, type SessionUser } from '@komek/domain';
import { Badge, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const SCOPE_COLOURS = { own: 'gray', office: 'blue', organisation: 'teal', all: 'grape' } as const;

/**
 * The one permission table, read-only: what each role may do and how widely — its own records,
 * its office's, the whole organisation's. The server decides from the same table.
 */
export function RolesPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('rolesPage.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('rolesPage.intro', { role: t(`roles.${user.role}`) })}
      </Text>
      <ScrollArea type="auto">
        <Table striped withTableBorder stickyHeader data-testid="roles-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rolesPage.permission')}</Table.Th>
              {ROLES.map((role) => (
                <Table.Th key={role} data-current={role === user.role || undefined}>
                  {t(`roles.${role}`)}
                </Table.Th>
              ))}
              <Table.Th>{t('rolesPage.platformAdmin')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PERMISSIONS.map((permission) => (
              <Table.Tr key={permission} data-testid={`permission-${permission}`}>
                <Table.Td>{t(`permissions.${permission}`)}</Table.Td>
                {ROLES.map((role) => (
                  <Table.Td key={role} data-label={t(`roles.${role}`)}>
                    <Scope scope={grantedScope(role, false, permission)} />
                  </Table.Td>
                ))}
                <Table.Td data-label={t('rolesPage.platformAdmin')}>
                  {/* What the operator of a shared installation holds beyond their own role. */}
                  <Scope scope={grantedScope('viewer', true, permission)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}

function Scope({ scope }: { scope: keyof typeof SCOPE_COLOURS | null }) {
  const { t } = useTranslation();
  if (!scope)
    return (
      <Text span c="dimmed" aria-label={t('rolesPage.none')}>
        —
      </Text>
    );
  return (
    <Badge variant="light" color={SCOPE_COLOURS[scope]} size="sm">
      {t(`rolesPage.scopes.${scope}`)}
    </Badge>
  );
}
