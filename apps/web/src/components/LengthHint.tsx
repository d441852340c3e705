import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * How much of a text field's limit is used, shown once most of it is: a person sees the limit
 * while typing rather than learning it from a refusal. The limit comes from the shared schema.
 */
export function LengthHint({ value, max }: { value: string; max: number | null | undefined }) {
  const { t } = useTranslation();
  if (!max || value.length < max * 0.8) return null;
  const over = value.length > max;
  return (
    <Text size="xs" c={over ? 'red' : 'dimmed'} data-testid="length-hint" aria-live="polite">
      {t(over ? 'common.lengthOver' : 'common.length', { count: value.length, max })}
    </Text>
  );
}
