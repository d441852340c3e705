import { type Case, type SessionUser, screeningsApi } from '@komek/domain';
import { Badge, Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CaseMembers } from './CaseMembers.tsx';
import { riskColour } from './RiskSummary.tsx';

/** On a case: its screenings, the button that starts one, and (once restricted) who is named on it. */
export function CaseScreenings({ c, me }: { c: Case; me: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useApiQuery(screeningsApi.ofCase, { params: { id: c.id } }, { enabled: c.restricted });
  const person = c.persons[0];
  const items = list.data?.items ?? [];
  const mayScreen = can(me, 'screening.record') && c.status !== 'closed' && person;
  if (!c.restricted && !mayScreen) return null;
  return (
    <Paper withBorder p="md" data-testid="case-screenings">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('screening.onCase')}</Title>
          {mayScreen && (
            <Button
              variant="light"
              color="grape"
              data-testid="screen-button"
              onClick={() =>
                navigate({
                  to: '/persons/$personId/screening',
                  params: { personId: person.id },
                  search: { caseId: c.id },
                })
              }
            >
              {t('screening.start')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={list.error} />
        {items.length > 0 && (
          <Table highlightOnHover>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr
                  key={s.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => navigate({ to: '/screenings/$screeningId', params: { screeningId: s.id } })}
                >
                  <Table.Td>{s.screenedOn}</Table.Td>
                  <Table.Td>
                    <Badge color={riskColour[s.risk.level]}>{t(`enums.riskLevel.${s.risk.level}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{s.screenedByName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {c.restricted && <CaseMembers c={c} me={me} />}
      </Stack>
    </Paper>
  );
}
