import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetSession } from '../../app/session.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';

/** Offline, or after the idle time: the password opens the work kept on this device. */
export function UnlockPage() {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const session = await import('../../offline/device.ts')
      .then((d) => d.unlockOffline(email, password))
      .catch(() => null);
    setBusy(false);
    if (!session) return setFailed(true);
    setSession(session);
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <LanguageSwitch signedIn={false} />
            <Title order={3}>{t('offline.unlockTitle')}</Title>
            <Alert color="blue" variant="light">
              {t('offline.unlockExplain')}
            </Alert>
            {failed && (
              <Alert color="red" data-testid="unlock-failed">
                {t('offline.unlockFailed')}
              </Alert>
            )}
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy} data-testid="unlock-submit">
              {t('offline.unlock')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
