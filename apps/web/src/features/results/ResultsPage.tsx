import { resultsApi, type SessionUser } from '@komek/domain';
import { Button, Group, Select, Stack, Switch, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ActivitiesPanel } from './ActivitiesPanel.tsx';
import { AssistanceTotalsPanel } from './AssistanceTotalsPanel.tsx';
import { BudgetPanel } from './BudgetPanel.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { NarrativePanel } from './NarrativePanel.tsx';
import { ReadSourceNote } from './ReadSourceNote.tsx';
import { ReportExport } from './ReportExport.tsx';
import { RequestsPanel } from './RequestsPanel.tsx';
import { StoriesPanel } from './StoriesPanel.tsx';

/** Results of a year: key figures and map, indicator tables, activities, budget, stories and the report. */
export default function ResultsPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const now = new Date().getUTCFullYear();
  const [year, setYear] = useState(now);
  const [suppressed, setSuppressed] = useState(false);
  const [tab, setTab] = useState<string | null>('indicators');
  const results = useApiQuery(resultsApi.results, {
    query: { year, suppress: suppressed ? 'true' : 'false' },
  });
  const importStandard = useApiMutation(resultsApi.importStandard, {
    invalidates: [resultsApi.results, resultsApi.indicators],
  });
  const manage = can(user, 'results.manage');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('results.title')}</Title>
        <Group>
          <Select
            w={110}
            data={[now - 2, now - 1, now, now + 1].map(String)}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            aria-label={t('results.year')}
          />
          <Switch
            label={t('results.asShared')}
            checked={suppressed}
            onChange={(e) => setSuppressed(e.currentTarget.checked)}
          />
        </Group>
      </Group>
      <ReadSourceNote source={results.data?.source} />
      <ReportExport year={year} />
      <ErrorAlert error={results.error ?? importStandard.error} />
      {manage && results.data?.items.length === 0 && (
        <Button
          variant="light"
          loading={importStandard.isPending}
          onClick={() => importStandard.mutate({ body: { year } })}
        >
          {t('results.importStandard')}
        </Button>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="indicators">{t('results.indicators')}</Tabs.Tab>
          <Tabs.Tab value="figures">{t('results.keyFigures')}</Tabs.Tab>
          <Tabs.Tab value="activities">{t('results.activities')}</Tabs.Tab>
          <Tabs.Tab value="requests">{t('results.requests.title')}</Tabs.Tab>
          <Tabs.Tab value="assistance">{t('assistance.title')}</Tabs.Tab>
          <Tabs.Tab value="budget">{t('results.budget')}</Tabs.Tab>
          <Tabs.Tab value="stories">{t('results.stories')}</Tabs.Tab>
          <Tabs.Tab value="narrative">{t('results.narrative')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="indicators" pt="sm">
          <Stack gap="sm">
            {results.data && <IndicatorTable results={results.data.items} year={year} canManage={manage} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="figures" pt="sm">
          {results.data && <KeyFigures results={results.data.items} year={year} suppressed={suppressed} />}
        </Tabs.Panel>
        <Tabs.Panel value="activities" pt="sm">
          <ActivitiesPanel year={year} canManage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="requests" pt="sm">
          <RequestsPanel year={year} suppressed={suppressed} />
        </Tabs.Panel>
        <Tabs.Panel value="assistance" pt="sm">
          <AssistanceTotalsPanel year={year} suppressed={suppressed} />
        </Tabs.Panel>
        <Tabs.Panel value="budget" pt="sm">
          <BudgetPanel year={year} canManage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="stories" pt="sm">
          <StoriesPanel user={user} />
        </Tabs.Panel>
        <Tabs.Panel value="narrative" pt="sm">
          <NarrativePanel year={year} canManage={manage} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
