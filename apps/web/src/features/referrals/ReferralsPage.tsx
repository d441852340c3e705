import { referralsApi, type SessionUser } from '@komek/domain';
import { Checkbox, Group, SegmentedControl, Stack, Table, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ReferralTable } from './ReferralTable.tsx';

const LIMIT = 50;

function ReferralList({ direction }: { direction: 'incoming' | 'outgoing' }) {
  const [offset, setOffset] = useState(0);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const { t } = useTranslation();
  const list = useApiQuery(
    referralsApi.list,
    { query: { direction, limit: LIMIT, offset, overdue: overdueOnly ? 'true' : undefined } },
    { refetchInterval: 60_000 },
  );
  return (
    <Stack gap="xs">
      <Checkbox
        label={t('referrals.overdue')}
        checked={overdueOnly}
        onChange={(e) => setOverdueOnly(e.currentTarget.checked)}
      />
      <ErrorAlert error={list.error} />
      {list.data && <ReferralTable items={list.data.items} direction={direction} />}
      <Pager
        offset={offset}
        limit={LIMIT}
        total={list.data?.total ?? 0}
        capped={list.data?.totalCapped}
        onChange={setOffset}
      />
    </Stack>
  );
}

/** Per partner: how much we send them (or they send us), how fast they answer, what is late. */
function PartnerFigures() {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<'outgoing' | 'incoming'>('outgoing');
  const stats = useApiQuery(referralsApi.stats, { query: { direction } });
  return (
    <Stack gap="xs">
      <Group>
        <SegmentedControl
          data={[
            { value: 'outgoing', label: t('referrals.outgoing') },
            { value: 'incoming', label: t('referrals.incoming') },
          ]}
          value={direction}
          onChange={(v) => setDirection(v as typeof direction)}
        />
      </Group>
      <ErrorAlert error={stats.error} />
      <Table striped data-testid="partner-figures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('referrals.partner')}</Table.Th>
            <Table.Th>
              {direction === 'outgoing' ? t('referrals.sentCount') : t('referrals.received')}
            </Table.Th>
            <Table.Th>{t('referrals.accepted')}</Table.Th>
            <Table.Th>{t('referrals.declined')}</Table.Th>
            <Table.Th>{t('referrals.completed')}</Table.Th>
            <Table.Th>{t('referrals.open')}</Table.Th>
            <Table.Th>{t('referrals.overdue')}</Table.Th>
            <Table.Th>{t('referrals.medianHours')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stats.data?.rows.map((r) => (
            <Table.Tr key={r.orgId}>
              <Table.Td>{r.orgName}</Table.Td>
              <Table.Td>{r.sent}</Table.Td>
              <Table.Td>{r.accepted}</Table.Td>
              <Table.Td>{r.declined}</Table.Td>
              <Table.Td>{r.completed}</Table.Td>
              <Table.Td>{r.open}</Table.Td>
              <Table.Td c={r.overdue > 0 ? 'red' : undefined}>{r.overdue}</Table.Td>
              <Table.Td>{r.medianResponseHours ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function ReferralsPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  // A partner's work is what arrives; a caseworker's is mostly what they sent.
  const [tab, setTab] = useState<string | null>(
    user.role === 'partner_focal_point' ? 'incoming' : 'outgoing',
  );
  return (
    <Stack>
      <Title order={2}>{t('referrals.title')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="incoming">{t('referrals.incoming')}</Tabs.Tab>
          <Tabs.Tab value="outgoing">{t('referrals.outgoing')}</Tabs.Tab>
          <Tabs.Tab value="partners">{t('referrals.byPartner')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="incoming" pt="sm">
          <ReferralList direction="incoming" />
        </Tabs.Panel>
        <Tabs.Panel value="outgoing" pt="sm">
          <ReferralList direction="outgoing" />
        </Tabs.Panel>
        <Tabs.Panel value="partners" pt="sm">
          <PartnerFigures />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
