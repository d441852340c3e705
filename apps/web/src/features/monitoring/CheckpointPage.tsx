import { CHECKPOINT_COUNTRIES, monitoringApi, type SessionUser } from '@komek/domain';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { dateOnly, dateTime } from '../../components/date-time.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useDistricts } from '../../components/useDistricts.ts';
import { countryOptions } from '../help/CountrySelect.tsx';
import { segmentName } from '../incidents/segment-name.ts';
import { CheckpointForm } from './CheckpointForm.tsx';
import { CheckpointStatusForm } from './CheckpointStatusForm.tsx';
import { checkpointColour } from './CheckpointsPage.tsx';
import { VisitForm } from './VisitForm.tsx';

/** One checkpoint: where it is, its status and how it changed, and the monitoring visits made to it. */
export function CheckpointPage({ me }: { me: SessionUser }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { checkpointId } = useParams({ strict: false }) as { checkpointId: string };
  const query = useApiQuery(monitoringApi.checkpoint, { params: { id: checkpointId } });
  const visits = useApiQuery(monitoringApi.visits, { query: { checkpointId } });
  const districts = useDistricts();
  const [editing, setEditing] = useState(false);
  const [visiting, setVisiting] = useState(false);
  const data = query.data;
  if (!data) return <ErrorAlert error={query.error} />;
  if (editing) return <CheckpointForm checkpoint={data} onDone={() => setEditing(false)} />;
  const country = countryOptions(i18n.language, CHECKPOINT_COUNTRIES).find(
    (o) => o.value === data.countryCode,
  );
  const openVisit = (id: string) => navigate({ to: '/monitoring/visits/$visitId', params: { visitId: id } });
  return (
    <Stack data-testid="checkpoint">
      <Group justify="space-between">
        <Title order={2}>
          <bdi>{data.name}</bdi>
        </Title>
        <Badge size="lg" color={checkpointColour[data.status]} data-testid="checkpoint-status">
          {t(`enums.checkpointStatus.${data.status}`)}
        </Badge>
      </Group>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text fw={600}>
            {country?.label} · {t(`enums.checkpointKind.${data.kind}`)}
            {data.segment && ` · ${segmentName(data.segment, i18n.language)}`}
          </Text>
          <Text size="sm">
            {t('monitoring.since', { day: dateOnly(i18n.language, data.statusSince) })}
            {data.districtId && ` · ${districts.nameOf(data.districtId)}`}
          </Text>
        </Stack>
      </Paper>
      {can(me, 'monitoring.record') && (
        <Group>
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('monitoring.correctCheckpoint')}
          </Button>
          {!visiting && (
            <Button onClick={() => setVisiting(true)} data-testid="visit-add">
              {t('monitoring.recordVisit')}
            </Button>
          )}
        </Group>
      )}
      {visiting && (
        <VisitForm
          checkpointId={data.id}
          onDone={(saved) => (saved ? openVisit(saved.id) : setVisiting(false))}
        />
      )}
      <Title order={4}>{t('monitoring.visits')}</Title>
      <ErrorAlert error={visits.error} />
      <Table striped data-testid="checkpoint-visits">
        <Table.Tbody>
          {(visits.data?.items ?? []).map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => openVisit(v.id)}>
                  <bdi>{dateOnly(i18n.language, v.visitedOn)}</bdi>
                </Button>
              </Table.Td>
              <Table.Td>{v.team.join(', ')}</Table.Td>
              <Table.Td>
                {t('monitoring.figure.soughtProtection')}: {v.figures.soughtProtection} ·{' '}
                {t('monitoring.figure.accessedProcedure')}: {v.figures.accessedProcedure}
              </Table.Td>
            </Table.Tr>
          ))}
          {visits.data?.items.length === 0 && (
            <Table.Tr>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {t('monitoring.noVisits')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Title order={4}>{t('monitoring.history')}</Title>
      <Timeline active={data.history.length} bulletSize={14} data-testid="checkpoint-history">
        {data.history.map((h) => (
          <Timeline.Item key={h.at + h.to} title={t(`enums.checkpointStatus.${h.to}`)}>
            <Text size="xs" c="dimmed">
              {t('monitoring.since', { day: dateOnly(i18n.language, h.since) })} ·{' '}
              <bdi>{dateTime(i18n.language, h.at)}</bdi> · <bdi>{h.byName ?? '—'}</bdi>
            </Text>
            {h.note && <Text size="sm">{h.note}</Text>}
            {h.noticeId && <Badge color="blue.9">{t('monitoring.noticePublished')}</Badge>}
          </Timeline.Item>
        ))}
      </Timeline>
      {can(me, 'monitoring.record') && (
        <CheckpointStatusForm key={data.version} checkpoint={data} canPublish={can(me, 'help.publish')} />
      )}
      <Anchor component={Link} to="/checkpoints" size="sm">
        {t('monitoring.title')}
      </Anchor>
    </Stack>
  );
}
