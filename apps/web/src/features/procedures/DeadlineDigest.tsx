import { proceduresApi } from '@komek/domain';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DeadlineTable } from './DeadlineTable.tsx';

/** The first screen's warning: what is already late, and what falls due this week. */
export function DeadlineDigest({ mine }: { mine: boolean }) {
  const { t } = useTranslation();
  const who = mine ? 'true' : 'false';
  const overdue = useApiQuery(proceduresApi.deadlines, { query: { range: 'overdue', mine: who, limit: 10 } });
  const week = useApiQuery(proceduresApi.deadlines, { query: { range: 'week', mine: who, limit: 50 } });
  const coming = (week.data?.items ?? []).filter((d) => !d.overdue).slice(0, 10);
  return (
    <Stack gap="xs">
      <ErrorAlert error={overdue.error ?? week.error} />
      {(overdue.data?.items.length ?? 0) > 0 && (
        <>
          <Title order={4} c="red" data-testid="overdue-deadlines">
            {t('deadlines.overdueSteps')} ({overdue.data?.items.length})
          </Title>
          <DeadlineTable items={overdue.data?.items ?? []} />
        </>
      )}
      <Title order={4}>{t('deadlines.dueThisWeek')}</Title>
      <DeadlineTable items={coming} />
    </Stack>
  );
}
