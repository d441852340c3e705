import {
  borderProjectsApi,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  incidentsApi,
  type SessionUser,
} from '@komek/domain';
import { Badge, Button, Checkbox, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterQuery, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { dateTime } from '../../components/date-time.ts';
import { EChart } from '../../components/EChart.tsx';
import { EmptyRow } from '../../components/EmptyRow.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { Pager } from '../../components/Pager.tsx';
import { IncidentForm } from './IncidentForm.tsx';
import { IncidentMap } from './IncidentMap.tsx';
import { SegmentHeat } from './SegmentHeat.tsx';
import { segmentName, segmentOptions } from './segment-name.ts';
import { TimeWindow } from './TimeWindow.tsx';

const LIMIT = 100;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export const statusColour = { reported: 'orange', verified: 'red', disputed: 'gray' } as const;

/** The border incidents log: filters over time, border, type and status; the map, the monthly trend and the list. */
export function IncidentsPage({ me }: { me: SessionUser }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const today = new Date();
  const [filters, setFilters] = useState({
    from: isoDay(new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), 1))),
    to: isoDay(today),
    segment: '',
    type: '',
    status: '',
  });
  const [offset, setOffset] = useState(0);
  const [logging, setLogging] = useState(false);
  const set = (patch: Partial<typeof filters>) => {
    setFilters({ ...filters, ...patch });
    setOffset(0);
  };
  const list = useApiQuery(incidentsApi.list, {
    query: { ...filterQuery(incidentsApi.list, filters), limit: LIMIT, offset },
  });
  const trend = useApiQuery(incidentsApi.trend, { query: { from: filters.from, to: filters.to } });
  const { segment, type, status, from, to } = filters;
  const map = useApiQuery(incidentsApi.map, {
    query: filterQuery(incidentsApi.map, { segment, type, status, from, to }),
  });
  const [showMeasures, setShowMeasures] = useState(true);
  const measures = useApiQuery(
    borderProjectsApi.list,
    { query: { from: filters.from, to: filters.to } },
    { enabled: can(me, 'monitoring.read') && showMeasures },
  );
  const option = useMemo(() => {
    const rows = trend.data?.items ?? [];
    const months = [...new Set(rows.map((r) => r.month))].sort();
    const segments = [...new Set(rows.map((r) => r.segment))];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: segments.map((s) => ({
        name: segmentName(s, i18n.language),
        type: 'bar',
        stack: 'all',
        data: months.map((m) => rows.find((r) => r.month === m && r.segment === s)?.count ?? 0),
      })),
    };
  }, [trend.data, i18n.language]);
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('incidents.title')}</Title>
        {can(me, 'incident.record') && !logging && (
          <Button onClick={() => setLogging(true)} data-testid="incident-log">
            {t('incidents.log')}
          </Button>
        )}
      </Group>
      {logging && (
        <IncidentForm
          onDone={(saved) =>
            saved
              ? navigate({ to: '/incidents/$incidentId', params: { incidentId: saved.id } })
              : setLogging(false)
          }
        />
      )}
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('incidents.from')}
          value={filters.from}
          onChange={(e) => e.currentTarget.value && set({ from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('incidents.to')}
          value={filters.to}
          onChange={(e) => e.currentTarget.value && set({ to: e.currentTarget.value })}
        />
        <Select
          label={t('incidents.segment')}
          data={segmentOptions(i18n.language)}
          clearable
          searchable
          value={filters.segment || null}
          onChange={(v) => set({ segment: v ?? '' })}
          w={240}
        />
        <Select
          label={t('incidents.type')}
          data={enumOptions(t, 'incidentType', INCIDENT_TYPES)}
          clearable
          value={filters.type || null}
          onChange={(v) => set({ type: v ?? '' })}
          w={220}
        />
        <Select
          label={t('incidents.status')}
          data={enumOptions(t, 'incidentStatus', INCIDENT_STATUSES)}
          clearable
          value={filters.status || null}
          onChange={(v) => set({ status: v ?? '' })}
          w={160}
        />
      </Group>
      <ErrorAlert error={list.error ?? trend.error ?? map.error} />
      <TimeWindow from={filters.from} to={filters.to} onChange={(window) => set(window)} />
      {can(me, 'monitoring.read') && (
        <Checkbox
          label={t('incidents.showMeasures')}
          checked={showMeasures}
          onChange={(e) => setShowMeasures(e.currentTarget.checked)}
        />
      )}
      <IncidentMap
        cells={map.data?.cells ?? []}
        label={(c) => t('incidents.cell', { n: c.count, people: c.people, hurt: c.casualties })}
        onOpen={(id) => navigate({ to: '/incidents/$incidentId', params: { incidentId: id } })}
        measures={
          showMeasures
            ? (measures.data?.items ?? []).map((p) => ({
                id: p.id,
                latitude: p.latitude,
                longitude: p.longitude,
                districtId: p.districtId,
                label: `${p.title} · ${t(`enums.projectStatus.${p.status}`)}`,
              }))
            : []
        }
        onOpenMeasure={(id) => navigate({ to: '/border-projects/$projectId', params: { projectId: id } })}
      />
      <Title order={4}>{t('incidents.trend')}</Title>
      <EChart option={option} height={240} testId="incident-trend" />
      <Title order={4}>{t('incidents.heat')}</Title>
      <SegmentHeat items={trend.data?.items ?? []} />
      <Table striped data-testid="incidents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('incidents.reference')}</Table.Th>
            <Table.Th>{t('incidents.when')}</Table.Th>
            <Table.Th>{t('incidents.segment')}</Table.Th>
            <Table.Th>{t('incidents.type')}</Table.Th>
            <Table.Th>{t('incidents.people')}</Table.Th>
            <Table.Th>{t('incidents.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && list.data && <EmptyRow colSpan={6}>{t('incidents.none')}</EmptyRow>}
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => navigate({ to: '/incidents/$incidentId', params: { incidentId: i.id } })}
                >
                  <bdi>{i.reference}</bdi>
                </Button>
              </Table.Td>
              <Table.Td>
                <bdi>{dateTime(i18n.language, i.occurredAt)}</bdi>
              </Table.Td>
              <Table.Td>{segmentName(i.segment, i18n.language)}</Table.Td>
              <Table.Td>{t(`enums.incidentType.${i.type}`)}</Table.Td>
              <Table.Td>{i.affected.women + i.affected.men + i.affected.girls + i.affected.boys}</Table.Td>
              <Table.Td>
                <Badge color={statusColour[i.status]}>{t(`enums.incidentStatus.${i.status}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager offset={offset} limit={LIMIT} total={list.data?.total ?? 0} onChange={setOffset} />
    </Stack>
  );
}
