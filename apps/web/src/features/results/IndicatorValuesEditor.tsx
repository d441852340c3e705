import {
  BORDER_ACCESS_INDICATOR,
  type IndicatorResult,
  POPULATION_TYPES,
  PROCEDURE_COUNTRIES,
  resultsApi,
  zIndicatorValues,
} from '@komek/domain';
import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { MonitoringShare } from './MonitoringShare.tsx';

interface ValueRow {
  countryCode: string;
  populationType: string;
  baseline: number | '';
  target: number | '';
  actual: number | '';
  actualText: string;
}

const toNumber = (v: number | '') => (v === '' ? null : v);
const fromNumber = (v: number | string | null) => (typeof v === 'number' ? v : '');

/**
 * An indicator's baseline, target and — for one the records do not compute — actual, per
 * country and population type, for the year on screen. Rows not touched stay as they are.
 */
export function IndicatorValuesEditor({
  result,
  year,
  onDone,
}: {
  result: IndicatorResult;
  year: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const entered = result.indicator.source === 'entered';
  const [rows, setRows] = useState<ValueRow[]>(() =>
    result.rows.length > 0
      ? result.rows.map((r) => ({
          countryCode: r.countryCode,
          populationType: r.populationType,
          baseline: fromNumber(r.baseline),
          target: fromNumber(r.target),
          actual: entered ? fromNumber(r.actual) : '',
          actualText: (entered && r.actualText) || '',
        }))
      : [
          {
            countryCode: 'KG',
            populationType: POPULATION_TYPES[0],
            baseline: '',
            target: '',
            actual: '',
            actualText: '',
          },
        ],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useApiMutation(resultsApi.setValues, { invalidates: [resultsApi.results], onSuccess: onDone });
  const set = (i: number, change: Partial<ValueRow>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const submit = () => {
    const checked = validateWith(zIndicatorValues, {
      values: rows.map((r) => ({
        year,
        countryCode: r.countryCode,
        populationType: r.populationType,
        baseline: toNumber(r.baseline),
        target: toNumber(r.target),
        actual: entered ? toNumber(r.actual) : null,
        actualText: entered && r.actualText.trim() ? r.actualText.trim() : null,
      })),
    });
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    save.mutate({ params: { id: result.indicator.id }, body: checked.data });
  };
  // The monitoring's share goes to the country's row for refugees and asylum-seekers, made if missing.
  const takeShare = (countryCode: string, percent: number) => {
    const at = rows.findIndex(
      (r) => r.countryCode === countryCode && r.populationType === 'refugees_asylum_seekers',
    );
    if (at >= 0) return set(at, { actual: percent });
    const blank = { baseline: '' as const, target: '' as const, actualText: '' };
    setRows([...rows, { countryCode, populationType: 'refugees_asylum_seekers', ...blank, actual: percent }]);
  };
  const number = (i: number, key: 'baseline' | 'target' | 'actual', label: string) => (
    <NumberInput
      label={label}
      value={rows[i]?.[key] ?? ''}
      decimalScale={2}
      inputMode="decimal"
      error={errors[`values.${i}.${key}`]}
      onChange={(v) => set(i, { [key]: typeof v === 'number' ? v : '' })}
    />
  );
  return (
    <Stack gap="xs" data-testid={`values-editor-${result.indicator.code}`}>
      <Text size="sm" c="dimmed">
        {t(entered ? 'results.valuesEntered' : 'results.valuesComputed', { year })}
      </Text>
      <ErrorAlert error={save.error} />
      {entered && result.indicator.code === BORDER_ACCESS_INDICATOR && (
        <MonitoringShare year={year} onUse={takeShare} />
      )}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place until it is saved
        <Paper key={i} withBorder p="xs">
          <SimpleGrid cols={{ base: 1, sm: entered ? 6 : 4 }} spacing="xs">
            <Select
              label={t('results.country')}
              data={PROCEDURE_COUNTRIES.map((c) => ({ value: c, label: t(`procedures.countries.${c}`) }))}
              value={row.countryCode}
              allowDeselect={false}
              onChange={(v) => v && set(i, { countryCode: v })}
            />
            <Select
              label={t('results.population')}
              data={enumOptions(t, 'populationType', POPULATION_TYPES)}
              value={row.populationType}
              allowDeselect={false}
              onChange={(v) => v && set(i, { populationType: v })}
            />
            {number(i, 'baseline', t('results.baseline'))}
            {number(i, 'target', `${t('results.target')} (${year})`)}
            {entered && number(i, 'actual', `${t('results.actual')} (${year})`)}
            {entered && (
              <TextInput
                label={t('results.actualText')}
                value={row.actualText}
                error={errors[`values.${i}.actualText`]}
                onChange={(e) => set(i, { actualText: e.currentTarget.value })}
              />
            )}
          </SimpleGrid>
        </Paper>
      ))}
      <Group justify="space-between">
        <Button
          variant="light"
          size="compact-sm"
          onClick={() =>
            setRows([
              ...rows,
              { ...(rows.at(-1) ?? rows[0]!), baseline: '', target: '', actual: '', actualText: '' },
            ])
          }
        >
          {t('results.addValueRow')}
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="save-values">
            {t('common.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
