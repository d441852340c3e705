import { assistanceApi, CURRENCIES } from '@komek/domain';
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/**
 * Up to which amount, currency by currency, a supervisor approves help; above it an administrator
 * does. A currency left empty has no limit.
 */
export function ThresholdsPanel() {
  const { t } = useTranslation();
  const current = useApiQuery(assistanceApi.thresholds, {});
  const [values, setValues] = useState<Record<string, number | ''>>({});
  useEffect(() => {
    if (current.data) setValues(Object.fromEntries(current.data.items.map((i) => [i.currency, i.amount])));
  }, [current.data]);
  const save = useApiMutation(assistanceApi.setThresholds, { invalidates: [assistanceApi.thresholds] });
  return (
    <Paper withBorder p="md" data-testid="assistance-thresholds">
      <Stack gap="xs">
        <Title order={3}>{t('assistance.thresholds')}</Title>
        <Text size="sm" c="dimmed">
          {t('assistance.thresholdsHint')}
        </Text>
        <ErrorAlert error={current.error ?? save.error} />
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
          {CURRENCIES.map((c) => (
            <NumberInput
              key={c}
              label={c}
              min={0}
              thousandSeparator=" "
              value={values[c] ?? ''}
              onChange={(v) => setValues({ ...values, [c]: typeof v === 'number' ? v : '' })}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate({
                body: {
                  items: CURRENCIES.flatMap((currency) =>
                    typeof values[currency] === 'number'
                      ? [{ currency, amount: values[currency] as number }]
                      : [],
                  ),
                },
              })
            }
            data-testid="thresholds-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
