import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api.ts';
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
        await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
        client.clear();
        setSession(null);
        await navigate({ to: '/login' });
      }}
    >
      {t('nav.signOut')}
    </Button>
  );
}
