import { Badge, Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../offline/hooks.ts';
import { useOutbox } from '../offline/react.ts';

/** In the header: offline or not, and how many changes wait to be sent, linking to them. */
export function OutboxStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  const { items } = useOutbox();
  const stuck = items.some((i) => i.state === 'rejected' || i.state === 'conflict');
  return (
    <Group gap={4} wrap="nowrap">
      {!online && (
        <Badge color="gray" variant="filled" data-testid="offline-badge">
          {t('offline.offline')}
        </Badge>
      )}
      {items.length > 0 && (
        <Badge
          component={Link}
          to="/outbox"
          color={stuck ? 'red' : 'blue'}
          style={{ cursor: 'pointer' }}
          data-testid="outbox-count"
        >
          {t('offline.waitingShort', { count: items.length })}
        </Badge>
      )}
    </Group>
  );
}
