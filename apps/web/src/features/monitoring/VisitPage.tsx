import { CONCERN_FINDINGS, monitoringApi, type SessionUser, type Visit } from '@komek/domain';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { dateOnly } from '../../components/date-time.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CaseLink } from '../../components/RecordLinks.tsx';
import { CaseForPerson, type CaseStart } from '../cases/CaseForPerson.tsx';
import { useChecklistLabel } from './checklist-label.ts';
import { FIGURES, VisitForm } from './VisitForm.tsx';

const answerColour = { yes: 'teal.9', partly: 'orange.9', no: 'red.9', not_observed: 'gray.7' } as const;
const concernColour = { yes: 'red.9', partly: 'orange.9', no: 'teal.9', not_observed: 'gray.7' } as const;

/** Someone sent back or refused is an emergency; someone kept from asylum an urgent asylum case. */
function startingPoint(visit: Visit): CaseStart {
  const f = visit.figures;
  if (f.removed > 0 || f.detained > 0)
    return { problems: ['deportation_extradition_refoulement'], priority: 'emergency' };
  return { problems: ['asylum_refugee_status'], priority: 'urgent' };
}

/** One monitoring visit: who went, whom they met, what they found, the counts, and the people referred. */
export function VisitPage({ me }: { me: SessionUser }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { visitId } = useParams({ strict: false }) as { visitId: string };
  const query = useApiQuery(monitoringApi.visit, { params: { id: visitId } });
  const checklist = useApiQuery(monitoringApi.checklist, {});
  const labelOf = useChecklistLabel(checklist.data?.items ?? []);
  const concern = new Set([
    ...CONCERN_FINDINGS,
    ...(checklist.data?.items ?? []).filter((i) => i.concern).map((i) => i.key),
  ]);
  const [editing, setEditing] = useState(false);
  const open = useApiMutation(monitoringApi.openCase, {
    invalidates: [monitoringApi.visit],
    onSuccess: (c) => navigate({ to: '/cases/$caseId', params: { caseId: c.id } }),
  });
  const data = query.data;
  if (!data) return <ErrorAlert error={query.error} />;
  if (editing)
    return <VisitForm checkpointId={data.checkpointId} visit={data} onDone={() => setEditing(false)} />;
  return (
    <Stack data-testid="visit">
      <Title order={2}>
        <bdi>{data.checkpointName}</bdi> · <bdi>{dateOnly(i18n.language, data.visitedOn)}</bdi>
      </Title>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text size="sm">
            {t('monitoring.team')}: <bdi>{data.team.join(', ')}</bdi>
          </Text>
          {data.met.length > 0 && (
            <Text size="sm">
              {t('monitoring.met')}: <bdi>{data.met.join(', ')}</bdi>
            </Text>
          )}
          {data.summary && (
            <Text style={{ whiteSpace: 'pre-wrap' }}>
              <bdi>{data.summary}</bdi>
            </Text>
          )}
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="visit-figures">
        {FIGURES.map((k) => (
          <Paper key={k} withBorder p="xs">
            <Text size="xs" c="dimmed">
              {t(`monitoring.figure.${k}`)}
            </Text>
            <Text fw={700}>{data.figures[k]}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Title order={4}>{t('monitoring.findings')}</Title>
      <Table data-testid="visit-findings">
        <Table.Tbody>
          {data.findings.map((f) => (
            <Table.Tr key={f.key}>
              <Table.Td>{labelOf(f.key)}</Table.Td>
              <Table.Td>
                <Badge color={(concern.has(f.key) ? concernColour : answerColour)[f.answer]}>
                  {t(`enums.findingAnswer.${f.answer}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <bdi>{f.note}</bdi>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can(me, 'monitoring.record') && (
        <Group>
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('monitoring.correctVisit')}
          </Button>
        </Group>
      )}
      <Title order={4}>{t('monitoring.peopleReferred')}</Title>
      <Group gap="xs">
        {data.caseIds.map((id) => (
          <CaseLink key={id} id={id}>
            {t('incidents.openCase')}
          </CaseLink>
        ))}
        {data.caseIds.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('monitoring.noneReferred')}
          </Text>
        )}
      </Group>
      {can(me, 'monitoring.record') && can(me, 'case.manage') && (
        <CaseForPerson
          title={t('monitoring.referPerson')}
          suggested={startingPoint(data)}
          districtId={null}
          opening={open.isPending}
          error={open.error}
          onOpen={(personId, start) => open.mutate({ params: { id: data.id }, body: { personId, ...start } })}
          testIdPrefix="visit"
        />
      )}
      <Anchor
        size="sm"
        renderRoot={(props) => (
          <Link {...props} to="/checkpoints/$checkpointId" params={{ checkpointId: data.checkpointId }} />
        )}
      >
        <bdi>{data.checkpointName}</bdi>
      </Anchor>
    </Stack>
  );
}
