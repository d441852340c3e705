import { authApi } from '@komek/domain';
import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../app/hooks.ts';
import { useSetSession } from '../app/session.ts';

export function SignOutButton() {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  // Signing out works even when the server cannot be reached: the session is forgotten here,
  // whatever the answer, and ends on the server at its expiry.
  const logout = useApiMutation(authApi.logout, {
    onSettled: async () => {
      client.clear();
      setSession(null);
      await navigate({ to: '/login' });
    },
  });
  return (
    <Button
      size="xs"
      variant="light"
      data-testid="sign-out"
      loading={logout.isPending}
      onClick={() => logout.mutate({})}
    >
      {t('nav.signOut')}
    </Button>
  );
}
