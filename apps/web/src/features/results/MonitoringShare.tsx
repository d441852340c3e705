import { CHECKPOINT_COUNTRIES, monitoringApi, PROCEDURE_COUNTRIES } from '@komek/domain';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { can, useSession } from '../../app/session.ts';
import { countryOptions } from '../help/CountrySelect.tsx';

/**
 * What the year's monitoring visits counted at the crossings, offered for indicator 1.1: the
 * share of people seeking protection who reached the asylum procedure, country by country. The
 * indicator stays entered (its national figure may come from elsewhere); one click takes this one.
 */
export function MonitoringShare({
  year,
  onUse,
}: {
  year: number;
  onUse: (countryCode: string, percent: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useSession().data?.user;
  const figures = useApiQuery(
    monitoringApi.figures,
    { query: { year } },
    { enabled: can(me, 'monitoring.read') },
  );
  // The countries results are reported for; a crossing on the Afghan or Chinese side is not one.
  const reported: readonly string[] = PROCEDURE_COUNTRIES;
  const rows = (figures.data?.countries ?? []).filter(
    (c) => c.accessPercent !== null && reported.includes(c.countryCode),
  );
  if (rows.length === 0) return null;
  const names = Object.fromEntries(
    countryOptions(i18n.language, CHECKPOINT_COUNTRIES).map((o) => [o.value, o.label]),
  );
  return (
    <Alert color="blue.9" variant="outline" data-testid="monitoring-share">
      <Stack gap={4}>
        <Text size="sm">{t('results.fromMonitoring', { year })}</Text>
        {rows.map((c) => (
          <Group key={c.countryCode} gap="xs">
            <Text size="sm">
              {names[c.countryCode]}:{' '}
              {t('results.monitoringShare', {
                accessed: c.accessedProcedure,
                sought: c.soughtProtection,
                percent: c.accessPercent,
              })}
            </Text>
            <Button size="compact-sm" variant="light" onClick={() => onUse(c.countryCode, c.accessPercent!)}>
              {t('results.useThis')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
