import { type Referral, referralsApi, type SessionUser } from '@komek/domain';
import { Anchor, Badge, Group, Modal, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../app/api.ts';
import { useApiQuery } from '../../app/hooks.ts';
import { interfaceLocale } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CaseLink, ReferralLink } from '../../components/RecordLinks.tsx';
import { useDistricts } from '../../components/useDistricts.ts';
import { ReferralActions } from './ReferralActions.tsx';
import { ReferralForm } from './ReferralForm.tsx';
import { ReferralStatusBadge } from './ReferralStatusBadge.tsx';
import { ReferralThread } from './ReferralThread.tsx';

/** Rows for the shared snapshot, labelled as the sender saw them when ticking. */
function useSharedRows(shared: Referral['shared']) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const rows: Array<[string, string]> = [];
  const push = (field: string, value: string | null | undefined) =>
    rows.push([t(`enums.shareField.${field}`), value ?? '—']);
  if ('name' in shared) push('name', shared.name);
  if ('sex' in shared) push('sex', shared.sex ? t(`enums.sex.${shared.sex}`) : null);
  if ('birthDate' in shared) push('birth_date', shared.birthDate);
  if ('phone' in shared) push('phone', shared.phone);
  if ('languages' in shared) push('languages', shared.languages?.join(', '));
  if ('districtId' in shared) push('district', districts.nameOf(shared.districtId));
  if ('nationalityStatus' in shared)
    push('nationality_status', t(`enums.nationalityStatus.${shared.nationalityStatus}`));
  if ('populationType' in shared) push('population_type', t(`enums.populationType.${shared.populationType}`));
  if ('specificNeeds' in shared) push('specific_needs', shared.specificNeeds?.join(', '));
  if ('problems' in shared) push('problems', shared.problems?.map((p) => t(`enums.problem.${p}`)).join(', '));
  if ('caseSummary' in shared) push('case_summary', shared.caseSummary);
  if ('documents' in shared)
    push(
      'documents',
      shared.documents
        ?.map(
          (d) =>
            `${t(`enums.documentType.${d.type}`)} (${t(`enums.documentStatus.${d.status}`)})${d.number ? ` ${d.number}` : ''}`,
        )
        .join('; '),
    );
  return rows;
}

export function ReferralPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { referralId } = useParams({ strict: false }) as { referralId: string };
  const [onward, setOnward] = useState(false);
  const q = useApiQuery(referralsApi.get, { params: { id: referralId } });
  const rows = useSharedRows(q.data?.shared ?? {});
  if (q.error) return <ErrorAlert error={q.error} />;
  const r = q.data;
  if (!r) return null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>
          {t('referrals.title')} <bdi>{r.reference}</bdi>
        </Title>
        <Group gap="xs">
          <ReferralStatusBadge referral={r} />
          <Badge color={r.priority === 'emergency' ? 'red' : r.priority === 'urgent' ? 'orange' : 'gray'}>
            {t(`enums.priority.${r.priority}`)}
          </Badge>
        </Group>
      </Group>
      <Paper withBorder p="md">
        <Table variant="vertical" layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={220}>{t('referrals.from')}</Table.Th>
              <Table.Td>{r.fromOrg.name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('referrals.to')}</Table.Th>
              <Table.Td>
                {r.toOrg.name} — {r.service.name}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('referrals.caseCode')}</Table.Th>
              <Table.Td>{r.caseId ? <CaseLink id={r.caseId}>{r.caseCode}</CaseLink> : r.caseCode}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('referrals.respondBy')}</Table.Th>
              <Table.Td c={r.overdue ? 'red' : undefined}>
                {r.respondBy.slice(0, 16).replace('T', ' ')}
                {r.expectedDate && ` · ${t('referrals.expected', { date: r.expectedDate })}`}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('referrals.need')}</Table.Th>
              <Table.Td data-testid="referral-need">{r.need}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('referrals.contact')}</Table.Th>
              <Table.Td>{r.contact}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('referrals.consent')}</Table.Th>
              <Table.Td>
                {r.consent.kind === 'consent'
                  ? t('referrals.consentGiven', { date: r.consent.givenAt, scope: r.consent.scope })
                  : t('referrals.override', { reason: r.consent.overrideReason })}
              </Table.Td>
            </Table.Tr>
            {r.outcome && (
              <Table.Tr>
                <Table.Th>{t('referrals.outcome')}</Table.Th>
                <Table.Td data-testid="referral-outcome">{t(`enums.referralOutcome.${r.outcome}`)}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <Title order={4}>{t('referrals.shared')}</Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('referrals.nothingShared')}</Text>
      ) : (
        <Table variant="vertical" data-testid="referral-shared">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={220}>{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Anchor
          href={urlOf(referralsApi.form, { params: { id: r.id }, query: { locale: interfaceLocale() } })}
          target="_blank"
        >
          {t('referrals.print')}
        </Anchor>
      </Group>
      <ReferralActions referral={r} onOnward={() => setOnward(true)} />
      {r.onward && r.onward.length > 0 && (
        <>
          <Title order={4}>{t('referrals.onwardList')}</Title>
          {r.onward.map((o) => (
            <Text key={o.id}>
              <ReferralLink id={o.id}>{o.reference}</ReferralLink> → {o.toOrgName} (
              {t(`enums.referralStatus.${o.status}`)})
            </Text>
          ))}
        </>
      )}
      <ReferralThread referral={r} user={user} />
      <Title order={4}>{t('referrals.history')}</Title>
      <Timeline bulletSize={14} lineWidth={2} data-testid="referral-history">
        {r.events
          ?.filter((e) => e.kind !== 'message')
          .map((e) => (
            <Timeline.Item key={e.id} title={t(`referrals.events.${e.kind}`, { defaultValue: e.kind })}>
              <Text size="xs" c="dimmed">
                {e.at.slice(0, 16).replace('T', ' ')} · {[e.byName, e.orgName].filter(Boolean).join(', ')}
              </Text>
              {typeof e.data.outcome === 'string' && (
                <Text size="sm">{t(`enums.referralOutcome.${e.data.outcome}`)}</Text>
              )}
              {e.note && <Text size="sm">{e.note}</Text>}
            </Timeline.Item>
          ))}
      </Timeline>
      <Modal opened={onward} onClose={() => setOnward(false)} title={t('referrals.referOnward')} size="lg">
        <ReferralForm
          from={{ onwardFrom: r.id }}
          ownOrgId={user.orgId}
          allowedFields={r.sharedFields}
          onSent={(sent) => {
            setOnward(false);
            void navigate({ to: '/referrals/$referralId', params: { referralId: sent.id } });
          }}
        />
      </Modal>
    </Stack>
  );
}
