import { type SessionUser, zPasswordChangeInput } from '@komek/domain';
import {
  Alert,
  Button,
  Code,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../../app/api.ts';
import { SESSION_KEY } from '../../app/session.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

function TotpSection({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api('/auth/totp/confirm', { method: 'POST', body: { code } });
      setSetup(null);
      await client.invalidateQueries({ queryKey: SESSION_KEY });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('account.totp')}</Title>
        {user.mustEnrolTotp && <Alert color="orange">{t('account.enrolRequired')}</Alert>}
        <Text>{user.totpEnabled ? t('account.totpOn') : t('account.totpOff')}</Text>
        <ErrorAlert error={error} />
        {!user.totpEnabled && !setup && (
          <Group>
            <Button onClick={async () => setSetup(await api('/auth/totp/setup', { method: 'POST' }))}>
              {t('account.totpSetup')}
            </Button>
          </Group>
        )}
        {setup && (
          <form onSubmit={confirm}>
            <Stack>
              <Text size="sm">{t('account.totpScan')}</Text>
              <Text size="sm">
                {t('account.totpKey')}: <Code data-testid="totp-secret">{setup.secret}</Code>
              </Text>
              <TextInput
                label={t('account.totpCode')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value.trim())}
              />
              <Group>
                <Button type="submit">{t('account.totpConfirm')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const checked = validateWith(zPasswordChangeInput, values);
    if (checked.errors) return setErrors(checked.errors);
    try {
      await api('/auth/password', { method: 'POST', body: checked.data });
      setErrors({});
      setValues({ currentPassword: '', newPassword: '' });
      setDone(true);
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={4}>{t('account.changePassword')}</Title>
          {done && <Alert color="green">{t('account.passwordChanged')}</Alert>}
          <PasswordInput
            label={t('account.currentPassword')}
            value={values.currentPassword}
            error={errors.currentPassword}
            onChange={(e) => setValues({ ...values, currentPassword: e.currentTarget.value })}
          />
          <PasswordInput
            label={t('account.newPassword')}
            value={values.newPassword}
            error={errors.newPassword}
            onChange={(e) => setValues({ ...values, newPassword: e.currentTarget.value })}
          />
          <Group>
            <Button type="submit">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function AccountPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <Stack maw={640}>
      <Title order={2}>{t('account.title')}</Title>
      <TotpSection user={user} />
      {!user.mustEnrolTotp && <PasswordSection />}
      <Group>
        <Button
          color="red"
          variant="light"
          onClick={async () => {
            await api('/auth/logout-everywhere', { method: 'POST' });
            client.clear();
            await navigate({ to: '/login' });
          }}
        >
          {t('account.signOutEverywhere')}
        </Button>
      </Group>
    </Stack>
  );
}
