import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { type Deadline, DeadlineTable } from './DeadlineTable.tsx';

/** The first screen's warning: what is already late, and what falls due this week. */
export function DeadlineDigest({ mine }: { mine: boolean }) {
  const { t } = useTranslation();
  const overdue = useQuery({
    queryKey: ['deadlines', 'overdue', mine, 'digest'],
    queryFn: () => api<{ items: Deadline[] }>(`/deadlines?range=overdue&mine=${mine}&limit=10`),
  });
  const week = useQuery({
    queryKey: ['deadlines', 'week', mine, 'digest'],
    queryFn: () => api<{ items: Deadline[] }>(`/deadlines?range=week&mine=${mine}&limit=50`),
  });
  const coming = (week.data?.items ?? []).filter((d) => !d.overdue).slice(0, 10);
  return (
    <Stack gap="xs">
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
