import { authApi } from '@komek/domain';
import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../app/api.ts';
import { useSetSession } from '../app/session.ts';

export function SignOutButton() {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <Button
      size="xs"
      variant="light"
      data-testid="sign-out"
      onClick={async () => {
        // Signing out here works even when the server cannot be reached: the session is forgotten
        // locally and ends on the server at its expiry.
        await call(authApi.logout, {}).catch(() => undefined);
        client.clear();
        setSession(null);
        await navigate({ to: '/login' });
      }}
    >
      {t('nav.signOut')}
    </Button>
  );
}
