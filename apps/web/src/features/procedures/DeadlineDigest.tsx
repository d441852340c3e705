import { proceduresApi } from '@komek/domain';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DeadlineTable } from './DeadlineTable.tsx';

const SHOWN = 10;

/** The first screen's warning: what is already late, and what falls due this week. */
export function DeadlineDigest({ mine }: { mine: boolean }) {
  const { t } = useTranslation();
  const who = mine ? 'true' : 'false';
  const overdue = useApiQuery(proceduresApi.deadlines, {
    query: { range: 'overdue', mine: who, limit: 200 },
  });
  const week = useApiQuery(proceduresApi.deadlines, { query: { range: 'week', mine: who, limit: 50 } });
  // Counted in full (up to 200), shown ten at a time: the heading says how many there are.
  const late = overdue.data?.items ?? [];
  const coming = (week.data?.items ?? []).filter((d) => !d.overdue).slice(0, SHOWN);
  return (
    <Stack gap="xs">
      <ErrorAlert error={overdue.error ?? week.error} />
      {late.length > 0 && (
        <>
          <Title order={4} c="red" data-testid="overdue-deadlines">
            {t('deadlines.overdueSteps')} ({late.length === 200 ? '200+' : late.length})
          </Title>
          <DeadlineTable items={late.slice(0, SHOWN)} />
          {late.length > SHOWN && (
            <Text size="sm" c="dimmed">
              {t('deadlines.showingFirst', { shown: SHOWN, count: late.length })}
            </Text>
          )}
        </>
      )}
      <Title order={4}>{t('deadlines.dueThisWeek')}</Title>
      <DeadlineTable items={coming} />
      <Anchor component={Link} to="/deadlines" size="sm" data-testid="all-deadlines">
        {t('deadlines.all')}
      </Anchor>
    </Stack>
  );
}
