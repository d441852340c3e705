import type { ReadSource } from '@komek/domain';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../components/date-time.ts';

/**
 * When the figures were read, and from which copy of the database: a reporting replica may trail
 * the main database by seconds, and whoever reads the figures should know how fresh they are.
 */
export function ReadSourceNote({ source }: { source: ReadSource | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!source) return null;
  const time = dateTime(i18n.language, source.asOf);
  const lag = source.lagSeconds ?? 0;
  const text =
    source.from === 'replica'
      ? t('results.readFrom.replica', { time, lag })
      : source.replicaUnreachable
        ? t('results.readFrom.replicaUnreachable', { time })
        : source.lagSeconds === null
          ? t('results.readFrom.primary', { time })
          : t('results.readFrom.primaryReplicaBehind', { time, lag });
  return (
    <Text size="xs" c="dimmed" data-testid="read-source" data-from={source.from}>
      {text}
    </Text>
  );
}
