import { casesApi, type SessionUser, zNoteInput, zTaskInput } from '@komek/domain';
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
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LengthHint } from '../../components/LengthHint.tsx';
import { PersonLink } from '../../components/RecordLinks.tsx';
import { keepInActivity, keepTaskDone, localNote } from '../../offline/local-records.ts';
import { CaseProcedures } from '../procedures/CaseProcedures.tsx';
import { CaseReferrals } from '../referrals/CaseReferrals.tsx';
import { CaseScreenings } from '../screenings/CaseScreenings.tsx';
import { Attachments } from './Attachments.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseEditing } from './CaseEditor.tsx';
import { Hearings } from './Hearings.tsx';
import { InterventionForm } from './InterventionForm.tsx';

/** What changes on a case page when the activity changes. */
const CASE_VIEWS = [casesApi.get, casesApi.activity];

export function CasePage({ me }: { me: SessionUser }) {
  const { t } = useTranslation();
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const params = { id: caseId };
  const c = useApiQuery(casesApi.get, { params });
  const activity = useApiQuery(casesApi.activity, { params });
  const completeTask = useApiMutation(casesApi.updateTask, {
    invalidates: CASE_VIEWS,
    offline: {
      kind: 'taskDone',
      title: ({ params }) => activity.data?.tasks.find((task) => task.id === params.taskId)?.title ?? '',
      local: ({ params, body }) => keepTaskDone(params.id, params.taskId, body.done),
    },
  });
  const taskForm = useSchemaForm(zTaskInput, { title: '', dueDate: '' });
  const addTask = useApiMutation(casesApi.addTask, {
    invalidates: CASE_VIEWS,
    onSuccess: () => taskForm.form.reset(),
    offline: {
      kind: 'task',
      title: ({ body }) => body.title,
      local: async ({ params, body }, user) => {
        const task = {
          id: uuidv7(),
          title: body.title,
          dueDate: body.dueDate,
          assignedTo: user.id,
          doneAt: null,
          cancelledAt: null,
          overdue: false,
        };
        await keepInActivity(params.id, { tasks: [task] });
        return task;
      },
    },
  });
  const noteForm = useSchemaForm(zNoteInput, { body: '' });
  const addNote = useApiMutation(casesApi.addNote, {
    invalidates: CASE_VIEWS,
    onSuccess: () => noteForm.form.reset(),
    offline: {
      kind: 'note',
      title: ({ body }) => body.body.slice(0, 60),
      local: async ({ params, body }, user) => {
        const note = localNote(body.body, body.id as string, user);
        await keepInActivity(params.id, { notes: [note] });
        return note;
      },
    },
  });
  if (c.error) return <ErrorAlert error={c.error} />;
  const data = c.data;
  if (!data) return null;
  const open = data.status !== 'closed';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>
          {t('cases.number')}{' '}
          <bdi data-testid="case-number">{data.caseNumber || t('offline.pendingNumber')}</bdi>
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
          {data.restricted && (
            <Badge size="lg" color="grape" data-testid="case-restricted-badge">
              {t('cases.restricted')}
            </Badge>
          )}
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
          <Text size="sm" data-testid="case-assigned">
            {t('cases.assigned')}: {data.assignedName ?? t('cases.unassigned')}
          </Text>
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
      <CaseEditing c={data} me={me} />
      <CaseScreenings c={data} me={me} />
      <CaseActions
        c={data}
        me={me}
        openTasks={activity.data?.tasks.filter((task) => !task.doneAt && !task.cancelledAt).length ?? 0}
      />
      {open && (
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('cases.logIntervention')}
          </Title>
          <InterventionForm caseId={caseId} />
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
              label={`${task.dueDate} — ${task.title}${task.overdue ? ` (${t('cases.overdue')})` : ''}${
                task.cancelledAt ? ` (${t('cases.taskCancelled')})` : ''
              }`}
              td={task.cancelledAt ? 'line-through' : undefined}
              checked={!!task.doneAt}
              disabled={!open || !!task.cancelledAt}
              color={task.overdue ? 'red' : undefined}
              onChange={(e) =>
                completeTask.mutate({
                  params: { id: caseId, taskId: task.id },
                  body: { done: e.currentTarget.checked },
                })
              }
            />
          ))}
          <ErrorAlert error={completeTask.error ?? addTask.error} />
          {/* A closed case takes no new work: its tasks and notes are read only. */}
          {open && (
            <form
              noValidate
              data-testid="add-task-form"
              onSubmit={taskForm.onSubmit((body) =>
                addTask.mutate({ params, body }, { onError: taskForm.showServerErrors }),
              )}
            >
              <Group align="flex-start">
                <Stack gap={2}>
                  <TextInput label={t('cases.addTask')} {...taskForm.form.getInputProps('title')} />
                  <LengthHint value={taskForm.form.values.title} max={zTaskInput.shape.title.maxLength} />
                </Stack>
                <TextInput label={t('cases.due')} type="date" {...taskForm.form.getInputProps('dueDate')} />
                <Button type="submit" variant="light" mt={25} loading={addTask.isPending}>
                  {t('cases.addTask')}
                </Button>
              </Group>
            </form>
          )}
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
          <ErrorAlert error={addNote.error} />
          {open && (
            <form
              noValidate
              data-testid="add-note-form"
              onSubmit={noteForm.onSubmit((body) =>
                addNote.mutate(
                  { params, body: { ...body, id: uuidv7() } },
                  { onError: noteForm.showServerErrors },
                ),
              )}
            >
              <Stack gap="xs">
                <Textarea
                  aria-label={t('cases.addNote')}
                  autosize
                  minRows={2}
                  {...noteForm.form.getInputProps('body')}
                />
                <LengthHint value={noteForm.form.values.body} max={zNoteInput.shape.body.maxLength} />
                <Group>
                  <Button type="submit" variant="light" loading={addNote.isPending}>
                    {t('cases.addNote')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Stack>
      </Group>
      {/* A device's copy of the activity from before hearings existed has none. */}
      <Hearings
        caseId={caseId}
        hearings={activity.data?.hearings ?? []}
        canManage={open && can(me, 'case.manage')}
      />
      <CaseProcedures caseId={caseId} canManage={data.status !== 'closed' && can(me, 'case.manage')} />
      <CaseReferrals caseId={caseId} open={data.status !== 'closed'} user={me} />
      <Attachments caseId={caseId} canUpload={data.status !== 'closed'} />
      <Title order={4}>{t('cases.timeline')}</Title>
      <Timeline bulletSize={14} lineWidth={2}>
        {activity.data?.events.map((e) => (
          <Timeline.Item
            key={`${e.at}-${e.kind}`}
            title={`${t(`cases.events.${e.kind}`, { defaultValue: e.kind })}${typeof e.data.outcome === 'string' ? `: ${t(`enums.${e.kind.startsWith('referral') ? 'referralOutcome' : 'outcome'}.${e.data.outcome}`)}` : ''}`}
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
