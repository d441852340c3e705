import { referralsApi, type SessionUser } from '@komek/domain';
import { Button, Group, Modal, Stack, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ReferralForm } from './ReferralForm.tsx';
import { ReferralTable } from './ReferralTable.tsx';

/** The referrals sent from one case, and the button that starts a new one. */
export function CaseReferrals({ caseId, open, user }: { caseId: string; open: boolean; user: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sending, setSending] = useState(false);
  const list = useApiQuery(
    referralsApi.list,
    { query: { direction: 'outgoing', caseId, limit: 50 } },
    { enabled: can(user, 'referral.read') },
  );
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t('referrals.caseReferrals')}</Title>
        {open && can(user, 'referral.send') && (
          <Button variant="light" onClick={() => setSending(true)} data-testid="refer-button">
            {t('referrals.refer')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={list.error} />
      {list.data && <ReferralTable items={list.data.items} direction="outgoing" />}
      <Modal opened={sending} onClose={() => setSending(false)} title={t('referrals.refer')} size="lg">
        <ReferralForm
          from={{ caseId }}
          ownOrgId={user.orgId}
          onSent={(sent) => {
            setSending(false);
            void navigate({ to: '/referrals/$referralId', params: { referralId: sent.id } });
          }}
        />
      </Modal>
    </Stack>
  );
}
