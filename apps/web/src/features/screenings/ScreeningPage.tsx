import {
  SCREENING_INDICATORS,
  type SessionUser,
  SUPPORT_SERVICE,
  type SupportNeed,
  screeningsApi,
} from '@komek/domain';
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CaseLink, PersonLink } from '../../components/RecordLinks.tsx';
import { ReferralForm } from '../referrals/ReferralForm.tsx';
import { RiskSummary } from './RiskSummary.tsx';

/** One screening: its level and reasons, the answers, and a referral for each support the person needs. */
export function ScreeningPage({ me }: { me: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { screeningId } = useParams({ strict: false }) as { screeningId: string };
  const s = useApiQuery(screeningsApi.get, { params: { id: screeningId } });
  const [referring, setReferring] = useState<SupportNeed | null>(null);
  if (s.error) return <ErrorAlert error={s.error} />;
  const data = s.data;
  if (!data) return null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('screening.title')}</Title>
        <Badge color="grape" size="lg">
          {t('cases.restricted')}
        </Badge>
      </Group>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text>
            <PersonLink id={data.personId}>{data.personName}</PersonLink> ·{' '}
            <CaseLink id={data.caseId}>
              {t('cases.number')} <bdi>{data.caseNumber}</bdi>
            </CaseLink>
          </Text>
          <Text size="sm">
            {data.screenedOn} · {data.screenedByName ?? ''}
          </Text>
        </Stack>
      </Paper>
      <RiskSummary risk={data.risk} />
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('screening.supportNeeds')}
        </Title>
        {data.supportNeeds.length === 0 && <Text size="sm">{t('screening.noSupport')}</Text>}
        <Stack gap="xs">
          {data.supportNeeds.map((need) => (
            <Group key={need} justify="space-between">
              <Text>{t(`enums.supportNeed.${need}`)}</Text>
              {can(me, 'referral.send') && (
                <Button variant="light" onClick={() => setReferring(need)} data-testid={`refer-${need}`}>
                  {t('screening.refer')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('screening.answersTitle')}
        </Title>
        <Table>
          <Table.Tbody>
            {SCREENING_INDICATORS.map((i) => (
              <Table.Tr key={i}>
                <Table.Td>{t(`screening.indicators.${i}`)}</Table.Td>
                <Table.Td>{t(`screening.answers.${data.answers[i]}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data.notes && (
          <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {data.notes}
          </Text>
        )}
      </Paper>
      <Modal
        opened={referring !== null}
        onClose={() => setReferring(null)}
        title={referring ? t('screening.referFor', { need: t(`enums.supportNeed.${referring}`) }) : ''}
        size="lg"
      >
        {referring && (
          <ReferralForm
            from={{ caseId: data.caseId }}
            ownOrgId={me.orgId}
            initial={{
              need: t('screening.referralNeed', { need: t(`enums.supportNeed.${referring}`) }),
              priority: data.risk.level === 'high' ? 'urgent' : 'normal',
              serviceType: SUPPORT_SERVICE[referring],
            }}
            onSent={(sent) => {
              setReferring(null);
              void navigate({ to: '/referrals/$referralId', params: { referralId: sent.id } });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
