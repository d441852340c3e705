import { useRegisterSW } from 'virtual:pwa-register/react';
import { Button, Group, Notification } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The service worker keeps the app on the device. A new version waits for the user to choose
 * "reload", so it never lands in the middle of a form; until then the old one keeps working.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  if (!needRefresh) return null;
  return (
    <Notification
      data-testid="update-ready"
      title={t('app.updateReady')}
      onClose={() => setNeedRefresh(false)}
      style={{ position: 'fixed', insetInlineEnd: 16, insetBlockEnd: 16, zIndex: 400, maxWidth: 360 }}
    >
      <Group gap="xs" mt={4}>
        <Button size="xs" onClick={() => void updateServiceWorker(true)}>
          {t('app.updateReload')}
        </Button>
      </Group>
    </Notification>
  );
}
