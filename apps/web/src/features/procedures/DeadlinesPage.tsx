import { Alert, Button, Checkbox, Code, Group, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DeadlineCalendar } from './DeadlineCalendar.tsx';
import { type Deadline, DeadlineTable } from './DeadlineTable.tsx';

function DeadlineList({ range, mine }: { range: 'overdue' | 'week' | 'month'; mine: boolean }) {
  const q = useQuery({
    queryKey: ['deadlines', range, mine],
    queryFn: () => api<{ items: Deadline[] }>(`/deadlines?range=${range}&mine=${mine}&limit=200`),
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
  const [feed, setFeed] = useState<string | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('deadlines.title')}</Title>
        <Button
          variant="default"
          onClick={async () =>
            setFeed((await api<{ url: string }>('/calendar/token', { method: 'POST' })).url)
          }
        >
          {t('deadlines.subscribe')}
        </Button>
      </Group>
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
