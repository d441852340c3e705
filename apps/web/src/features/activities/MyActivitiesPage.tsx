import type { SessionUser } from '@komek/domain';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/session.ts';
import { myActivitiesQuery } from '../../offline/sync.ts';
import { ActivitiesPanel } from '../results/ActivitiesPanel.tsx';

/** A field worker's sessions, meetings and border visits this year, recorded where they happen. */
export function MyActivitiesPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { year } = myActivitiesQuery();
  return (
    <Stack>
      <Title order={2}>{t('activities.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('activities.intro')}
      </Text>
      <ActivitiesPanel year={year} mine canRecord={can(user, 'activity.record')} canManage={false} />
    </Stack>
  );
}
