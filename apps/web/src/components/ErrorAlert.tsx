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
  // Offline is a state of the network, not a fault: said calmly, not in red.
  const offline = error instanceof ApiError && error.status === 0;
  return (
    <Alert
      color={offline ? 'gray' : 'red'}
      variant="light"
      role={offline ? 'status' : 'alert'}
      data-testid="error"
    >
      {message}
    </Alert>
  );
}
