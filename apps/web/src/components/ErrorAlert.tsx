import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message =
    error instanceof ApiError
      ? error.message
      : error instanceof TypeError
        ? t('errors.offline')
        : t('errors.generic');
  return (
    <Alert color="red" variant="light" role="alert" data-testid="error">
      {message}
    </Alert>
  );
}
