import { CASE_PRIORITIES, CASE_STATUSES, casesApi, referralsApi, type SessionUser } from '@komek/domain';
import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { MyFollowUps } from '../lists/MyFollowUps.tsx';
import { DeadlineDigest } from '../procedures/DeadlineDigest.tsx';
import { ReferralTable } from '../referrals/ReferralTable.tsx';

function Figure({
  label,
  value,
  testId,
  to,
}: {
  label: string;
  value: number;
  testId?: string;
  /** The list behind the number, for a figure one acts on. */
  to?: { awaitingApproval?: 'true'; overdue?: 'true'; assignedTo?: 'me' };
}) {
  const body = (
    <>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={testId}>
        {value}
      </Text>
    </>
  );
  if (!to)
    return (
      <Paper withBorder p="md">
        {body}
      </Paper>
    );
  return (
    // The cases page reads its filters from the address itself; routes declare no search schema.
    <Paper withBorder p="md" component={Link} to="/cases" search={to as never} style={{ display: 'block' }}>
      {body}
    </Paper>
  );
}

/** A lawyer sees their own caseload; a supervisor sees the team's, with who carries what. */
function CaseloadDashboard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const mine = !can(user, 'case.approve_close');
  const load = useApiQuery(casesApi.caseload, { query: { mine: mine ? 'true' : 'false' } });
  if (load.error) return <ErrorAlert error={load.error} />;
  if (!load.data) return null;
  const d = load.data;
  return (
    <Stack>
      <Title order={4}>{mine ? t('cases.mine') : t('cases.caseload')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {CASE_STATUSES.map((s) => (
          <Figure
            key={s}
            label={t(`enums.status.${s}`)}
            value={d.byStatus[s] ?? 0}
            testId={`caseload-${s}`}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {CASE_PRIORITIES.map((p) => (
          <Figure key={p} label={t(`enums.priority.${p}`)} value={d.byPriority[p] ?? 0} />
        ))}
        <Figure
          label={t('cases.overdueTasks')}
          value={d.overdueTasks}
          to={mine ? { overdue: 'true', assignedTo: 'me' } : { overdue: 'true' }}
        />
        <Figure
          label={t('cases.awaitingApproval')}
          value={d.awaitingCloseApproval}
          testId="caseload-awaiting-approval"
          to={mine ? undefined : { awaitingApproval: 'true' }}
        />
      </SimpleGrid>
      {!mine && (
        <Table data-testid="caseload-by-assignee">
          <Table.Caption>{t('cases.byAssignee')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.assignee')}</Table.Th>
              <Table.Th>{t('cases.openCount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.byAssignee.map((a) => (
              <Table.Tr key={a.userId ?? 'none'}>
                <Table.Td>{a.name ?? t('cases.unassigned')}</Table.Td>
                <Table.Td>{a.open}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** A partner's first screen: what was referred to it and still waits for an answer. */
function AwaitingAnswer() {
  const { t } = useTranslation();
  const list = useApiQuery(referralsApi.list, {
    query: { direction: 'incoming', status: 'sent', limit: 50 },
  });
  return (
    <Stack gap="xs">
      <Title order={4}>{t('referrals.incoming')}</Title>
      <ErrorAlert error={list.error} />
      {list.data && <ReferralTable items={list.data.items} direction="incoming" />}
    </Stack>
  );
}

export function HomePage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} data-testid="welcome">
          {t('home.welcome', { name: user.displayName })}
        </Title>
      </Group>
      <Text c="dimmed">{t('home.signedInAs', { role: t(`roles.${user.role}`), org: user.orgName })}</Text>
      <MyFollowUps />
      {can(user, 'case.read') && <DeadlineDigest mine={!can(user, 'case.approve_close')} />}
      {can(user, 'case.read') && <CaseloadDashboard user={user} />}
      {!can(user, 'case.read') && can(user, 'referral.respond') && <AwaitingAnswer />}
    </Stack>
  );
}
