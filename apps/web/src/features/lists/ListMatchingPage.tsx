import { type List, listsApi, type SessionUser, usersApi } from '@komek/domain';
import {
  Badge,
  Button,
  Checkbox,
  Code,
  FileButton,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { fileToBase64 } from '../../app/files.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PersonLink } from '../../components/RecordLinks.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';

function Rows({ list, user }: { list: List; user: SessionUser }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'none' | 'review' | 'match'>('none');
  const [picked, setPicked] = useState<string[]>([]);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const params = { id: list.id };
  const rows = useApiQuery(listsApi.rows, { params, query: { decision } });
  const staff = useApiQuery(usersApi.list, { query: { limit: 200 } }, { enabled: can(user, 'user.read') });
  const assign = useApiMutation(listsApi.createFollowUps, {
    invalidates: [listsApi.rows, listsApi.myFollowUps],
    onSuccess: () => setPicked([]),
  });
  const error = rows.error ?? assign.error;
  const nameOf = (id: string) => staff.data?.items.find((u) => u.id === id)?.displayName ?? '';
  return (
    <Stack gap="xs">
      <Group>
        {(['none', 'review', 'match'] as const).map((d) => (
          <Button
            key={d}
            size="xs"
            variant={decision === d ? 'filled' : 'default'}
            onClick={() => setDecision(d)}
          >
            {t(`lists.decisions.${d}`)}
          </Button>
        ))}
      </Group>
      <ErrorAlert error={error} />
      {decision === 'review' && rows.data && (
        <ReviewQueue listId={list.id} rows={rows.data.items} canDecide={can(user, 'person.manage')} />
      )}
      <Table striped data-testid="list-rows" hidden={decision === 'review'}>
        <Table.Tbody>
          {rows.data?.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td w={30}>
                {r.decision === 'none' && !r.followUp && (
                  <Checkbox
                    aria-label={r.externalId}
                    checked={picked.includes(r.id)}
                    onChange={(e) =>
                      setPicked(
                        e.currentTarget.checked ? [...picked, r.id] : picked.filter((x) => x !== r.id),
                      )
                    }
                  />
                )}
              </Table.Td>
              <Table.Td>{r.externalId}</Table.Td>
              <Table.Td>
                {r.record.lastName} {r.record.firstName} {r.record.patronymic ?? ''}
              </Table.Td>
              <Table.Td>{r.record.dateOfBirth}</Table.Td>
              <Table.Td>
                {r.personId && <PersonLink id={r.personId}>{t('lists.register')}</PersonLink>}
                {r.score !== null && (
                  <Text span size="xs" c="dimmed">
                    {Math.round(r.score * 100)}%
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {r.followUp && (
                  <Badge color={r.followUp.doneAt ? 'green' : 'orange'} variant="light">
                    {nameOf(r.followUp.assignedTo)} · {r.followUp.dueDate}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {decision === 'none' && can(user, 'person.manage') && (
        <Group align="flex-end">
          <Select
            label={t('lists.assignee')}
            data={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            value={assignee}
            onChange={setAssignee}
            searchable
          />
          <TextInput
            type="date"
            label={t('lists.due')}
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
          />
          <Button
            disabled={picked.length === 0 || !assignee || !due}
            data-testid="create-follow-ups"
            loading={assign.isPending}
            onClick={() =>
              assignee &&
              assign.mutate({ params, body: { rowIds: picked, assignedTo: assignee, dueDate: due } })
            }
          >
            {t('lists.createFollowUps', { count: picked.length })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** A list from outside (births at a health facility) against the register: who is not in it yet. */
export function ListMatchingPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const lists = useApiQuery(
    listsApi.list,
    {},
    {
      refetchInterval: (q) =>
        q.state.data?.items.some((l) => l.status === 'queued' || l.status === 'running') ? 700 : false,
    },
  );
  const upload = useApiMutation(listsApi.upload, {
    invalidates: [listsApi.list],
    onSuccess: () => setName(''),
  });
  const error = lists.error ?? upload.error;
  return (
    <Stack>
      <Title order={2}>{t('lists.title')}</Title>
      <Text c="dimmed" size="sm">
        {/* The column names are the file's own, in any language: shown as code, left to right. */}
        <Trans
          i18nKey="lists.hint"
          values={{ columns: 'id, first_name, last_name, patronymic, sex, date_of_birth' }}
          components={{ code: <Code dir="ltr" /> }}
        />
      </Text>
      {can(user, 'person.manage') && (
        <Group align="flex-end">
          <TextInput
            label={t('lists.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={320}
          />
          <FileButton
            accept=".csv,text/csv"
            onChange={async (file) => {
              if (!file) return;
              upload.mutate({
                body: {
                  name: name || file.name,
                  filename: file.name,
                  contentBase64: await fileToBase64(file),
                },
              });
            }}
          >
            {(props) => (
              <Button {...props} data-testid="upload-list">
                {t('lists.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      <ErrorAlert error={error} />
      {lists.data?.items.map((l) => (
        <Paper key={l.id} withBorder p="sm" data-testid="list-card">
          <Group justify="space-between">
            <Text fw={600}>
              {l.name}{' '}
              <Text span size="xs" c="dimmed">
                {l.filename} · {l.createdAt.slice(0, 10)}
              </Text>
            </Text>
            <Group gap={4}>
              <Badge color="green" variant="light">
                {t('lists.decisions.match')}: {l.matched}
              </Badge>
              <Badge color="yellow" variant="light">
                {t('lists.decisions.review')}: {l.review}
              </Badge>
              <Badge color="red" variant="light" data-testid="list-unmatched">
                {t('lists.decisions.none')}: {l.unmatched}
              </Badge>
            </Group>
          </Group>
          {l.status !== 'done' && (
            <Progress
              value={l.progress}
              animated={l.status !== 'failed'}
              mt="xs"
              data-testid="list-progress"
            />
          )}
          {l.error && <Text c="red">{l.error}</Text>}
          {l.status === 'done' && (
            <Button size="xs" variant="subtle" onClick={() => setOpen(open === l.id ? null : l.id)}>
              {t('lists.show')}
            </Button>
          )}
          {open === l.id && <Rows list={l} user={user} />}
        </Paper>
      ))}
    </Stack>
  );
}
