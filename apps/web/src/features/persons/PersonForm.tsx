import {
  NATIONALITY_STATUSES,
  type Person,
  type PersonInput,
  POPULATION_TYPES,
  personsApi,
  SEXES,
  SPECIFIC_NEEDS,
  WG_DOMAINS,
  WG_LEVELS,
  zPersonInput,
} from '@komek/domain';
import { hasCyrillic, transliterate } from '@komek/matching';
import {
  Button,
  Fieldset,
  Grid,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { languageOptions } from '../../components/language-options.ts';
import { useDistricts } from '../../components/useDistricts.ts';
import { keepLocalPerson, localPerson } from '../../offline/local-records.ts';
import { DuplicatePanel } from './DuplicatePanel.tsx';

export const blankPerson = {
  givenName: '',
  familyName: '',
  patronymic: '',
  latinName: '',
  sex: 'unknown',
  birthDate: '',
  placeOfBirth: '',
  phone: '',
  districtId: '',
  address: '',
  nationalityStatus: 'undetermined_nationality',
  nationalityCountry: '',
  populationType: 'undetermined_nationality',
  aliases: [] as string[],
  languages: [] as string[],
  specificNeeds: [] as string[],
  washingtonGroup: {} as Record<string, string>,
};
export type PersonValues = typeof blankPerson;

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The form's strings from a kept record, for editing it. */
export const valuesOf = (p: Person): PersonValues => ({
  givenName: p.givenName,
  familyName: p.familyName,
  patronymic: p.patronymic ?? '',
  latinName: p.latinName ?? '',
  sex: p.sex,
  birthDate: p.birthDate ?? '',
  placeOfBirth: p.placeOfBirth ?? '',
  phone: p.phone ?? '',
  districtId: p.districtId ?? '',
  address: p.address ?? '',
  nationalityStatus: p.nationalityStatus,
  nationalityCountry: p.nationalityCountry ?? '',
  populationType: p.populationType,
  aliases: p.aliases,
  languages: p.languages,
  specificNeeds: p.specificNeeds,
  washingtonGroup: { ...p.washingtonGroup },
});

/** The fields a person is registered and edited with; one column on a phone. */
export function PersonFields(props: {
  title: string;
  submitLabel: string;
  initial: PersonValues;
  /** Keeps the fields a record has beyond this form (documents, needs) when it is edited. */
  keep?: Partial<PersonInput>;
  busy: boolean;
  error: unknown;
  serverErrors: Record<string, string>;
  onSubmit: (input: PersonInput) => void;
  submitTestId: string;
  /** Offered beside each likely duplicate: "this is the person" instead of registering anew. */
  onPick?: { label: string; pick: (personId: string) => void };
}) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const districts = useDistricts();
  const shownErrors = { ...props.serverErrors, ...errors };
  // The Latin form follows a Cyrillic name until the user writes it themselves (a passport may
  // spell it otherwise).
  const [latinFollows, setLatinFollows] = useState(props.initial.latinName === '');
  const set = (patch: Partial<PersonValues>) => {
    const next = { ...values, ...patch };
    if ('latinName' in patch) setLatinFollows(patch.latinName === '');
    else if (latinFollows && ('familyName' in patch || 'givenName' in patch)) {
      const cyrillic = `${next.familyName} ${next.givenName}`.trim();
      next.latinName = hasCyrillic(cyrillic) ? transliterate(cyrillic) : '';
    }
    setValues(next);
  };
  type TextField = {
    [K in keyof PersonValues]: PersonValues[K] extends string ? K : never;
  }[keyof PersonValues];
  const text = (field: TextField, label: string, extra: object = {}) => (
    <TextInput
      label={label}
      name={field}
      value={values[field]}
      error={shownErrors[field]}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      {...extra}
    />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      ...props.keep,
      ...values,
      patronymic: orNull(values.patronymic),
      latinName: orNull(values.latinName),
      birthDate: orNull(values.birthDate),
      placeOfBirth: orNull(values.placeOfBirth),
      phone: orNull(values.phone),
      districtId: orNull(values.districtId),
      address: orNull(values.address),
      nationalityCountry: orNull(values.nationalityCountry),
    } as Partial<PersonInput>;
    const checked = validateWith(zPersonInput, input);
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    props.onSubmit(checked.data);
  }

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={2}>{props.title}</Title>
            <ErrorAlert error={props.error} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {text('familyName', t('persons.familyName'))}
              {text('givenName', t('persons.givenName'))}
              {text('patronymic', t('persons.patronymic'))}
              {text('latinName', t('persons.latinName'), {
                description: latinFollows && values.latinName ? t('persons.latinSuggested') : undefined,
              })}
              <Select
                label={t('persons.sex')}
                data={enumOptions(t, 'sex', SEXES)}
                value={values.sex}
                allowDeselect={false}
                onChange={(v) => v && set({ sex: v })}
              />
              {text('birthDate', t('persons.birthDate'))}
              {text('placeOfBirth', t('persons.placeOfBirth'))}
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
              <Select
                label={t('persons.district')}
                clearable
                data={districts.options}
                value={values.districtId || null}
                onChange={(v) => set({ districtId: v ?? '' })}
              />
              {text('phone', t('persons.phone'), { type: 'tel', inputMode: 'tel', autoComplete: 'off' })}
              {text('address', t('persons.address'))}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TagsInput
                label={t('persons.aliases')}
                description={t('persons.aliasesHint')}
                value={values.aliases}
                error={shownErrors.aliases}
                onChange={(aliases) => set({ aliases })}
                data-testid="person-aliases"
              />
              <MultiSelect
                label={t('persons.languages')}
                data={languageOptions(i18n.language, values.languages)}
                value={values.languages}
                error={shownErrors.languages}
                searchable
                onChange={(languages) => set({ languages })}
              />
            </SimpleGrid>
            <MultiSelect
              label={t('persons.specificNeeds')}
              data={enumOptions(t, 'specificNeed', SPECIFIC_NEEDS)}
              value={values.specificNeeds}
              searchable
              onChange={(specificNeeds) => set({ specificNeeds })}
              data-testid="person-needs"
            />
            <Fieldset legend={t('persons.washingtonGroup')} data-testid="washington-group">
              <Text size="xs" c="dimmed" mb="xs">
                {t('persons.wgHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                {WG_DOMAINS.map((domain) => (
                  <Select
                    key={domain}
                    label={t(`enums.wgDomain.${domain}`)}
                    placeholder={t('persons.notAsked')}
                    data={enumOptions(t, 'wgLevel', WG_LEVELS)}
                    value={values.washingtonGroup[domain] ?? null}
                    clearable
                    onChange={(level) => {
                      const { [domain]: _, ...others } = values.washingtonGroup;
                      set({ washingtonGroup: level ? { ...others, [domain]: level } : others });
                    }}
                  />
                ))}
              </SimpleGrid>
            </Fieldset>
            <Group>
              <Button type="submit" data-testid={props.submitTestId} loading={props.busy}>
                {props.submitLabel}
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
          onPick={props.onPick}
        />
      </Grid.Col>
    </Grid>
  );
}

export function PersonRegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const register = useApiMutation(personsApi.register, {
    invalidates: [personsApi.list],
    onSuccess: (person) => navigate({ to: '/persons/$personId', params: { personId: person.id } }),
    offline: {
      kind: 'person',
      title: ({ body }) => `${body.familyName} ${body.givenName}`,
      createsId: ({ body }) => body.id as string,
      target: ({ body }) => `/persons/${body.id}`,
      local: async ({ body }, user) => {
        const person = localPerson(body, body.id as string, user);
        await keepLocalPerson(person);
        return person;
      },
    },
  });
  return (
    <PersonFields
      title={t('persons.register')}
      submitLabel={t('persons.register')}
      initial={blankPerson}
      busy={register.isPending}
      error={register.error}
      serverErrors={fieldErrors(register.error)}
      submitTestId="register-person"
      onSubmit={(input) => register.mutate({ body: { ...input, id: uuidv7() } })}
    />
  );
}
