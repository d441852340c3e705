import { RISK_LEVELS, screeningsApi } from '@komek/domain';
import { Badge, Select, Stack, Table, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterQuery, useApiQuery } from '../../app/hooks.ts';
import { EmptyRow } from '../../components/EmptyRow.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { riskColour } from './RiskSummary.tsx';

/** The screenings the user may read (those on cases they are named on; a supervisor's, all), highest risk to follow up. */
export function ScreeningsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [risk, setRisk] = useState('');
  const list = useApiQuery(screeningsApi.list, { query: filterQuery(screeningsApi.list, { risk }) });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>{t('screening.register')}</Title>
      <Select
        label={t('screening.riskFilter')}
        data={enumOptions(t, 'riskLevel', RISK_LEVELS)}
        value={risk || null}
        onChange={(v) => setRisk(v ?? '')}
        clearable
        w={240}
        data-testid="screening-risk-filter"
      />
      <ErrorAlert error={list.error} />
      <Table highlightOnHover data-testid="screening-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('screening.on')}</Table.Th>
            <Table.Th>{t('screening.person')}</Table.Th>
            <Table.Th>{t('cases.number')}</Table.Th>
            <Table.Th>{t('screening.risk')}</Table.Th>
            <Table.Th>{t('screening.screener')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && list.data && <EmptyRow colSpan={5}>{t('screening.none')}</EmptyRow>}
          {items.map((s) => (
            <Table.Tr
              key={s.id}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate({ to: '/screenings/$screeningId', params: { screeningId: s.id } })}
            >
              <Table.Td data-label={t('screening.on')}>{s.screenedOn}</Table.Td>
              <Table.Td data-label={t('screening.person')}>{s.personName}</Table.Td>
              <Table.Td data-label={t('cases.number')}>
                <bdi>{s.caseNumber}</bdi>
              </Table.Td>
              <Table.Td data-label={t('screening.risk')}>
                <Badge color={riskColour[s.risk.level]}>{t(`enums.riskLevel.${s.risk.level}`)}</Badge>
              </Table.Td>
              <Table.Td data-label={t('screening.screener')}>{s.screenedByName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
