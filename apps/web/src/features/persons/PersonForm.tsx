import {
  NATIONALITY_STATUSES,
  type PersonInput,
  POPULATION_TYPES,
  personsApi,
  SEXES,
  zPersonInput,
} from '@komek/domain';
import { Button, Grid, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { useDistricts } from '../../components/useDistricts.ts';
import { DuplicatePanel } from './DuplicatePanel.tsx';

const blank = {
  givenName: '',
  familyName: '',
  patronymic: '',
  latinName: '',
  sex: 'unknown',
  birthDate: '',
  phone: '',
  districtId: '',
  address: '',
  nationalityStatus: 'undetermined_nationality',
  nationalityCountry: '',
  populationType: 'undetermined_nationality',
};

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function PersonRegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const districts = useDistricts();
  const register = useApiMutation(personsApi.register, {
    invalidates: [personsApi.list],
    onSuccess: (person) => navigate({ to: '/persons/$personId', params: { personId: person.id } }),
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const set = (patch: Partial<typeof blank>) => setValues({ ...values, ...patch });
  const text = (field: keyof typeof blank, label: string) => (
    <TextInput
      label={label}
      name={field}
      value={values[field]}
      error={errors[field]}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
    />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: Partial<PersonInput> = {
      ...values,
      patronymic: orNull(values.patronymic),
      latinName: orNull(values.latinName),
      birthDate: orNull(values.birthDate),
      phone: orNull(values.phone),
      districtId: orNull(values.districtId),
      address: orNull(values.address),
      nationalityCountry: orNull(values.nationalityCountry),
    } as Partial<PersonInput>;
    const checked = validateWith(zPersonInput, input);
    if (checked.errors) return setErrors(checked.errors);
    register.mutate({ body: checked.data });
  }

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={2}>{t('persons.register')}</Title>
            <ErrorAlert error={register.error} />
            <Group grow>
              {text('familyName', t('persons.familyName'))}
              {text('givenName', t('persons.givenName'))}
              {text('patronymic', t('persons.patronymic'))}
            </Group>
            <Group grow>
              {text('latinName', t('persons.latinName'))}
              <Select
                label={t('persons.sex')}
                data={enumOptions(t, 'sex', SEXES)}
                value={values.sex}
                allowDeselect={false}
                onChange={(v) => v && set({ sex: v })}
              />
              {text('birthDate', t('persons.birthDate'))}
            </Group>
            <Group grow>
              <Select
                label={t('persons.nationalityStatus')}
                data={enumOptions(t, 'nationalityStatus', NATIONALITY_STATUSES)}
                value={values.nationalityStatus}
                allowDeselect={false}
                onChange={(v) => v && set({ nationalityStatus: v })}
              />
              {text('nationalityCountry', t('persons.nationalityCountry'))}
              <Select
                label={t('persons.populationType')}
                data={enumOptions(t, 'populationType', POPULATION_TYPES)}
                value={values.populationType}
                allowDeselect={false}
                onChange={(v) => v && set({ populationType: v })}
              />
            </Group>
            <Group grow>
              <Select
                label={t('persons.district')}
                clearable
                data={districts.options}
                value={values.districtId || null}
                onChange={(v) => set({ districtId: v ?? '' })}
              />
              {text('phone', t('persons.phone'))}
              {text('address', t('persons.address'))}
            </Group>
            <Group>
              <Button type="submit" data-testid="register-person" loading={register.isPending}>
                {t('persons.register')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <DuplicatePanel
          givenName={values.givenName}
          familyName={values.familyName}
          birthDate={values.birthDate}
        />
      </Grid.Col>
    </Grid>
  );
}
