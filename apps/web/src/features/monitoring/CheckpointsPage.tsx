import { CHECKPOINT_COUNTRIES, CHECKPOINT_STATUSES, monitoringApi, type SessionUser } from '@komek/domain';
import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterQuery, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { dateOnly } from '../../components/date-time.ts';
import { EmptyRow } from '../../components/EmptyRow.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { countryOptions } from '../help/CountrySelect.tsx';
import { IncidentMap } from '../incidents/IncidentMap.tsx';
import { segmentName } from '../incidents/segment-name.ts';
import { ChecklistPanel } from './ChecklistPanel.tsx';
import { CheckpointForm } from './CheckpointForm.tsx';
import { MonitoringFiguresPanel } from './MonitoringFiguresPanel.tsx';

export const checkpointColour = { open: 'teal', restricted: 'orange', closed: 'red' } as const;

/** The register of border checkpoints: where they are, whether they are open, when last visited. */
export function CheckpointsPage({ me }: { me: SessionUser }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState({ countryCode: '', status: '' });
  const [adding, setAdding] = useState(false);
  const list = useApiQuery(monitoringApi.checkpoints, {
    query: filterQuery(monitoringApi.checkpoints, filters),
  });
  const items = list.data?.items ?? [];
  const country = Object.fromEntries(
    countryOptions(i18n.language, CHECKPOINT_COUNTRIES).map((o) => [o.value, o.label]),
  );
  const open = (id: string) => navigate({ to: '/checkpoints/$checkpointId', params: { checkpointId: id } });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('monitoring.title')}</Title>
        {can(me, 'monitoring.record') && !adding && (
          <Button onClick={() => setAdding(true)} data-testid="checkpoint-add">
            {t('monitoring.addCheckpoint')}
          </Button>
        )}
      </Group>
      {adding && <CheckpointForm onDone={(saved) => (saved ? open(saved.id) : setAdding(false))} />}
      <Group align="flex-end">
        <Select
          label={t('monitoring.country')}
          data={countryOptions(i18n.language, CHECKPOINT_COUNTRIES)}
          clearable
          value={filters.countryCode || null}
          onChange={(v) => setFilters({ ...filters, countryCode: v ?? '' })}
          w={200}
        />
        <Select
          label={t('monitoring.status')}
          data={enumOptions(t, 'checkpointStatus', CHECKPOINT_STATUSES)}
          clearable
          value={filters.status || null}
          onChange={(v) => setFilters({ ...filters, status: v ?? '' })}
          w={180}
        />
      </Group>
      <ErrorAlert error={list.error} />
      {/* One circle per checkpoint, red where closed: the incidents map's drawing, with checkpoints. */}
      <IncidentMap
        cells={items.map((c) => ({
          latitude: c.latitude,
          longitude: c.longitude,
          districtId: c.districtId,
          count: 1,
          people: 0,
          casualties: c.status === 'closed' ? 1 : 0,
          incidentId: c.id,
        }))}
        label={(cell) => {
          const c = items.find((i) => i.id === cell.incidentId);
          return c ? `${c.name} · ${t(`enums.checkpointStatus.${c.status}`)}` : '';
        }}
        onOpen={open}
      />
      <Table striped data-testid="checkpoints-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('monitoring.name')}</Table.Th>
            <Table.Th>{t('monitoring.country')}</Table.Th>
            <Table.Th>{t('incidents.segment')}</Table.Th>
            <Table.Th>{t('monitoring.kind')}</Table.Th>
            <Table.Th>{t('monitoring.status')}</Table.Th>
            <Table.Th>{t('monitoring.lastVisit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && list.data && <EmptyRow colSpan={6}>{t('monitoring.none')}</EmptyRow>}
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => open(c.id)}>
                  <bdi>{c.name}</bdi>
                </Button>
              </Table.Td>
              <Table.Td>{country[c.countryCode]}</Table.Td>
              <Table.Td>{c.segment ? segmentName(c.segment, i18n.language) : '—'}</Table.Td>
              <Table.Td>{t(`enums.checkpointKind.${c.kind}`)}</Table.Td>
              <Table.Td>
                <Badge color={checkpointColour[c.status]}>{t(`enums.checkpointStatus.${c.status}`)}</Badge>{' '}
                <Text span size="xs" c="dimmed">
                  <bdi>{dateOnly(i18n.language, c.statusSince)}</bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                {c.lastVisitedOn ? <bdi>{dateOnly(i18n.language, c.lastVisitedOn)}</bdi> : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <MonitoringFiguresPanel />
      {can(me, 'organisation.manage') && <ChecklistPanel />}
    </Stack>
  );
}
