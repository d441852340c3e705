import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Pager(props: {
  offset: number;
  limit: number;
  total: number;
  /** The server stopped counting at `total`; more pages may follow. */
  capped?: boolean;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const { offset, limit, total, capped, onChange } = props;
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">
        {t('common.total', { count: total })}
        {capped ? '+' : ''}
      </Text>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          {t('common.previous')}
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={!capped && offset + limit >= total}
          onClick={() => onChange(offset + limit)}
        >
          {t('common.next')}
        </Button>
      </Group>
    </Group>
  );
}
