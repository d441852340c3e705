import type { Referral } from '@komek/domain';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOUR: Record<Referral['status'], string> = {
  sent: 'blue',
  accepted: 'teal',
  in_progress: 'cyan',
  completed: 'green',
  declined: 'gray',
  revoked: 'gray',
};

export function ReferralStatusBadge({ referral }: { referral: Pick<Referral, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={COLOUR[referral.status]} data-testid="referral-status">
        {t(`enums.referralStatus.${referral.status}`)}
      </Badge>
      {referral.overdue && <Badge color="red">{t('referrals.overdue')}</Badge>}
    </Group>
  );
}
