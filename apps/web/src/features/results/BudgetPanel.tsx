import { resultsApi, zBudgetLineInput } from '@komek/domain';
import { Button, Group, NumberInput, Select, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const blank = {
  areaKind: 'impact',
  areaCode: '',
  areaName: '',
  finalBudget: 0,
  fundsAvailable: 0,
  expenditure: 0,
};

/** Budget against funds and expenditure by impact and outcome area, as the report lays it out. */
export function BudgetPanel({ year, canManage }: { year: number; canManage: boolean }) {
  const { t } = useTranslation();
  const q = useApiQuery(resultsApi.budget, { query: { year } });
  const [line, setLine] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useApiMutation(resultsApi.saveBudgetLine, {
    invalidates: [resultsApi.budget],
    onSuccess: () => {
      setLine(blank);
      setErrors({});
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const remove = useApiMutation(resultsApi.deleteBudgetLine, { invalidates: [resultsApi.budget] });
  const money = (n: number) => n.toLocaleString();
  const amount = (key: 'finalBudget' | 'fundsAvailable' | 'expenditure') => (
    <NumberInput
      w={130}
      label={t(`results.${key}`)}
      min={0}
      value={line[key]}
      onChange={(v) => setLine({ ...line, [key]: Number(v) || 0 })}
    />
  );
  return (
    <Stack>
      <ErrorAlert error={q.error ?? save.error ?? remove.error} />
      <Table striped data-testid="budget-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('results.area')}</Table.Th>
            <Table.Th>{t('results.finalBudget')}</Table.Th>
            <Table.Th>{t('results.fundsAvailable')}</Table.Th>
            <Table.Th>%</Table.Th>
            <Table.Th>{t('results.expenditure')}</Table.Th>
            <Table.Th>%</Table.Th>
            {canManage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data?.items.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                {l.areaCode}: {l.areaName}
              </Table.Td>
              <Table.Td>{money(l.finalBudget)}</Table.Td>
              <Table.Td>{money(l.fundsAvailable)}</Table.Td>
              <Table.Td>{l.availablePct ?? '—'}%</Table.Td>
              <Table.Td>{money(l.expenditure)}</Table.Td>
              <Table.Td>{l.expenditurePct ?? '—'}%</Table.Td>
              {canManage && (
                <Table.Td>
                  <ConfirmDelete
                    label={t('results.deleteLine', { area: `${l.areaCode}: ${l.areaName}` })}
                    question={t('results.deleteLineConfirm', { area: `${l.areaCode}: ${l.areaName}` })}
                    loading={remove.isPending && remove.variables?.params.id === l.id}
                    testId={`delete-budget-${l.areaCode}`}
                    onConfirm={() => remove.mutate({ params: { id: l.id } })}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canManage && (
        <Group align="flex-end">
          <Select
            w={130}
            label={t('results.area')}
            data={[
              { value: 'impact', label: t('results.levels.impact') },
              { value: 'outcome', label: t('results.levels.outcome') },
            ]}
            value={line.areaKind}
            onChange={(v) => v && setLine({ ...line, areaKind: v })}
          />
          <TextInput
            w={90}
            label={t('results.code')}
            value={line.areaCode}
            error={errors.areaCode}
            onChange={(e) => setLine({ ...line, areaCode: e.currentTarget.value })}
          />
          <TextInput
            label={t('results.activityTitle')}
            value={line.areaName}
            error={errors.areaName}
            onChange={(e) => setLine({ ...line, areaName: e.currentTarget.value })}
          />
          {amount('finalBudget')}
          {amount('fundsAvailable')}
          {amount('expenditure')}
          <Button
            loading={save.isPending}
            onClick={() => {
              const checked = validateWith(zBudgetLineInput, { ...line, year });
              if (checked.errors) return setErrors(checked.errors);
              save.mutate({ body: checked.data });
            }}
          >
            {t('results.saveLine')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
