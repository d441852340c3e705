import { type Assistance, assistanceApi, type SessionUser } from '@komek/domain';
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { dateOnly } from '../../components/date-time.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { assistanceColour } from './AssistancePage.tsx';
import { DecisionForm, DistributeForm, MonitoringForm } from './AssistanceSteps.tsx';
import { money } from './money.ts';

/** One grant: for whom, what and why; its decision; each instalment handed over; what the person said after. */
export function AssistanceRecordPage({ me }: { me: SessionUser }) {
  const { t, i18n } = useTranslation();
  const { assistanceId } = useParams({ strict: false }) as { assistanceId: string };
  const query = useApiQuery(assistanceApi.get, { params: { id: assistanceId } });
  const a = query.data;
  if (!a) return <ErrorAlert error={query.error} />;
  // Never the asker; above the threshold, only an administrator (the server holds the same rule).
  const mayDecide =
    can(me, 'assistance.approve') &&
    a.requestedById !== me.id &&
    a.status === 'requested' &&
    (!a.aboveThreshold || can(me, 'organisation.manage'));
  const handing = a.status === 'approved' || a.status === 'distributing';
  const given = a.status === 'distributing' || a.status === 'distributed';
  return (
    <Stack data-testid="assistance">
      <Group justify="space-between">
        <Title order={2}>
          <bdi>{a.reference}</bdi>
        </Title>
        <Badge size="lg" color={assistanceColour[a.status]} data-testid="assistance-status">
          {t(`enums.assistanceStatus.${a.status}`)}
        </Badge>
      </Group>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text fw={600}>
            <Recipient a={a} /> · {t(`enums.assistanceKind.${a.kind}`)} ·{' '}
            {t(`enums.assistancePurpose.${a.purpose}`)}
          </Text>
          <Text size="sm">
            <bdi>{money(i18n.language, a.amount, a.currency)}</bdi>
            {a.instalments > 1 && ` · ${t('assistance.inInstalments', { n: a.instalments })}`}
            {a.items && (
              <>
                {' · '}
                <bdi>{a.items}</bdi>
              </>
            )}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            <bdi>{a.reason}</bdi>
          </Text>
          <Text size="xs" c="dimmed">
            {t('assistance.askedBy', { name: a.requestedBy ?? '—' })}
            {a.decidedBy && ` · ${t('assistance.decidedBy', { name: a.decidedBy })}`}
            {a.decisionNote && ` · ${a.decisionNote}`}
          </Text>
          {a.aboveThreshold && a.status === 'requested' && (
            <Text size="sm" c="orange.9">
              {t('assistance.aboveThreshold')}
            </Text>
          )}
        </Stack>
      </Paper>
      {mayDecide && <DecisionForm key={a.version} a={a} />}
      <Title order={4}>{t('assistance.handedOver')}</Title>
      <Table data-testid="assistance-distributions">
        <Table.Tbody>
          {a.distributions.map((d) => (
            <Table.Tr key={d.instalment}>
              <Table.Td>{t('assistance.instalment', { n: d.instalment, of: a.instalments })}</Table.Td>
              <Table.Td>
                <bdi>{dateOnly(i18n.language, d.on)}</bdi>
              </Table.Td>
              <Table.Td>
                <bdi>{money(i18n.language, d.amount, a.currency)}</bdi>
              </Table.Td>
              <Table.Td>
                <bdi>{d.byName ?? '—'}</bdi>
              </Table.Td>
            </Table.Tr>
          ))}
          {a.distributions.length === 0 && (
            <Table.Tr>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {t('assistance.nothingYet')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {handing && can(me, 'assistance.record') && <DistributeForm key={a.version} a={a} />}
      <Title order={4}>{t('assistance.followUp')}</Title>
      {a.monitoring.map((m) => (
        <Paper key={m.on + m.received + (m.note ?? '')} withBorder p="xs" data-testid="assistance-monitoring">
          <Text size="sm">
            <bdi>{dateOnly(i18n.language, m.on)}</bdi> · {t(`enums.receipt.${m.received}`)}
            {m.usedFor.length > 0 && ` · ${m.usedFor.map((u) => t(`enums.assistanceUse.${u}`)).join(', ')}`}
          </Text>
          {m.note && (
            <Text size="sm">
              <bdi>{m.note}</bdi>
            </Text>
          )}
        </Paper>
      ))}
      {given && can(me, 'assistance.record') && <MonitoringForm a={a} />}
      <Anchor component={Link} to="/assistance" size="sm">
        {t('assistance.title')}
      </Anchor>
    </Stack>
  );
}

function Recipient({ a }: { a: Assistance }) {
  const { t } = useTranslation();
  const name = <bdi>{a.recipientName}</bdi>;
  if (!a.personId) return <>{t('assistance.householdOf', { name: a.recipientName })}</>;
  return (
    <Anchor
      size="sm"
      renderRoot={(props) => <Link {...props} to="/persons/$personId" params={{ personId: a.personId! }} />}
    >
      {name}
    </Anchor>
  );
}
