import { type Case, grantedScope, type SessionUser, screeningsApi, usersApi } from '@komek/domain';
import { Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/**
 * Who may read a restricted case besides supervisors: its assignee and the colleagues named on it.
 * Whoever works the case names or removes them; a colleague taken off reads nothing more of it.
 */
export function CaseMembers({ c, me }: { c: Case; me: SessionUser }) {
  const { t } = useTranslation();
  const members = useApiQuery(screeningsApi.members, { params: { id: c.id } });
  const [editing, setEditing] = useState<string[] | null>(null);
  const staff = useApiQuery(usersApi.list, { query: { limit: 200 } }, { enabled: editing !== null });
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation(screeningsApi.setMembers, {
    invalidates: [screeningsApi.members],
    onSuccess: () => setEditing(null),
    onError: (e) => setError(Object.values(fieldErrors(e))[0] ?? null),
  });
  const items = members.data?.items ?? [];
  const named = items.filter((m) => !m.assignee);
  const options = [
    ...(staff.data?.items ?? [])
      .filter(
        (u) => !u.disabled && u.id !== c.assignedTo && grantedScope(u.role, u.platformAdmin, 'case.read'),
      )
      .map((u) => ({ value: u.id, label: u.displayName })),
    ...named.map((m) => ({ value: m.userId, label: m.name })),
  ].filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);
  return (
    <Stack gap={4} data-testid="case-members">
      <Text size="sm" fw={500}>
        {t('screening.named')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('screening.namedHint')}
      </Text>
      <ErrorAlert error={members.error} />
      <Text size="sm" data-testid="case-members-names">
        {items.map((m) => (m.assignee ? `${m.name} (${t('cases.assigned')})` : m.name)).join(' · ')}
      </Text>
      {editing === null ? (
        can(me, 'case.manage') &&
        c.status !== 'closed' && (
          <Group>
            <Button
              size="xs"
              variant="light"
              onClick={() => setEditing(named.map((m) => m.userId))}
              data-testid="case-members-edit"
            >
              {t('screening.changeNamed')}
            </Button>
          </Group>
        )
      ) : (
        <Stack gap={4}>
          <MultiSelect
            label={t('screening.named')}
            data={options}
            value={editing}
            onChange={setEditing}
            searchable
            error={error}
            data-testid="case-members-select"
          />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={save.isPending}
              onClick={() => save.mutate({ params: { id: c.id }, body: { userIds: editing } })}
              data-testid="case-members-save"
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
