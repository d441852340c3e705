import {
  ASSISTANCE_KINDS,
  ASSISTANCE_PURPOSES,
  type Assistance,
  assistanceApi,
  CURRENCIES,
  personsApi,
  resultsApi,
  zAssistanceInput,
} from '@komek/domain';
import {
  Checkbox,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { FormActions } from '../../components/FormActions.tsx';

/** Asks for help for a person (or their whole household): what, why, how much, from which budget line. */
export function AssistanceForm({ onDone }: { onDone: (saved?: Assistance) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const found = useApiQuery(
    personsApi.list,
    { query: { q: search, limit: 20 } },
    { enabled: search.length >= 2 },
  );
  const lines = useApiQuery(resultsApi.budget, { query: { year: new Date().getUTCFullYear() } });
  const [personId, setPersonId] = useState<string | null>(null);
  // The person's record says whether they live in a household the help could go to as a whole.
  const chosen = useApiQuery(personsApi.get, { params: { id: personId ?? '' } }, { enabled: !!personId });
  const person = chosen.data && chosen.data.id === personId ? chosen.data : null;
  const create = useApiMutation(assistanceApi.create, {
    invalidates: [assistanceApi.list],
    onSuccess: onDone,
  });
  const { form, onSubmit, showServerErrors } = useSchemaForm(zAssistanceInput, {
    id: uuidv7(),
    personId: null,
    householdId: null,
    kind: 'cash',
    purpose: 'basic_needs',
    amount: null,
    currency: 'KGS',
    instalments: 1,
    items: null,
    budgetLineId: null,
    reason: '',
  });
  const values = form.getValues();
  const inKind = values.kind === 'in_kind' || values.kind === 'toolkit';
  const send = onSubmit((body) => create.mutate({ body }, { onError: showServerErrors }));
  const people = found.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={send} data-testid="assistance-form">
        <Stack gap="xs">
          <Title order={3}>{t('assistance.ask')}</Title>
          <ErrorAlert error={create.error} />
          <Select
            label={t('assistance.forWhom')}
            placeholder={t('assistance.forWhomHint')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={people.map((p) => ({
              value: p.id,
              label: [p.familyName, p.givenName].filter(Boolean).join(' '),
            }))}
            value={personId}
            error={form.errors.personId}
            onChange={(id) => {
              setPersonId(id);
              form.setValues({ personId: id, householdId: null });
            }}
            data-testid="assistance-person"
          />
          {person?.householdId && (
            <Checkbox
              label={t('assistance.wholeHousehold')}
              checked={values.householdId !== null}
              onChange={(e) =>
                form.setValues(
                  e.currentTarget.checked
                    ? { personId: null, householdId: person.householdId }
                    : { personId: person.id, householdId: null },
                )
              }
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Select
              label={t('assistance.kind')}
              data={enumOptions(t, 'assistanceKind', ASSISTANCE_KINDS)}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('assistance.purpose')}
              data={enumOptions(t, 'assistancePurpose', ASSISTANCE_PURPOSES)}
              allowDeselect={false}
              {...form.getInputProps('purpose')}
            />
            <Select
              label={t('assistance.budgetLine')}
              data={(lines.data?.items ?? []).map((l) => ({
                value: l.id,
                label: `${l.areaCode}: ${l.areaName}`,
              }))}
              clearable
              {...form.getInputProps('budgetLineId')}
            />
            <NumberInput
              label={inKind ? t('assistance.value') : t('assistance.amount')}
              min={0}
              thousandSeparator=" "
              {...form.getInputProps('amount')}
              value={values.amount ?? ''}
              onChange={(v) => form.setFieldValue('amount', v === '' ? null : Number(v))}
            />
            <Select
              label={t('assistance.currency')}
              data={[...CURRENCIES]}
              clearable
              {...form.getInputProps('currency')}
            />
            {!inKind && (
              <NumberInput
                label={t('assistance.instalments')}
                min={1}
                max={24}
                {...form.getInputProps('instalments')}
              />
            )}
          </SimpleGrid>
          {inKind && (
            <TextInput
              label={t('assistance.items')}
              {...form.getInputProps('items')}
              value={values.items ?? ''}
              onChange={(e) => form.setFieldValue('items', e.currentTarget.value || null)}
            />
          )}
          <Textarea label={t('assistance.reason')} autosize minRows={2} {...form.getInputProps('reason')} />
          <FormActions
            busy={create.isPending}
            onCancel={() => onDone()}
            submitLabel={t('assistance.send')}
            testId="assistance-save"
          />
        </Stack>
      </form>
    </Paper>
  );
}
