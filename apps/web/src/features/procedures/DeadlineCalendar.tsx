import { casesApi, proceduresApi } from '@komek/domain';
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A month of deadlines, hearings and the user's own tasks on a grid, weeks starting on Monday as
 * in the region. Hearings follow the page's choice: the user's cases, or every case they may read.
 */
export function DeadlineCalendar({ mine }: { mine: boolean }) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(() => {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  });
  const first = month;
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  const q = useApiQuery(proceduresApi.deadlines, {
    query: { from: iso(first), to: iso(last), limit: 200, mine: mine ? 'true' : 'false' },
  });
  // A task's title is the user's own note; it shows here, never in the calendar feed.
  const tasks = useApiQuery(casesApi.myTasks, { query: { from: iso(first), to: iso(last) } });
  const hearings = useApiQuery(casesApi.hearings, {
    query: { from: iso(first), to: iso(last), mine: mine ? 'true' : 'false' },
  });
  const lead = (first.getUTCDay() + 6) % 7;
  // Blank cells before the 1st are keyed by the day they stand for in the previous month.
  const days = Array.from({ length: lead + last.getUTCDate() }, (_, i) => ({
    date: new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), i - lead + 1)),
    blank: i < lead,
  }));
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const monday = new Date(Date.UTC(2024, 0, 1));
  const shift = (n: number) =>
    setMonth(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + n, 1)));
  return (
    <Stack gap="xs" data-testid="deadline-calendar">
      <ErrorAlert error={q.error ?? tasks.error ?? hearings.error} />
      <Group justify="space-between">
        <Button variant="default" size="xs" onClick={() => shift(-1)}>
          {t('deadlines.previous')}
        </Button>
        <Text fw={600}>
          {new Intl.DateTimeFormat(i18n.language, {
            month: 'long',
            year: 'numeric',
            timeZone: 'UTC',
            calendar: 'gregory',
          }).format(first)}
        </Text>
        <Button variant="default" size="xs" onClick={() => shift(1)}>
          {t('deadlines.next')}
        </Button>
      </Group>
      <SimpleGrid cols={7} spacing={4}>
        {Array.from({ length: 7 }, (_, i) => weekday.format(new Date(monday.getTime() + i * 86_400_000))).map(
          (name) => (
            <Text key={name} size="xs" c="dimmed" ta="center">
              {name}
            </Text>
          ),
        )}
        {days.map(({ date: day, blank }) => {
          if (blank) return <div key={iso(day)} />;
          const items = (q.data?.items ?? []).filter((d) => d.dueDate === iso(day));
          return (
            <Paper key={iso(day)} withBorder p={4} mih={72}>
              <Text size="xs" c="dimmed">
                {day.getUTCDate()}
              </Text>
              {items.map((d) => (
                <Anchor
                  key={d.stepId}
                  size="xs"
                  c={d.overdue ? 'red' : undefined}
                  display="block"
                  renderRoot={(props) => (
                    <Link {...props} to="/cases/$caseId" params={{ caseId: d.caseId }} />
                  )}
                >
                  <bdi>{d.caseNumber}</bdi>: {d.stepName}
                </Anchor>
              ))}
              {(hearings.data?.items ?? [])
                .filter((h) => h.date === iso(day))
                .map((h) => (
                  <Anchor
                    key={h.id}
                    size="xs"
                    fw={600}
                    display="block"
                    data-testid="calendar-hearing"
                    renderRoot={(props) => (
                      <Link {...props} to="/cases/$caseId" params={{ caseId: h.caseId }} />
                    )}
                  >
                    {h.time && <bdi>{h.time} </bdi>}
                    {t(`enums.hearingKind.${h.kind}`)} <bdi>{h.caseNumber}</bdi>
                  </Anchor>
                ))}
              {(tasks.data?.items ?? [])
                .filter((task) => task.dueDate === iso(day))
                .map((task) => (
                  <Anchor
                    key={task.id}
                    size="xs"
                    c={task.overdue ? 'red' : 'dimmed'}
                    display="block"
                    data-testid="calendar-task"
                    renderRoot={(props) => (
                      <Link {...props} to="/cases/$caseId" params={{ caseId: task.caseId }} />
                    )}
                  >
                    {t('deadlines.task')} <bdi>{task.caseNumber}</bdi>: {task.title}
                  </Anchor>
                ))}
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
