import { casesApi, type Incident, incidentsApi, type SessionUser } from '@komek/domain';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { dateTime } from '../../components/date-time.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CaseLink } from '../../components/RecordLinks.tsx';
import { useDistricts } from '../../components/useDistricts.ts';
import { IncidentCase } from './IncidentCase.tsx';
import { IncidentForm } from './IncidentForm.tsx';
import { statusColour } from './IncidentsPage.tsx';
import { segmentName } from './segment-name.ts';

const VIEWS = [incidentsApi.get, incidentsApi.list, incidentsApi.trend];

/** One incident: what, where and when, who was affected, its sources, its history, and what follows. */
export function IncidentPage({ me }: { me: SessionUser }) {
  const { t, i18n } = useTranslation();
  const { incidentId } = useParams({ strict: false }) as { incidentId: string };
  const query = useApiQuery(incidentsApi.get, { params: { id: incidentId } });
  const districts = useDistricts();
  const [editing, setEditing] = useState(false);
  const data = query.data;
  if (!data) return <ErrorAlert error={query.error} />;
  if (editing) return <IncidentForm incident={data} onDone={() => setEditing(false)} />;
  const a = data.affected;
  return (
    <Stack data-testid="incident">
      <Group justify="space-between">
        <Title order={2}>
          <bdi>{data.reference}</bdi>
        </Title>
        <Badge size="lg" color={statusColour[data.status]} data-testid="incident-status">
          {t(`enums.incidentStatus.${data.status}`)}
        </Badge>
      </Group>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text fw={600}>
            {t(`enums.incidentType.${data.type}`)} · {segmentName(data.segment, i18n.language)}
          </Text>
          <Text size="sm">
            <bdi>{dateTime(i18n.language, data.occurredAt)}</bdi> (
            {t(`enums.timePrecision.${data.precision}`)})
            {data.districtId && ` · ${districts.nameOf(data.districtId)}`}
            {data.community && ` · ${data.community}`}
          </Text>
          {data.parties.length > 0 && (
            <Text size="sm">
              {t('incidents.parties')}: {data.parties.join('; ')}
            </Text>
          )}
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            <bdi>{data.description}</bdi>
          </Text>
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="incident-affected">
        {(Object.keys(a) as Array<keyof typeof a>).map((k) => (
          <Paper key={k} withBorder p="xs">
            <Text size="xs" c="dimmed">
              {t(`incidents.affectedCounts.${k}`)}
            </Text>
            <Text fw={700}>{a[k]}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Title order={4}>{t('incidents.sources')}</Title>
      <Table>
        <Table.Tbody>
          {data.sources.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sources have no id of their own
            <Table.Tr key={i}>
              <Table.Td>{t(`enums.sourceKind.${s.kind}`)}</Table.Td>
              <Table.Td>{t(`enums.sourceReliability.${s.reliability}`)}</Table.Td>
              <Table.Td>
                <bdi>{s.note}</bdi>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can(me, 'incident.record') && (
        <Group>
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('incidents.correct')}
          </Button>
        </Group>
      )}
      <Title order={4}>{t('incidents.history')}</Title>
      <Timeline active={data.history.length} bulletSize={14} data-testid="incident-history">
        {data.history.map((h) => (
          <Timeline.Item key={h.at + h.to} title={t(`enums.incidentStatus.${h.to}`)}>
            <Text size="xs" c="dimmed">
              <bdi>{dateTime(i18n.language, h.at)}</bdi> · <bdi>{h.byName ?? '—'}</bdi>
            </Text>
            {h.note && <Text size="sm">{h.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
      {can(me, 'incident.verify') && data.status !== 'verified' && (
        <StatusChange incident={data} to="verified" />
      )}
      {can(me, 'incident.verify') && data.status !== 'disputed' && (
        <StatusChange incident={data} to="disputed" />
      )}
      <Title order={4}>{t('incidents.cases')}</Title>
      <Group gap="xs">
        {data.caseIds.map((id) => (
          <CaseLink key={id} id={id}>
            {t('incidents.openCase')}
          </CaseLink>
        ))}
        {data.caseIds.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('incidents.noCases')}
          </Text>
        )}
      </Group>
      {can(me, 'incident.record') && can(me, 'case.read') && <LinkCase incident={data} />}
      {can(me, 'incident.record') && can(me, 'case.manage') && <IncidentCase incident={data} />}
      <Anchor component={Link} to="/incidents" size="sm">
        {t('incidents.title')}
      </Anchor>
    </Stack>
  );
}

/** Verifies or disputes the incident, saying why: the reason is kept with the change. */
function StatusChange({ incident, to }: { incident: Incident; to: 'verified' | 'disputed' }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const change = useApiMutation(incidentsApi.setStatus, { invalidates: VIEWS, onSuccess: () => setNote('') });
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <ErrorAlert error={change.error} />
        <Textarea
          label={to === 'verified' ? t('incidents.verifyWhy') : t('incidents.disputeWhy')}
          value={note}
          autosize
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid={`incident-${to}-note`}
        />
        <Group>
          <Button
            color={to === 'verified' ? 'red' : 'gray'}
            loading={change.isPending}
            onClick={() =>
              change.mutate({ params: { id: incident.id }, body: { version: incident.version, to, note } })
            }
            data-testid={`incident-${to}`}
          >
            {to === 'verified' ? t('incidents.verify') : t('incidents.dispute')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Links a case that follows from the incident, found by its number or its person's name. */
function LinkCase({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const found = useApiQuery(
    casesApi.list,
    { query: { q: search, limit: 20 } },
    { enabled: search.length >= 2 },
  );
  const link = useApiMutation(incidentsApi.linkCase, { invalidates: VIEWS });
  return (
    <Stack gap="xs">
      <ErrorAlert error={link.error} />
      <Select
        label={t('incidents.linkCase')}
        placeholder={t('incidents.linkCaseHint')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={(found.data?.items ?? [])
          .filter((c) => !incident.caseIds.includes(c.id))
          .map((c) => ({ value: c.id, label: c.caseNumber }))}
        value={null}
        onChange={(caseId) => caseId && link.mutate({ params: { id: incident.id }, body: { caseId } })}
        w={320}
        data-testid="incident-link-case"
      />
    </Stack>
  );
}
