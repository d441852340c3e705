import { type Mailbox, type MailboxPoll, mailboxesApi, zMailboxInput, zMailboxUpdate } from '@komek/domain';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { dateTime } from '../../components/date-time.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const VIEWS = [mailboxesApi.list];

/**
 * The organisation's mailboxes whose mail becomes requests in the queue: added, changed, read at
 * once to check a setting, removed; each with when it was last read and what went wrong, if it did.
 */
export function MailboxesPanel() {
  const { t } = useTranslation();
  const boxes = useApiQuery(mailboxesApi.list, {});
  const [editing, setEditing] = useState<Mailbox | 'new' | null>(null);
  return (
    <Stack gap="xs" data-testid="mailboxes">
      <Title order={3}>{t('mailboxes.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('mailboxes.intro')}
      </Text>
      <ErrorAlert error={boxes.error} />
      {boxes.data?.items.map((box) =>
        editing !== 'new' && editing?.id === box.id ? (
          <MailboxForm key={box.id} box={box} onDone={() => setEditing(null)} />
        ) : (
          <MailboxCard key={box.id} box={box} onEdit={() => setEditing(box)} />
        ),
      )}
      {editing === 'new' ? (
        <MailboxForm onDone={() => setEditing(null)} />
      ) : (
        <Group>
          <Button variant="light" onClick={() => setEditing('new')} data-testid="mailbox-add">
            {t('mailboxes.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function MailboxCard({ box, onEdit }: { box: Mailbox; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState<MailboxPoll | null>(null);
  const poll = useApiMutation(mailboxesApi.poll, { invalidates: VIEWS, onSuccess: setResult });
  const remove = useApiMutation(mailboxesApi.remove, { invalidates: VIEWS });
  return (
    <Paper withBorder p="sm" data-testid="mailbox">
      <Stack gap={4}>
        <Group justify="space-between">
          <Text fw={600}>{box.label}</Text>
          <Badge variant="light" color={box.enabled ? 'green' : 'gray'}>
            {box.enabled ? t('mailboxes.enabled') : t('mailboxes.paused')}
          </Badge>
        </Group>
        <Text size="sm">
          <bdi>
            {box.username} · {box.host}:{box.port} · {box.folder}
          </bdi>
        </Text>
        <Text size="sm" c="dimmed">
          {box.lastPolledAt
            ? t('mailboxes.lastRead', {
                when: dateTime(i18n.language, box.lastPolledAt),
                count: box.imported,
              })
            : t('mailboxes.neverRead')}
        </Text>
        {box.lastProblem && (
          <Alert color="red" p="xs" data-testid="mailbox-problem">
            {t(`mailboxes.problems.${box.lastProblem}`)}
          </Alert>
        )}
        {result && !result.problem && (
          <Alert color="green" p="xs" data-testid="mailbox-read">
            {t('mailboxes.readResult', { count: result.imported, skipped: result.skipped })}
          </Alert>
        )}
        <ErrorAlert error={poll.error ?? remove.error} />
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            loading={poll.isPending}
            onClick={() => poll.mutate({ params: { id: box.id } })}
            data-testid="mailbox-read-now"
          >
            {t('mailboxes.readNow')}
          </Button>
          <Button size="xs" variant="subtle" onClick={onEdit}>
            {t('common.edit')}
          </Button>
          <ConfirmDelete
            label={t('mailboxes.remove', { label: box.label })}
            question={t('mailboxes.removeConfirm', { label: box.label })}
            loading={remove.isPending}
            onConfirm={() => remove.mutate({ params: { id: box.id } })}
          />
        </Group>
      </Stack>
    </Paper>
  );
}

/** Adds a mailbox, or changes one: a password left empty keeps the one kept. */
function MailboxForm({ box, onDone }: { box?: Mailbox; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation(mailboxesApi.create, { invalidates: VIEWS, onSuccess: onDone });
  const update = useApiMutation(mailboxesApi.update, { invalidates: VIEWS, onSuccess: onDone });
  // One form for both: a new mailbox needs its password, a change may leave it out.
  const schema: z.ZodType = box ? zMailboxUpdate : zMailboxInput;
  const { form, onSubmit, showServerErrors } = useSchemaForm(schema, {
    label: box?.label ?? '',
    host: box?.host ?? '',
    port: box?.port ?? 993,
    tls: box?.tls ?? true,
    username: box?.username ?? '',
    password: box ? undefined : '',
    folder: box?.folder ?? 'INBOX',
    enabled: box?.enabled ?? true,
    ...(box ? { version: box.version } : {}),
  });
  const send = onSubmit((data) => {
    const settings = { onError: showServerErrors };
    if (box)
      update.mutate({ params: { id: box.id }, body: data as z.output<typeof zMailboxUpdate> }, settings);
    else create.mutate({ body: data as z.output<typeof zMailboxInput> }, settings);
  });
  const password = form.getInputProps('password');
  return (
    <Paper withBorder p="sm">
      <form noValidate onSubmit={send} data-testid="mailbox-form">
        <Stack gap="xs">
          <ErrorAlert error={create.error ?? update.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('mailboxes.label')} {...form.getInputProps('label')} />
            <TextInput
              label={t('mailboxes.host')}
              placeholder="imap.example.org"
              {...form.getInputProps('host')}
            />
            <NumberInput label={t('mailboxes.port')} min={1} max={65535} {...form.getInputProps('port')} />
            <TextInput label={t('mailboxes.folder')} {...form.getInputProps('folder')} />
            <TextInput
              label={t('mailboxes.username')}
              autoComplete="off"
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label={t('mailboxes.password')}
              description={box ? t('mailboxes.passwordKept') : undefined}
              autoComplete="new-password"
              {...password}
              value={(password.value as string | undefined) ?? ''}
              onChange={(e) =>
                form.setFieldValue('password', e.currentTarget.value || (box ? undefined : ''))
              }
            />
          </SimpleGrid>
          <Group>
            <Switch label={t('mailboxes.tls')} {...form.getInputProps('tls', { type: 'checkbox' })} />
            <Switch label={t('mailboxes.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
          </Group>
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
