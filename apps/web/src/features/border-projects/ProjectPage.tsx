import { borderProjectsApi, incidentsApi, type SessionUser } from '@komek/domain';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { dateOnly } from '../../components/date-time.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useDistricts } from '../../components/useDistricts.ts';
import { segmentName } from '../incidents/segment-name.ts';
import { FeedbackForm } from './FeedbackForm.tsx';
import { ProjectForm } from './ProjectForm.tsx';
import { FeedbackTally, projectStatusColour } from './ProjectsPage.tsx';

const sentimentColour = { positive: 'teal.9', mixed: 'gray.7', negative: 'red.9' } as const;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * One measure: who does what, where, when and for how much; what residents say of it; and the
 * border incidents of its district while it runs, where disputes and interventions meet.
 */
export function ProjectPage({ me }: { me: SessionUser }) {
  const { t, i18n } = useTranslation();
  const { projectId } = useParams({ strict: false }) as { projectId: string };
  const query = useApiQuery(borderProjectsApi.get, { params: { id: projectId } });
  const districts = useDistricts();
  const [editing, setEditing] = useState(false);
  const data = query.data;
  const incidents = useApiQuery(
    incidentsApi.list,
    {
      query: {
        districtId: data?.districtId,
        from: data?.startsOn,
        to: data?.endsOn && data.endsOn < today() ? data.endsOn : today(),
        limit: 20,
        offset: 0,
      },
    },
    { enabled: !!data && can(me, 'incident.read') },
  );
  if (!data) return <ErrorAlert error={query.error} />;
  if (editing) return <ProjectForm project={data} onDone={() => setEditing(false)} />;
  return (
    <Stack data-testid="project">
      <Group justify="space-between">
        <Title order={2}>
          <bdi>{data.title}</bdi>
        </Title>
        <Badge size="lg" color={projectStatusColour[data.status]}>
          {t(`enums.projectStatus.${data.status}`)}
        </Badge>
      </Group>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text fw={600}>
            <bdi>{data.implementer}</bdi> · {t(`enums.implementerKind.${data.implementerKind}`)} ·{' '}
            {t(`enums.projectSector.${data.sector}`)}
          </Text>
          <Text size="sm">
            {districts.nameOf(data.districtId)}
            {data.community && ` · ${data.community}`}
            {data.segment && ` · ${segmentName(data.segment, i18n.language)}`}
          </Text>
          <Text size="sm">
            <bdi>
              {dateOnly(i18n.language, data.startsOn)} –{' '}
              {data.endsOn ? dateOnly(i18n.language, data.endsOn) : '…'}
            </bdi>
            {data.budget !== null && (
              <>
                {' · '}
                <bdi>
                  {new Intl.NumberFormat(i18n.language).format(data.budget)} {data.currency}
                </bdi>
              </>
            )}
          </Text>
          {data.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{data.description}</Text>}
        </Stack>
      </Paper>
      {can(me, 'monitoring.record') && (
        <Group>
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('projects.correct')}
          </Button>
        </Group>
      )}
      <Title order={4}>{t('projects.residents')}</Title>
      <FeedbackTally counts={data.feedbackCounts} />
      <Table data-testid="project-feedback">
        <Table.Tbody>
          {data.feedback.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <bdi>{dateOnly(i18n.language, f.receivedOn)}</bdi>
              </Table.Td>
              <Table.Td>
                <Badge color={sentimentColour[f.sentiment]}>
                  {t(`enums.feedbackSentiment.${f.sentiment}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <bdi>{f.verbatim}</bdi>
                <Text size="xs" c="dimmed">
                  {t(`enums.projectSector.${f.topic}`)} · {t(`enums.sex.${f.sex}`)} ·{' '}
                  {f.age === 'unknown' ? t('projects.ageUnknown') : <bdi>{f.age}</bdi>}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can(me, 'monitoring.record') && <FeedbackForm project={data} />}
      {can(me, 'incident.read') && (
        <>
          <Title order={4}>{t('projects.incidentsMeanwhile')}</Title>
          <ErrorAlert error={incidents.error} />
          <Stack gap={2} data-testid="project-incidents">
            {(incidents.data?.items ?? []).map((i) => (
              <Anchor
                key={i.id}
                size="sm"
                renderRoot={(props) => (
                  <Link {...props} to="/incidents/$incidentId" params={{ incidentId: i.id }} />
                )}
              >
                <bdi>{i.reference}</bdi> · {t(`enums.incidentType.${i.type}`)} ·{' '}
                <bdi>{dateOnly(i18n.language, i.occurredAt.slice(0, 10))}</bdi>
              </Anchor>
            ))}
            {incidents.data?.items.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('projects.noIncidents')}
              </Text>
            )}
          </Stack>
        </>
      )}
      <Anchor component={Link} to="/border-projects" size="sm">
        {t('projects.title')}
      </Anchor>
    </Stack>
  );
}
