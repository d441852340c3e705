import {
  MESSENGER_PLATFORMS,
  type MessengerGroup,
  messengerApi,
  type SessionUser,
  zMessengerGroupInput,
} from '@komek/domain';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { fileToBase64 } from '../../app/files.ts';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { dateTime } from '../../components/date-time.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { useDistricts } from '../../components/useDistricts.ts';
import { GroupFigures } from './GroupFigures.tsx';
import { GroupWriters } from './GroupWriters.tsx';

/** The district groups whose chats the organisation imports, and what each holds. */
export function MessengerPage({ me }: { me: SessionUser }) {
  const { t } = useTranslation();
  const groups = useApiQuery(messengerApi.groups, {});
  const manage = can(me, 'intake.manage');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('messenger.title')}</Title>
        <Button component={Link} to="/messenger/inbox" variant="light" data-testid="open-inbox">
          {t('messenger.openInbox')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('messenger.hint')}
      </Text>
      <ErrorAlert error={groups.error} />
      {groups.data?.items.length === 0 && <Text c="dimmed">{t('messenger.none')}</Text>}
      {groups.data?.items.map((g) => (
        <GroupCard key={g.id} group={g} manage={manage} />
      ))}
      {manage && <NewGroup />}
      <GroupFigures />
    </Stack>
  );
}

function GroupCard({ group, manage }: { group: MessengerGroup; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const districts = useDistricts();
  const [writers, setWriters] = useState(false);
  const upload = useApiMutation(messengerApi.importExport, { invalidates: [messengerApi.groups] });
  const refused = fieldErrors(upload.error).contentBase64;
  return (
    <Paper withBorder p="md" data-testid="messenger-group">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            <bdi>{group.name}</bdi>
          </Text>
          <Group gap={4}>
            <Badge variant="light">{t(`enums.messengerPlatform.${group.platform}`)}</Badge>
            <Badge variant="light" color="gray">
              {districts.nameOf(group.districtId)}
            </Badge>
          </Group>
        </Group>
        <Group gap="md">
          <Text size="sm">{t('messenger.messages', { count: group.messages })}</Text>
          <Text size="sm" fw={group.waiting > 0 ? 700 : undefined} data-testid="group-waiting">
            {t('messenger.waiting', { count: group.waiting })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('messenger.lastImport')}:{' '}
            <bdi>
              {group.lastImportAt ? dateTime(i18n.language, group.lastImportAt) : t('messenger.never')}
            </bdi>
          </Text>
        </Group>
        {upload.data && (
          <Alert color="teal" variant="light" py={6} data-testid="import-result">
            {t('messenger.imported', {
              total: upload.data.total,
              added: upload.data.added,
              already: upload.data.alreadyThere,
            })}
          </Alert>
        )}
        {refused ? (
          <Text c="red" size="sm" role="alert" data-testid="import-refused">
            {refused}
          </Text>
        ) : (
          <ErrorAlert error={upload.error} />
        )}
        <Group gap="xs">
          {manage && (
            <FileButton
              accept=".txt,.zip,.json,text/plain,application/zip,application/json"
              onChange={async (file) => {
                if (!file) return;
                upload.reset();
                upload.mutate({
                  params: { id: group.id },
                  body: { filename: file.name, contentBase64: await fileToBase64(file) },
                });
              }}
            >
              {(props) => (
                <Button {...props} size="xs" loading={upload.isPending} data-testid="import-export">
                  {t('messenger.import')}
                </Button>
              )}
            </FileButton>
          )}
          <Button
            size="xs"
            variant="light"
            component={Link}
            to="/messenger/inbox"
            search={{ group: group.id } as never}
          >
            {t('messenger.inbox')}
          </Button>
          {manage && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => setWriters(!writers)}
              data-testid="show-writers"
            >
              {t('messenger.writers')}
            </Button>
          )}
        </Group>
        {writers && <GroupWriters groupId={group.id} />}
      </Stack>
    </Paper>
  );
}

function NewGroup() {
  const { t } = useTranslation();
  const districts = useDistricts();
  const create = useApiMutation(messengerApi.createGroup, {
    invalidates: [messengerApi.groups],
    onSuccess: () => form.reset(),
  });
  const { form, onSubmit, showServerErrors } = useSchemaForm(zMessengerGroupInput, {
    name: '',
    platform: 'whatsapp',
    districtId: '',
    keepExports: false,
  });
  return (
    <Paper withBorder p="md">
      <form
        noValidate
        data-testid="new-group"
        onSubmit={onSubmit((body) => create.mutate({ body }, { onError: showServerErrors }))}
      >
        <Stack gap="xs">
          <Title order={4}>{t('messenger.newGroup')}</Title>
          <Group align="flex-start">
            <TextInput label={t('messenger.name')} w={280} {...form.getInputProps('name')} />
            <Select
              label={t('messenger.platform')}
              data={enumOptions(t, 'messengerPlatform', MESSENGER_PLATFORMS)}
              allowDeselect={false}
              w={160}
              {...form.getInputProps('platform')}
            />
            <Select
              label={t('messenger.district')}
              data={districts.options}
              searchable
              w={240}
              {...form.getInputProps('districtId')}
              value={(form.values.districtId as string) || null}
              onChange={(v) => form.setFieldValue('districtId', v ?? '')}
            />
          </Group>
          <Checkbox
            label={t('messenger.keepExports')}
            {...form.getInputProps('keepExports', { type: 'checkbox' })}
          />
          <ErrorAlert error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending} data-testid="create-group">
              {t('messenger.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
