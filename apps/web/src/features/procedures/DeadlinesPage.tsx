import { calendarApi, proceduresApi } from '@komek/domain';
import { Alert, Button, Checkbox, Code, Group, Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DeadlineCalendar } from './DeadlineCalendar.tsx';
import { DeadlineTable } from './DeadlineTable.tsx';

function DeadlineList({ range, mine }: { range: 'overdue' | 'week' | 'month'; mine: boolean }) {
  const q = useApiQuery(proceduresApi.deadlines, {
    query: { range, mine: mine ? 'true' : 'false', limit: 200 },
  });
  return (
    <>
      <ErrorAlert error={q.error} />
      {q.data && <DeadlineTable items={q.data.items} />}
    </>
  );
}

/** Overdue and coming statutory deadlines, as lists and as a month calendar, with a calendar feed. */
export function DeadlinesPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('overdue');
  const [mine, setMine] = useState(false);
  const subscribe = useApiMutation(calendarApi.issueFeed);
  const feed = subscribe.data?.url ?? null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('deadlines.title')}</Title>
        <Button variant="default" loading={subscribe.isPending} onClick={() => subscribe.mutate({})}>
          {t('deadlines.subscribe')}
        </Button>
      </Group>
      <ErrorAlert error={subscribe.error} />
      {feed && (
        <Alert color="blue" data-testid="calendar-feed">
          <Code>{feed}</Code>
          <br />
          {t('deadlines.subscribeHint')}
        </Alert>
      )}
      <Checkbox
        label={t('deadlines.mine')}
        checked={mine}
        onChange={(e) => setMine(e.currentTarget.checked)}
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overdue">{t('deadlines.overdue')}</Tabs.Tab>
          <Tabs.Tab value="week">{t('deadlines.week')}</Tabs.Tab>
          <Tabs.Tab value="month">{t('deadlines.month')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('deadlines.calendar')}</Tabs.Tab>
        </Tabs.List>
        {(['overdue', 'week', 'month'] as const).map((range) => (
          <Tabs.Panel key={range} value={range} pt="sm">
            <DeadlineList range={range} mine={mine} />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="calendar" pt="sm">
          <DeadlineCalendar mine={mine} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
