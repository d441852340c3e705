import { AGE_BRACKETS, type IndicatorResult, type MonthlyTrend, resultsApi } from '@komek/domain';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { EChart } from '../../components/EChart.tsx';
import { useDistricts } from '../../components/useDistricts.ts';
import { monthLabel } from './month-label.ts';
import { ResultsMap } from './ResultsMap.tsx';

const num = (v: number | string | null) => (typeof v === 'number' ? v : 0);

/** A chart under its heading: what it counts, for which year, in which calendar. */
function Titled({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4} component="figure" m={0}>
      <Text component="figcaption" fw={600} size="sm">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** The headline counts by country and population, people helped by sex and age, and where. */
export function KeyFigures({
  results,
  year,
  suppressed,
}: {
  results: IndicatorResult[];
  year: number;
  suppressed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const trends = useApiQuery(resultsApi.trends, { query: { year, suppress: suppressed ? 'true' : 'false' } });
  const trendOption = useMemo(() => {
    const months = (trends.data?.items ?? []).map((m) => monthLabel(i18n.language, year, m.month));
    const line = (name: string, key: keyof Omit<MonthlyTrend, 'month'>) => ({
      name,
      type: 'line',
      smooth: true,
      data: (trends.data?.items ?? []).map((m) => num(m[key])),
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 10, top: 10, bottom: 40 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: [
        line(t('results.trendAid'), 'peopleLegalAid'),
        line(t('results.trendCases'), 'casesOpened'),
        line(t('results.trendReferrals'), 'referralsSent'),
      ],
    };
  }, [trends.data, i18n.language, year, t]);
  const districts = useDistricts();
  const counts = results.filter((r) => r.indicator.source === 'computed' && r.indicator.unit === 'number');
  const legal = results.find((r) => r.indicator.computation === 'people_legal_assistance');
  const byCountry = useMemo(() => {
    const countries = [...new Set(counts.flatMap((r) => r.rows.map((x) => x.countryCode)))].sort();
    return {
      tooltip: { trigger: 'axis' },
      // Indicator names are long: cut in the legend, whole in the tooltip.
      legend: {
        type: 'scroll',
        bottom: 0,
        formatter: (name: string) => (name.length > 32 ? `${name.slice(0, 31)}…` : name),
      },
      grid: { left: 40, right: 10, top: 10, bottom: 60 },
      xAxis: {
        type: 'category',
        data: countries.map((c) => t(`procedures.countries.${c}`, { defaultValue: c })),
      },
      yAxis: { type: 'value' },
      series: counts
        .filter((r) => !r.indicator.code.startsWith('P1'))
        .map((r) => ({
          name: `${r.indicator.code} ${r.name}`,
          type: 'bar',
          data: countries.map((c) =>
            r.rows.filter((x) => x.countryCode === c).reduce((s, x) => s + num(x.actual), 0),
          ),
        })),
    };
  }, [counts, t]);
  const bySexAge = useMemo(() => {
    const cells = legal?.rows.flatMap((r) => r.disaggregation?.bySexAge ?? []) ?? [];
    const ages = [...AGE_BRACKETS, 'unknown'];
    const series = ['female', 'male'].map((sex) => ({
      name: t(`enums.sex.${sex}`),
      type: 'bar',
      data: ages.map((age) =>
        cells.filter((c) => c.sex === sex && c.age === age).reduce((s, c) => s + num(c.n), 0),
      ),
    }));
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 10, top: 10, bottom: 40 },
      xAxis: { type: 'category', data: ages.map((a) => (a === 'unknown' ? t('activities.ageUnknown') : a)) },
      yAxis: { type: 'value' },
      series,
    };
  }, [legal, t]);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Titled title={t('results.chartByCountry', { year })}>
          <EChart option={byCountry} testId="chart-by-country" />
        </Titled>
        <Titled title={t('results.chartSexAge', { year })}>
          <EChart option={bySexAge} testId="chart-sex-age" />
        </Titled>
        <Titled title={t('results.chartMap', { year })}>
          <ResultsMap byDistrict={legal?.byDistrict ?? []} nameOf={districts.nameOf} />
        </Titled>
      </SimpleGrid>
      <Titled title={t('results.chartTrends', { year })}>
        <EChart option={trendOption} height={260} testId="chart-trends" />
      </Titled>
    </Stack>
  );
}
