import { authApi } from '@komek/domain';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../app/files.ts';
import { useApiMutation } from '../app/hooks.ts';
import { useSetSession } from '../app/session.ts';
import { deviceState } from '../offline/state.ts';

const outbox = () => import('../offline/outbox.ts');

export function SignOutButton() {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [unsent, setUnsent] = useState(0);
  // Signing out works even when the server cannot be reached: the session is forgotten here,
  // whatever the answer, and ends on the server at its expiry. Nothing of the user stays on
  // the device.
  const logout = useApiMutation(authApi.logout, {
    onSettled: async () => {
      const state = deviceState();
      if ('userId' in state && state.userId) {
        const { wipeUser } = await import('../offline/device.ts');
        await wipeUser(state.userId).catch(() => {});
      }
      client.clear();
      setSession(null);
      await navigate({ to: '/login' });
    },
  });
  async function start() {
    const waiting = await (await outbox()).waitingCount();
    if (waiting > 0) setUnsent(waiting);
    else logout.mutate({});
  }
  return (
    <>
      <Button
        size="xs"
        variant="light"
        data-testid="sign-out"
        loading={logout.isPending}
        onClick={() => void start()}
      >
        {t('nav.signOut')}
      </Button>
      <Modal opened={unsent > 0} onClose={() => setUnsent(0)} title={t('offline.signOutTitle')}>
        <Stack>
          <Text>{t('offline.signOutUnsent', { count: unsent })}</Text>
          <Group gap="xs">
            <Button
              variant="default"
              onClick={async () =>
                saveBlob(
                  await (await outbox()).exportOutbox(),
                  `komek-waiting-changes-${new Date().toISOString().slice(0, 10)}.json`,
                )
              }
            >
              {t('offline.export')}
            </Button>
            <Button color="red" onClick={() => logout.mutate({})} data-testid="sign-out-anyway">
              {t('offline.signOutAnyway')}
            </Button>
            <Button variant="subtle" onClick={() => setUnsent(0)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
