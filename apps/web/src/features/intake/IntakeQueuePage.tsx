import { CASE_PRIORITIES, INTAKE_CHANNELS, type IntakeItem, intakeApi } from '@komek/domain';
import { Badge, Button, Checkbox, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterQuery, useApiQuery } from '../../app/hooks.ts';
import { dateTime } from '../../components/date-time.ts';
import { EmptyRow } from '../../components/EmptyRow.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { Pager } from '../../components/Pager.tsx';
import { IntakeLink } from '../../components/RecordLinks.tsx';

const LIMIT = 50;

export const urgencyColour = (p: IntakeItem['priority']) =>
  p === 'emergency' ? 'red' : p === 'urgent' ? 'orange' : 'gray';

/** When a request must have its answer, in the reader's language and the browser's time zone. */
export function RespondBy({ item }: { item: IntakeItem }) {
  const { t, i18n } = useTranslation();
  const when = dateTime(i18n.language, item.respondBy);
  if (item.status === 'done') return <Text size="sm">{t(`enums.intakeOutcome.${item.outcome}`)}</Text>;
  return (
    <Text size="sm" c={item.overdue ? 'red' : undefined} fw={item.overdue ? 700 : undefined}>
      <bdi>{when}</bdi>
      {item.overdue ? ` · ${t('intake.overdue')}` : ''}
    </Text>
  );
}

/** Every request for help that reached the organisation, the soonest due first. */
export function IntakeQueuePage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState({
    status: 'open',
    channel: '',
    priority: '',
    mine: '',
    overdue: '',
    callbacks: '',
  });
  const [offset, setOffset] = useState(0);
  const set = (patch: Partial<typeof filters>) => {
    setFilters({ ...filters, ...patch });
    setOffset(0);
  };
  const list = useApiQuery(intakeApi.list, {
    query: { ...filterQuery(intakeApi.list, filters), limit: LIMIT, offset },
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('intake.queue')}</Title>
        <Button component={Link} to="/intake/desk" data-testid="open-desk">
          {t('intake.takeCall')}
        </Button>
      </Group>
      <Group align="flex-end">
        <Select
          label={t('intake.status')}
          data={[
            { value: 'open', label: t('intake.statuses.open') },
            { value: 'done', label: t('intake.statuses.done') },
          ]}
          clearable
          value={filters.status || null}
          onChange={(v) => set({ status: v ?? '' })}
          w={160}
        />
        <Select
          label={t('intake.channel')}
          data={enumOptions(t, 'intakeChannel', INTAKE_CHANNELS)}
          clearable
          value={filters.channel || null}
          onChange={(v) => set({ channel: v ?? '' })}
          w={180}
        />
        <Select
          label={t('intake.urgency')}
          data={enumOptions(t, 'priority', CASE_PRIORITIES)}
          clearable
          value={filters.priority || null}
          onChange={(v) => set({ priority: v ?? '' })}
          w={180}
        />
        <Checkbox
          label={t('intake.mine')}
          checked={filters.mine === 'true'}
          onChange={(e) => set({ mine: e.currentTarget.checked ? 'true' : '' })}
        />
        <Checkbox
          label={t('intake.overdueOnly')}
          checked={filters.overdue === 'true'}
          onChange={(e) => set({ overdue: e.currentTarget.checked ? 'true' : '' })}
        />
        <Checkbox
          label={t('intake.callbacksDue')}
          checked={filters.callbacks === 'true'}
          onChange={(e) => set({ callbacks: e.currentTarget.checked ? 'true' : '' })}
          data-testid="intake-callbacks-due"
        />
      </Group>
      <ErrorAlert error={list.error} />
      <Table striped data-testid="intake-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('intake.reference')}</Table.Th>
            <Table.Th>{t('intake.channel')}</Table.Th>
            <Table.Th>{t('intake.topics')}</Table.Th>
            <Table.Th>{t('intake.urgency')}</Table.Th>
            <Table.Th>{t('intake.contact')}</Table.Th>
            <Table.Th>{t('intake.respondBy')}</Table.Th>
            <Table.Th>{t('intake.assigned')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.items.length === 0 && <EmptyRow colSpan={7}>{t('intake.none')}</EmptyRow>}
          {list.data?.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <IntakeLink id={item.id}>{item.reference}</IntakeLink>
              </Table.Td>
              <Table.Td>{t(`enums.intakeChannel.${item.channel}`)}</Table.Td>
              <Table.Td>{item.problems.map((p) => t(`enums.problem.${p}`)).join(', ')}</Table.Td>
              <Table.Td>
                <Badge color={urgencyColour(item.priority)}>{t(`enums.priority.${item.priority}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <bdi>{item.anonymous ? t('intake.anonymousShort') : (item.contactName ?? '—')}</bdi>
                {item.otherFromPhone > 0 && (
                  <Badge ml={4} size="xs" variant="light">
                    {t('intake.repeat', { count: item.otherFromPhone })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <RespondBy item={item} />
                {item.callbackOverdue && (
                  <Badge size="xs" color="orange" data-testid="callback-due">
                    {t('intake.callNow')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{item.assignedName ?? t('cases.unassigned')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager offset={offset} limit={LIMIT} total={list.data?.total ?? 0} onChange={setOffset} />
    </Stack>
  );
}
