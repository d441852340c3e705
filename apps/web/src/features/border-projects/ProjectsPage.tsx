import { borderProjectsApi, PROJECT_SECTORS, PROJECT_STATUSES, type SessionUser } from '@komek/domain';
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
import { useDistricts } from '../../components/useDistricts.ts';
import { ProjectForm } from './ProjectForm.tsx';

export const projectStatusColour = {
  planned: 'gray.7',
  ongoing: 'blue.9',
  completed: 'teal.9',
  suspended: 'orange.9',
} as const;

/**
 * The register of security and development measures in border communities, by State bodies and
 * civil society, with how residents speak of each: the cross-monitoring a district working group keeps.
 */
export function ProjectsPage({ me }: { me: SessionUser }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const districts = useDistricts();
  const [filters, setFilters] = useState({ districtId: '', sector: '', status: '' });
  const [adding, setAdding] = useState(false);
  const list = useApiQuery(borderProjectsApi.list, { query: filterQuery(borderProjectsApi.list, filters) });
  const open = (id: string) => navigate({ to: '/border-projects/$projectId', params: { projectId: id } });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('projects.title')}</Title>
        {can(me, 'monitoring.record') && !adding && (
          <Button onClick={() => setAdding(true)} data-testid="project-add">
            {t('projects.add')}
          </Button>
        )}
      </Group>
      {adding && <ProjectForm onDone={(saved) => (saved ? open(saved.id) : setAdding(false))} />}
      <Group align="flex-end">
        <Select
          label={t('incidents.district')}
          data={districts.options}
          searchable
          clearable
          value={filters.districtId || null}
          onChange={(v) => setFilters({ ...filters, districtId: v ?? '' })}
          w={240}
        />
        <Select
          label={t('projects.sector')}
          data={enumOptions(t, 'projectSector', PROJECT_SECTORS)}
          clearable
          value={filters.sector || null}
          onChange={(v) => setFilters({ ...filters, sector: v ?? '' })}
          w={220}
        />
        <Select
          label={t('projects.status')}
          data={enumOptions(t, 'projectStatus', PROJECT_STATUSES)}
          clearable
          value={filters.status || null}
          onChange={(v) => setFilters({ ...filters, status: v ?? '' })}
          w={180}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <Table striped data-testid="projects-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('projects.titleField')}</Table.Th>
            <Table.Th>{t('projects.implementer')}</Table.Th>
            <Table.Th>{t('incidents.district')}</Table.Th>
            <Table.Th>{t('projects.period')}</Table.Th>
            <Table.Th>{t('projects.status')}</Table.Th>
            <Table.Th>{t('projects.residents')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && list.data && <EmptyRow colSpan={6}>{t('projects.none')}</EmptyRow>}
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => open(p.id)}
                  style={{ whiteSpace: 'normal' }}
                >
                  <bdi>{p.title}</bdi>
                </Button>
                <Text size="xs" c="dimmed">
                  {t(`enums.projectSector.${p.sector}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <bdi>{p.implementer}</bdi>
              </Table.Td>
              <Table.Td>{districts.nameOf(p.districtId)}</Table.Td>
              <Table.Td>
                <bdi>
                  {dateOnly(i18n.language, p.startsOn)} – {p.endsOn ? dateOnly(i18n.language, p.endsOn) : '…'}
                </bdi>
              </Table.Td>
              <Table.Td>
                <Badge color={projectStatusColour[p.status]}>{t(`enums.projectStatus.${p.status}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <FeedbackTally counts={p.feedbackCounts} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** How residents spoke of a measure: so many for, so many mixed, so many against. */
export function FeedbackTally({ counts }: { counts: { positive: number; mixed: number; negative: number } }) {
  const { t } = useTranslation();
  return <Text size="sm">{t('projects.tally', counts)}</Text>;
}
