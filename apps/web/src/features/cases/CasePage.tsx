import type { Case, SessionUser } from '@komek/domain';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PersonLink } from '../../components/RecordLinks.tsx';
import { CaseProcedures } from '../procedures/CaseProcedures.tsx';
import { CaseReferrals } from '../referrals/CaseReferrals.tsx';
import { Attachments } from './Attachments.tsx';
import { CaseActions } from './CaseActions.tsx';
import { InterventionForm } from './InterventionForm.tsx';

interface Activity {
  interventions: Array<{
    id: string;
    type: string;
    date: string;
    durationMinutes: number;
    channel: string;
    summary: string | null;
  }>;
  notes: Array<{ id: string; body: string; createdAt: string }>;
  tasks: Array<{ id: string; title: string; dueDate: string; doneAt: string | null; overdue: boolean }>;
  events: Array<{ at: string; kind: string; data: Record<string, unknown>; by: string | null }>;
}

export function CasePage({ me }: { me: SessionUser }) {
  const { t } = useTranslation();
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const [actionError, setActionError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const [task, setTask] = useState({ title: '', dueDate: '' });
  const c = useQuery({ queryKey: ['case', caseId], queryFn: () => api<Case>(`/cases/${caseId}`) });
  const activity = useQuery({
    queryKey: ['case-activity', caseId],
    queryFn: () => api<Activity>(`/cases/${caseId}/activity`),
  });
  const refresh = async () => {
    await Promise.all([c.refetch(), activity.refetch()]);
  };
  if (c.error) return <ErrorAlert error={c.error} />;
  const data = c.data;
  if (!data) return null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>
          {t('cases.number')} {data.caseNumber}
        </Title>
        <Group gap="xs">
          <Badge size="lg" data-testid="case-status">
            {t(`enums.status.${data.status}`)}
          </Badge>
          <Badge
            size="lg"
            color={data.priority === 'emergency' ? 'red' : data.priority === 'urgent' ? 'orange' : 'gray'}
          >
            {t(`enums.priority.${data.priority}`)}
          </Badge>
          {data.outcome && (
            <Badge size="lg" color="green" data-testid="case-outcome-badge">
              {t(`enums.outcome.${data.outcome}`)}
            </Badge>
          )}
        </Group>
      </Group>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text>
            {data.persons.map((p) => (
              <PersonLink key={p.id} id={p.id}>
                {p.familyName} {p.givenName}
              </PersonLink>
            ))}
          </Text>
          <Text size="sm">{data.problems.map((p) => t(`enums.problem.${p}`)).join(' · ')}</Text>
          {data.summary && <Text size="sm">{data.summary}</Text>}
          {data.pendingAuthority && (
            <Text size="sm">
              {t('cases.authority')}: {data.pendingAuthority}
            </Text>
          )}
        </Stack>
      </Paper>
      {data.closeRequested && data.status !== 'closed' && (
        <Alert color="orange">
          {t('cases.closeRequested', { outcome: t(`enums.outcome.${data.closeRequested.outcome}`) })}
        </Alert>
      )}
      <ErrorAlert error={actionError} />
      <CaseActions
        c={data}
        me={me}
        onChange={(error) => {
          setActionError(error ?? null);
          void refresh();
        }}
      />
      {data.status !== 'closed' && (
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('cases.logIntervention')}
          </Title>
          <InterventionForm caseId={caseId} onDone={refresh} />
        </Paper>
      )}
      <Title order={4}>{t('cases.interventions')}</Title>
      <Table data-testid="interventions-table">
        <Table.Tbody>
          {activity.data?.interventions.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{i.date}</Table.Td>
              <Table.Td>{t(`enums.interventionType.${i.type}`)}</Table.Td>
              <Table.Td>{t(`enums.channel.${i.channel}`)}</Table.Td>
              <Table.Td>{i.durationMinutes}′</Table.Td>
              <Table.Td>{i.summary}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-start" grow>
        <Stack>
          <Title order={4}>{t('cases.tasks')}</Title>
          {activity.data?.tasks.map((task) => (
            <Checkbox
              key={task.id}
              label={`${task.dueDate} — ${task.title}${task.overdue ? ` (${t('cases.overdue')})` : ''}`}
              checked={!!task.doneAt}
              color={task.overdue ? 'red' : undefined}
              onChange={async (e) => {
                await api(`/cases/${caseId}/tasks/${task.id}`, {
                  method: 'PATCH',
                  body: { done: e.currentTarget.checked },
                });
                await refresh();
              }}
            />
          ))}
          <Group align="flex-end">
            <TextInput
              label={t('cases.addTask')}
              value={task.title}
              onChange={(e) => setTask({ ...task, title: e.currentTarget.value })}
            />
            <TextInput
              label={t('cases.due')}
              type="date"
              value={task.dueDate}
              onChange={(e) => setTask({ ...task, dueDate: e.currentTarget.value })}
            />
            <Button
              variant="light"
              disabled={!task.title || !task.dueDate}
              onClick={async () => {
                await api(`/cases/${caseId}/tasks`, { method: 'POST', body: task });
                setTask({ title: '', dueDate: '' });
                await refresh();
              }}
            >
              {t('cases.addTask')}
            </Button>
          </Group>
        </Stack>
        <Stack>
          <Title order={4}>{t('cases.notes')}</Title>
          {activity.data?.notes.map((n) => (
            <Paper key={n.id} withBorder p="xs">
              <Text size="xs" c="dimmed">
                {n.createdAt.slice(0, 16).replace('T', ' ')}
              </Text>
              <Text size="sm">{n.body}</Text>
            </Paper>
          ))}
          <Textarea value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          <Group>
            <Button
              variant="light"
              disabled={!note.trim()}
              onClick={async () => {
                await api(`/cases/${caseId}/notes`, { method: 'POST', body: { body: note } });
                setNote('');
                await refresh();
              }}
            >
              {t('cases.addNote')}
            </Button>
          </Group>
        </Stack>
      </Group>
      <CaseProcedures caseId={caseId} canManage={data.status !== 'closed' && can(me, 'case.manage')} />
      <CaseReferrals caseId={caseId} open={data.status !== 'closed'} user={me} />
      <Attachments caseId={caseId} canUpload={data.status !== 'closed'} />
      <Title order={4}>{t('cases.timeline')}</Title>
      <Timeline bulletSize={14} lineWidth={2}>
        {activity.data?.events.map((e) => (
          <Timeline.Item
            key={`${e.at}-${e.kind}`}
            title={`${t(`cases.events.${e.kind}`, { defaultValue: e.kind })}${typeof e.data.outcome === 'string' ? `: ${t(`enums.outcome.${e.data.outcome}`)}` : ''}`}
          >
            <Text size="xs" c="dimmed">
              {e.at.slice(0, 16).replace('T', ' ')} · {e.by ?? ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
