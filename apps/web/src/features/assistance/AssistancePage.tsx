import { ASSISTANCE_STATUSES, assistanceApi, type SessionUser } from '@komek/domain';
import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterQuery, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { EmptyRow } from '../../components/EmptyRow.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { AssistanceForm } from './AssistanceForm.tsx';
import { money } from './money.ts';
import { ThresholdsPanel } from './ThresholdsPanel.tsx';

export const assistanceColour = {
  requested: 'orange.9',
  approved: 'blue.9',
  rejected: 'gray.7',
  distributing: 'teal.9',
  distributed: 'teal.9',
} as const;

/** Cash, goods, grants and toolkits: what waits for a decision, what is to be handed over, what was. */
export function AssistancePage({ me }: { me: SessionUser }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [status, setStatus] = useState('');
  const [asking, setAsking] = useState(false);
  const list = useApiQuery(assistanceApi.list, { query: filterQuery(assistanceApi.list, { status }) });
  const open = (id: string) => navigate({ to: '/assistance/$assistanceId', params: { assistanceId: id } });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('assistance.title')}</Title>
        {can(me, 'assistance.record') && !asking && (
          <Button onClick={() => setAsking(true)} data-testid="assistance-add">
            {t('assistance.ask')}
          </Button>
        )}
      </Group>
      {asking && <AssistanceForm onDone={(saved) => (saved ? open(saved.id) : setAsking(false))} />}
      <Select
        label={t('assistance.status')}
        data={enumOptions(t, 'assistanceStatus', ASSISTANCE_STATUSES)}
        clearable
        value={status || null}
        onChange={(v) => setStatus(v ?? '')}
        w={220}
      />
      <ErrorAlert error={list.error} />
      <Table striped data-testid="assistance-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('assistance.reference')}</Table.Th>
            <Table.Th>{t('assistance.forWhom')}</Table.Th>
            <Table.Th>{t('assistance.kind')}</Table.Th>
            <Table.Th>{t('assistance.amount')}</Table.Th>
            <Table.Th>{t('assistance.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && list.data && <EmptyRow colSpan={5}>{t('assistance.none')}</EmptyRow>}
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => open(a.id)}>
                  <bdi>{a.reference}</bdi>
                </Button>
              </Table.Td>
              <Table.Td>
                <bdi>{a.recipientName}</bdi>
                {a.householdId && (
                  <Text size="xs" c="dimmed">
                    {t('assistance.household')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {t(`enums.assistanceKind.${a.kind}`)} · {t(`enums.assistancePurpose.${a.purpose}`)}
              </Table.Td>
              <Table.Td>
                <bdi>{money(i18n.language, a.amount, a.currency)}</bdi>
              </Table.Td>
              <Table.Td>
                <Badge color={assistanceColour[a.status]}>{t(`enums.assistanceStatus.${a.status}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can(me, 'organisation.manage') && <ThresholdsPanel />}
    </Stack>
  );
}
