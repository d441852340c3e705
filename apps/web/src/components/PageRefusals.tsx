import type { SessionUser } from '@komek/domain';
import { Alert, Anchor, Stack } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** Said at once, before anything is asked of the server: the role does not open this page. */
export function ForbiddenPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="forbidden-page">
      <Alert color="orange" title={t('errors.forbiddenTitle')}>
        {t('errors.forbiddenPage', { role: t(`roles.${user.role}`) })}
      </Alert>
      <Anchor component={Link} to="/">
        {t('errors.toHome')}
      </Anchor>
    </Stack>
  );
}

/** An address the app has no page for. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="not-found-page" p="md">
      <Alert color="gray" title={t('errors.notFoundTitle')}>
        {t('errors.notFoundPage')}
      </Alert>
      <Anchor component={Link} to="/">
        {t('errors.toHome')}
      </Anchor>
    </Stack>
  );
}
