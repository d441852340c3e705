import { authApi, type SessionUser, zPasswordChangeInput, zTotpConfirmInput } from '@komek/domain';
import {
  Alert,
  Anchor,
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
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

function TotpSection({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const setup = useApiMutation(authApi.startTotp);
  const confirm = useApiMutation(authApi.confirmTotp, {
    invalidates: [authApi.me],
    onSuccess: () => setup.reset(),
  });
  const { form, onSubmit, showServerErrors } = useSchemaForm(zTotpConfirmInput, { code: '' });

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('account.totp')}</Title>
        {user.mustEnrolTotp && <Alert color="orange">{t('account.enrolRequired')}</Alert>}
        <Text>{user.totpEnabled ? t('account.totpOn') : t('account.totpOff')}</Text>
        <ErrorAlert error={setup.error ?? confirm.error} />
        {!user.totpEnabled && !setup.data && (
          <Group>
            <Button loading={setup.isPending} onClick={() => setup.mutate({ body: {} })}>
              {t('account.totpSetup')}
            </Button>
          </Group>
        )}
        {setup.data && (
          <form
            noValidate
            onSubmit={onSubmit((body) => confirm.mutate({ body }, { onError: showServerErrors }))}
          >
            <Stack>
              <Text size="sm">{t('account.totpScan')}</Text>
              <Text size="sm">
                {t('account.totpKey')}: <Code data-testid="totp-secret">{setup.data.secret}</Code>
              </Text>
              <TextInput
                label={t('account.totpCode')}
                {...form.getInputProps('code')}
                onChange={(e) => form.setFieldValue('code', e.currentTarget.value.trim())}
              />
              <Group>
                <Button type="submit" loading={confirm.isPending}>
                  {t('account.totpConfirm')}
                </Button>
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
  const { form, onSubmit, showServerErrors } = useSchemaForm(zPasswordChangeInput, {
    currentPassword: '',
    newPassword: '',
  });
  const change = useApiMutation(authApi.changePassword, { onSuccess: () => form.reset() });

  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={onSubmit((body) => change.mutate({ body }, { onError: showServerErrors }))}>
        <Stack>
          <Title order={4}>{t('account.changePassword')}</Title>
          {change.isSuccess && <Alert color="green">{t('account.passwordChanged')}</Alert>}
          <PasswordInput label={t('account.currentPassword')} {...form.getInputProps('currentPassword')} />
          <PasswordInput label={t('account.newPassword')} {...form.getInputProps('newPassword')} />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('common.save')}
            </Button>
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
  const everywhere = useApiMutation(authApi.logoutEverywhere, {
    onSuccess: async () => {
      client.clear();
      await navigate({ to: '/login' });
    },
  });
  return (
    <Stack maw={640}>
      <Title order={2}>{t('account.title')}</Title>
      <Anchor component={Link} to="/roles" size="sm">
        {t('rolesPage.link')}
      </Anchor>
      <TotpSection user={user} />
      {!user.mustEnrolTotp && <PasswordSection />}
      <ErrorAlert error={everywhere.error} />
      <Group>
        <Button
          color="red"
          variant="light"
          loading={everywhere.isPending}
          onClick={() => everywhere.mutate({})}
        >
          {t('account.signOutEverywhere')}
        </Button>
      </Group>
    </Stack>
  );
}
