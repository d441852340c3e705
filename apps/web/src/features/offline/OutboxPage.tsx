import { Alert, Badge, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../app/files.ts';
import { dateTime } from '../../components/date-time.ts';
import { openWithPreviousPassword } from '../../offline/device.ts';
import { useDevice, useOnline } from '../../offline/hooks.ts';
import { discardChange, exportOutbox, type OutboxItem, reviseChange, sendNow } from '../../offline/outbox.ts';
import { useOutbox } from '../../offline/react.ts';
import { ChangeEditor } from './ChangeEditor.tsx';
import { ConflictView } from './ConflictView.tsx';

const STATE_COLOURS = { waiting: 'blue', sending: 'teal', rejected: 'red', conflict: 'orange' } as const;

/** Everything written on this device that the server does not have yet, and what stops it. */
export function OutboxPage() {
  const { t } = useTranslation();
  const { items, loaded } = useOutbox();
  const online = useOnline();
  const device = useDevice();
  const unreadable = items.filter((i) => !i.change).length;

  async function download() {
    saveBlob(await exportOutbox(), `komek-waiting-changes-${new Date().toISOString().slice(0, 10)}.json`);
  }

  return (
    <Stack>
      <Title order={2}>{t('offline.outboxTitle')}</Title>
      {device.kind === 'stale' && <PreviousPassword />}
      <Text data-testid="outbox-summary">
        {items.length === 0 && loaded
          ? t('offline.nothingWaiting')
          : t('offline.waiting', { count: items.length })}
      </Text>
      {!online && items.length > 0 && <Alert color="gray">{t('offline.sendsWhenOnline')}</Alert>}
      {unreadable > 0 && (
        <Alert color="red" data-testid="outbox-damaged" title={t('offline.damagedTitle')}>
          {t('offline.damaged', { count: unreadable })}
        </Alert>
      )}
      <Group gap="xs">
        <Button
          size="sm"
          onClick={() => void sendNow()}
          disabled={!online || items.length === 0}
          data-testid="outbox-send"
        >
          {t('offline.sendNow')}
        </Button>
        <Button
          size="sm"
          variant="default"
          onClick={() => void download()}
          disabled={items.length === 0}
          data-testid="outbox-export"
        >
          {t('offline.export')}
        </Button>
      </Group>
      {items.map((item) => (
        <ChangeCard key={item.id} item={item} items={items} />
      ))}
    </Stack>
  );
}

function ChangeCard({ item, items }: { item: OutboxItem; items: OutboxItem[] }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { change } = item;
  const waitsFor = item.dependsOn.map((d) => items.find((i) => i.id === d)?.change?.title).filter(Boolean);
  return (
    <Card withBorder padding="sm" data-testid="outbox-item">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>
            {change ? `${t(`offline.kind.${change.kind}`)}: ${change.title}` : t('offline.unreadableItem')}
          </Text>
          <Badge color={STATE_COLOURS[item.state]}>{t(`offline.state.${item.state}`)}</Badge>
        </Group>
        {change && (
          <Text size="xs" c="dimmed">
            {t('offline.writtenAt', {
              at: dateTime(i18n.language, change.writtenAt, { dateStyle: 'medium', timeStyle: 'medium' }),
            })}
          </Text>
        )}
        {waitsFor.length > 0 && <Text size="sm">{t('offline.waitsFor', { what: waitsFor.join(', ') })}</Text>}
        {change?.problem && item.state === 'rejected' && (
          <Alert color="red" py={6} data-testid="outbox-reason">
            {change.problem.message}
            {change.problem.issues.map((i) => (
              <div key={i.path}>{i.message}</div>
            ))}
          </Alert>
        )}
        {change && item.state === 'conflict' && <ConflictView id={item.id} change={change} />}
        {change && editing && <ChangeEditor id={item.id} change={change} onDone={() => setEditing(false)} />}
        <Group gap="xs">
          {change && item.state === 'rejected' && !editing && (
            <>
              <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="outbox-edit">
                {t('common.edit')}
              </Button>
              <Button size="xs" variant="light" onClick={() => void reviseChange(item.id, (c) => c)}>
                {t('offline.tryAgain')}
              </Button>
            </>
          )}
          <DiscardButton id={item.id} />
        </Group>
      </Stack>
    </Card>
  );
}

function DiscardButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => setAsking(true)}
        data-testid="outbox-discard"
      >
        {t('offline.discard')}
      </Button>
    );
  return (
    <Group gap="xs">
      <Text size="sm">{t('offline.discardConfirm')}</Text>
      <Button
        size="xs"
        color="red"
        onClick={() => void discardChange(id)}
        data-testid="outbox-discard-confirm"
      >
        {t('offline.discard')}
      </Button>
      <Button size="xs" variant="default" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}

/** The password was changed on another device while changes waited here under the old one. */
function PreviousPassword() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailed(!(await openWithPreviousPassword(password)));
  }
  return (
    <Alert color="orange" title={t('offline.previousPasswordTitle')}>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Text size="sm">{t('offline.previousPasswordExplain')}</Text>
          <PasswordInput
            label={t('offline.previousPassword')}
            value={password}
            error={failed ? t('offline.unlockFailed') : undefined}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" size="xs">
              {t('offline.unlock')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Alert>
  );
}
