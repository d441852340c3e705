import {
  CASE_PRIORITIES,
  CASE_SORTS,
  CASE_STATUSES,
  casesApi,
  LEGAL_PROBLEMS,
  POPULATION_TYPES,
  type SessionUser,
} from '@komek/domain';
import { Badge, Button, Checkbox, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../app/api.ts';
import { filterQuery, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { Pager } from '../../components/Pager.tsx';
import { CaseLink } from '../../components/RecordLinks.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { CASES_FIRST_PAGE } from '../../offline/sync.ts';
import { SavedViews } from './SavedViews.tsx';

const LIMIT = CASES_FIRST_PAGE.limit;
const PRIORITY_COLOUR = { emergency: 'red', urgent: 'orange', normal: 'gray' } as const;

/** Filters a link may set (`/cases?awaitingApproval=true` from the home's figures). */
const LINKABLE = ['awaitingApproval', 'overdue', 'assignedTo', 'status', 'priority'] as const;

export function CasesPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const [filters, setFilters] = useState<Record<string, string>>(() => ({
    sort: CASES_FIRST_PAGE.sort,
    ...Object.fromEntries(
      LINKABLE.filter((k) => typeof search[k] === 'string' || typeof search[k] === 'boolean').map((k) => [
        k,
        String(search[k]),
      ]),
    ),
  }));
  const [offset, setOffset] = useState(0);
  const debounced = useDebounced(filters);
  const cases = useApiQuery(casesApi.list, {
    query: filterQuery(casesApi.list, { ...debounced, limit: LIMIT, offset }),
  });
  const set = (key: string, value: string | null) => {
    setFilters({ ...filters, [key]: value ?? '' });
    setOffset(0);
  };
  const select = (key: string, group: string, values: readonly string[], label: string) => (
    <Select
      label={label}
      clearable
      data={enumOptions(t, group, values)}
      value={filters[key] || null}
      onChange={(v) => set(key, v)}
      w={200}
    />
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('cases.title')}</Title>
        <Group gap="xs">
          <Button
            variant="default"
            component="a"
            href={urlOf(casesApi.export, {
              query: filterQuery(casesApi.export, { ...debounced, format: 'csv' }),
            })}
          >
            {t('cases.export')} CSV
          </Button>
          <Button
            variant="default"
            component="a"
            href={urlOf(casesApi.export, {
              query: filterQuery(casesApi.export, { ...debounced, format: 'xlsx' }),
            })}
          >
            {t('cases.export')} XLSX
          </Button>
        </Group>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('common.search')}
          value={filters.q ?? ''}
          onChange={(e) => set('q', e.currentTarget.value)}
          w={220}
        />
        {select('status', 'status', CASE_STATUSES, t('cases.status'))}
        {select('priority', 'priority', CASE_PRIORITIES, t('cases.priority'))}
        {select('problem', 'problem', LEGAL_PROBLEMS, t('cases.problems'))}
        {select('populationType', 'populationType', POPULATION_TYPES, t('persons.populationType'))}
        <Select
          label={t('cases.sort')}
          data={CASE_SORTS.map((s) => ({ value: s, label: t(`cases.sorts.${s}`) }))}
          value={filters.sort}
          allowDeselect={false}
          onChange={(v) => set('sort', v)}
          w={150}
        />
        <Checkbox
          label={t('cases.mine')}
          checked={filters.assignedTo === 'me'}
          onChange={(e) => set('assignedTo', e.currentTarget.checked ? 'me' : '')}
        />
        <Checkbox
          label={t('cases.overdue')}
          checked={filters.overdue === 'true'}
          onChange={(e) => set('overdue', e.currentTarget.checked ? 'true' : '')}
        />
        {can(user, 'case.approve_close') && (
          <Checkbox
            label={t('cases.awaitingApproval')}
            data-testid="filter-awaiting-approval"
            checked={filters.awaitingApproval === 'true'}
            onChange={(e) => set('awaitingApproval', e.currentTarget.checked ? 'true' : '')}
          />
        )}
      </Group>
      <SavedViews
        filters={filters}
        onApply={(f) => {
          setFilters({ sort: 'opened_desc', ...f });
          setOffset(0);
        }}
      />
      <ErrorAlert error={cases.error} />
      <Table striped highlightOnHover data-testid="cases-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cases.number')}</Table.Th>
            <Table.Th>{t('cases.persons')}</Table.Th>
            <Table.Th>{t('cases.problems')}</Table.Th>
            <Table.Th>{t('cases.status')}</Table.Th>
            <Table.Th>{t('cases.priority')}</Table.Th>
            <Table.Th>{t('cases.assigned')}</Table.Th>
            <Table.Th>{t('cases.opened')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.data?.items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <CaseLink id={c.id}>{c.caseNumber}</CaseLink>
              </Table.Td>
              <Table.Td>{c.persons.map((p) => `${p.familyName} ${p.givenName}`).join(', ')}</Table.Td>
              <Table.Td>{c.problems.map((p) => t(`enums.problem.${p}`)).join(', ')}</Table.Td>
              <Table.Td>
                {t(`enums.status.${c.status}`)}
                {c.overdueTasks > 0 && (
                  <Badge color="red" ms={4} size="xs">
                    {t('cases.overdue')}
                  </Badge>
                )}
                {c.closeRequested && c.status !== 'closed' && (
                  <Badge color="orange" ms={4} size="xs" data-testid="close-requested">
                    {t('cases.closeRequested', { outcome: t(`enums.outcome.${c.closeRequested.outcome}`) })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge color={PRIORITY_COLOUR[c.priority]} style={{ overflow: 'visible' }}>
                  {t(`enums.priority.${c.priority}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{c.assignedName ?? '—'}</Table.Td>
              <Table.Td>{c.openedAt.slice(0, 10)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {cases.data && (
        <Pager
          offset={offset}
          limit={LIMIT}
          total={cases.data.total}
          capped={cases.data.totalCapped}
          onChange={setOffset}
        />
      )}
    </Stack>
  );
}
