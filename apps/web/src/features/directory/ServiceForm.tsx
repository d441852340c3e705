import { directoryApi, SERVICE_LANGUAGES, SERVICE_TYPES, type Service, zServiceInput } from '@komek/domain';
import { Button, Group, MultiSelect, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { useDistricts } from '../../components/useDistricts.ts';

const blank = {
  name: '',
  type: 'legal_aid' as Service['type'],
  description: '',
  districtIds: [] as string[],
  languages: [] as Service['languages'],
  eligibility: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  hours: '',
  acceptsReferrals: true,
  publicListing: false,
  active: true,
};

/** Adds a service to the directory, or edits one of the administrator's own organisation. */
export function ServiceForm({ service, onDone }: { service?: Service; onDone: () => void }) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const [values, setValues] = useState(() =>
    service
      ? {
          ...blank,
          ...Object.fromEntries(Object.entries(service).map(([k, v]) => [k, v ?? ''])),
        }
      : blank,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const settings = {
    invalidates: [directoryApi.list, directoryApi.get],
    onSuccess: onDone,
    onError: (e: unknown) => setErrors(fieldErrors(e)),
  };
  const create = useApiMutation(directoryApi.create, settings);
  const update = useApiMutation(directoryApi.update, settings);
  const error = create.error ?? update.error;
  const set = (patch: Partial<typeof blank>) => setValues({ ...values, ...patch });
  const text = (field: keyof typeof blank, multiline = false) => {
    const Input = multiline ? Textarea : TextInput;
    return (
      <Input
        label={t(`services.${field}`)}
        value={String(values[field] ?? '')}
        error={errors[field]}
        onChange={(e) => set({ [field]: e.currentTarget.value })}
      />
    );
  };
  const submit = () => {
    const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
    const checked = validateWith(zServiceInput, {
      ...values,
      description: orNull(values.description),
      eligibility: orNull(values.eligibility),
      contactName: orNull(values.contactName),
      contactPhone: orNull(values.contactPhone),
      contactEmail: orNull(values.contactEmail),
      hours: orNull(values.hours),
    });
    if (checked.errors) return setErrors(checked.errors);
    if (service)
      update.mutate({ params: { id: service.id }, body: { ...checked.data, version: service.version } });
    else create.mutate({ body: checked.data });
  };
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} />
      {text('name')}
      <Select
        label={t('services.type')}
        data={enumOptions(t, 'serviceType', SERVICE_TYPES)}
        value={values.type}
        onChange={(v) => v && set({ type: v as Service['type'] })}
      />
      {text('description', true)}
      <MultiSelect
        label={t('services.districts')}
        placeholder={t('services.wholeCountry')}
        data={districts.options}
        value={values.districtIds}
        searchable
        onChange={(v) => set({ districtIds: v })}
      />
      <MultiSelect
        label={t('services.languages')}
        data={enumOptions(t, 'serviceLanguage', SERVICE_LANGUAGES)}
        value={values.languages}
        onChange={(v) => set({ languages: v as Service['languages'] })}
      />
      {text('eligibility', true)}
      <Group grow>
        {text('contactName')}
        {text('contactPhone')}
        {text('contactEmail')}
      </Group>
      {text('hours')}
      <Group>
        <Switch
          label={t('services.acceptsReferrals')}
          checked={values.acceptsReferrals}
          onChange={(e) => set({ acceptsReferrals: e.currentTarget.checked })}
        />
        <Switch
          label={t('services.publicListing')}
          checked={values.publicListing}
          onChange={(e) => set({ publicListing: e.currentTarget.checked })}
        />
        <Switch
          label={t('services.active')}
          checked={values.active}
          onChange={(e) => set({ active: e.currentTarget.checked })}
        />
      </Group>
      <Group justify="flex-end">
        <Button onClick={submit} loading={create.isPending || update.isPending}>
          {t('services.save')}
        </Button>
      </Group>
    </Stack>
  );
}
