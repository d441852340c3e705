import { type AppNotification, notificationsApi } from '@komek/domain';
import {
  ActionIcon,
  Badge,
  Button,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../app/hooks.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** The in-app inbox: polled once a minute, opened from the header. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const inbox = useApiQuery(notificationsApi.inbox, { query: { limit: 30 } }, { refetchInterval: 60_000 });
  const invalidates = [notificationsApi.inbox];
  const markRead = useApiMutation(notificationsApi.markRead, { invalidates });
  const markAll = useApiMutation(notificationsApi.markAllRead, { invalidates });
  const unread = inbox.data?.unread ?? 0;
  const open = async (item: AppNotification) => {
    setOpened(false);
    if (!item.readAt) await markRead.mutateAsync({ params: { id: item.id } }).catch(() => undefined);
    if (item.link) void navigate({ to: item.link });
  };
  return (
    // The popover's target is the button itself (its state is announced on it), the count around it.
    <Indicator label={unread} size={16} disabled={unread === 0} color="red">
      <Popover opened={opened} onChange={setOpened} width={340} position="bottom-end" shadow="md">
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('notifications.title')}
            data-testid="notification-bell"
            onClick={() => setOpened((o) => !o)}
          >
            <svg
              width="20"
              height="20"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden="true"
            >
              <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
              <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap={4}>
            <Text fw={600}>{t('notifications.title')}</Text>
            <ErrorAlert error={inbox.error ?? markRead.error ?? markAll.error} />
            {inbox.data?.items.length === 0 && <Text c="dimmed">{t('notifications.empty')}</Text>}
            <ScrollArea.Autosize mah={360}>
              <Stack gap={2}>
                {inbox.data?.items.map((n) => (
                  <UnstyledButton key={n.id} onClick={() => open(n)} p={4} data-testid="notification-item">
                    <Text size="sm" fw={n.readAt ? 400 : 600}>
                      {n.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {n.createdAt.slice(0, 16).replace('T', ' ')} {!n.readAt && <Badge size="xs">•</Badge>}
                    </Text>
                  </UnstyledButton>
                ))}
              </Stack>
            </ScrollArea.Autosize>
            {unread > 0 && (
              <Button
                size="xs"
                variant="subtle"
                loading={markAll.isPending}
                onClick={() => markAll.mutate({})}
              >
                {t('notifications.markAll')}
              </Button>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
