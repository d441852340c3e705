import type { Referral } from '@komek/domain';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ReferralLink } from '../../components/RecordLinks.tsx';
import { ReferralStatusBadge } from './ReferralStatusBadge.tsx';

export function ReferralTable({
  items,
  direction,
}: {
  items: Referral[];
  direction: 'incoming' | 'outgoing';
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('referrals.none')}</Text>;
  return (
    <Table striped data-testid={`referrals-${direction}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('referrals.reference')}</Table.Th>
          <Table.Th>{direction === 'incoming' ? t('referrals.from') : t('referrals.to')}</Table.Th>
          <Table.Th>{t('referrals.service')}</Table.Th>
          <Table.Th>{t('referrals.priority')}</Table.Th>
          <Table.Th>{t('referrals.status')}</Table.Th>
          <Table.Th>{t('referrals.sent')}</Table.Th>
          <Table.Th>{t('referrals.respondBy')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <ReferralLink id={r.id}>{r.reference}</ReferralLink>
            </Table.Td>
            <Table.Td>{direction === 'incoming' ? r.fromOrg.name : r.toOrg.name}</Table.Td>
            <Table.Td>{r.service.name}</Table.Td>
            <Table.Td>{t(`enums.priority.${r.priority}`)}</Table.Td>
            <Table.Td>
              <ReferralStatusBadge referral={r} />
            </Table.Td>
            <Table.Td>{r.sentAt.slice(0, 10)}</Table.Td>
            <Table.Td c={r.overdue ? 'red' : undefined}>
              {r.respondBy.slice(0, 16).replace('T', ' ')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
