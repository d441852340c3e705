import type { Session } from '@komek/domain';
import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, fieldErrors } from '../../app/api.ts';
import { useSetSession } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { changeLocale, storedLocale } from '../../i18n/index.ts';
import type { SignInValues } from './sign-in.ts';

const signInModule = () => import('./sign-in.ts');

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const [values, setValues] = useState({ email: '', password: '', totp: '' });
  const [needTotp, setNeedTotp] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Null when the form did not pass its checks: the errors are then beside the fields.
  const login = useMutation<Session | null, ApiError, SignInValues>({
    mutationFn: async (input) => {
      const outcome = await (await signInModule()).signIn(input, needTotp);
      setErrors(outcome.errors ?? {});
      return outcome.errors ? null : outcome.session;
    },
    onSuccess: async (session) => {
      if (!session) return;
      if (!storedLocale()) await changeLocale(session.user.locale);
      // The password opens (or makes) this user's encrypted store on the device, for work offline.
      await import('../../offline/device.ts')
        .then((d) => d.afterSignIn(session, values.password))
        .catch(() => {});
      setSession(session);
      await navigate({ to: session.user.mustEnrolTotp ? '/account' : '/' });
    },
    onError: (e) => {
      if (e.code === 'totp_required' || e.code === 'totp_invalid') setNeedTotp(true);
      setErrors(fieldErrors(e));
    },
  });
  // While the user types, what signing in will need comes down: the checks, the device store,
  // the shell and the home. Not before the screen is drawn and idle: from the browser's cache
  // these files are read and compiled on the page's one thread, which the screen needs first.
  useEffect(() => {
    const prefetch = () => {
      void signInModule().catch(() => {});
      void import('../../offline/device.ts').catch(() => {});
      void import('../../components/Shell.tsx').catch(() => {});
      void import('../home/HomePage.tsx').catch(() => {});
    };
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    const handle = idle(prefetch, { timeout: 1000 });
    return () => (window.cancelIdleCallback ?? window.clearTimeout)(handle);
  }, []);
  const error = login.error;
  const busy = login.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate(values);
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2}>{t('app.name')}</Title>
                <Text size="sm" c="dimmed">
                  {t('app.tagline')}
                </Text>
              </div>
              <LanguageSwitch signedIn={false} />
            </Group>
            <Title order={4}>{t('login.title')}</Title>
            <ErrorAlert error={error} />
            <TextInput
              label={t('login.email')}
              name="email"
              type="email"
              autoComplete="username"
              value={values.email}
              error={errors.email}
              onChange={(e) => setValues({ ...values, email: e.currentTarget.value })}
            />
            <PasswordInput
              label={t('login.password')}
              name="password"
              autoComplete="current-password"
              value={values.password}
              error={errors.password}
              onChange={(e) => setValues({ ...values, password: e.currentTarget.value })}
            />
            {needTotp && (
              <TextInput
                label={t('login.totp')}
                description={t('login.totpHint')}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                value={values.totp}
                error={errors.totp}
                onChange={(e) => setValues({ ...values, totp: e.currentTarget.value.trim() })}
              />
            )}
            <Button type="submit" loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
