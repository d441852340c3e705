import {
  LOCALES,
  type Office,
  ROLES,
  type User,
  type UserInput,
  usersApi,
  zUserInput,
  zUserUpdate,
} from '@komek/domain';
import { Button, Checkbox, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';

interface Props {
  orgId: string;
  offices: Office[];
  user?: User;
  onDone: () => void;
}

/** One form for creating and editing; the schemas are the API's own. */
export function UserForm({ orgId, offices, user, onDone }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    email: user?.email ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'lawyer',
    officeId: user?.officeId ?? null,
    locale: user?.locale ?? 'ru',
    password: '',
    disabled: user?.disabled ?? false,
    onDuty: user?.onDuty ?? false,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const settings = {
    invalidates: [usersApi.list],
    onSuccess: onDone,
    onError: (e: unknown) => setErrors(fieldErrors(e)),
  };
  const create = useApiMutation(usersApi.create, settings);
  const update = useApiMutation(usersApi.update, settings);
  const error = create.error ?? update.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    const { email, password, disabled, onDuty, ...shared } = values;
    if (user) {
      const checked = validateWith(zUserUpdate, { ...shared, disabled, onDuty, version: user.version });
      if (checked.errors) return setErrors(checked.errors);
      update.mutate({ params: { id: user.id }, body: checked.data });
      return;
    }
    const checked = validateWith(zUserInput, {
      ...shared,
      email,
      password,
      orgId,
    } satisfies Partial<UserInput>);
    if (checked.errors) return setErrors(checked.errors);
    create.mutate({ body: checked.data });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        {!user && (
          <TextInput
            label={t('users.email')}
            name="email"
            value={values.email}
            error={errors.email}
            onChange={(e) => set({ email: e.currentTarget.value })}
          />
        )}
        <TextInput
          label={t('users.displayName')}
          name="displayName"
          value={values.displayName}
          error={errors.displayName}
          onChange={(e) => set({ displayName: e.currentTarget.value })}
        />
        <Select
          label={t('users.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={values.role}
          error={errors.role}
          allowDeselect={false}
          onChange={(v) => v && set({ role: v as User['role'] })}
        />
        <Select
          label={t('users.office')}
          data={[
            { value: '', label: t('users.noOffice') },
            ...offices.map((o) => ({ value: o.id, label: o.name })),
          ]}
          value={values.officeId ?? ''}
          error={errors.officeId}
          onChange={(v) => set({ officeId: v || null })}
        />
        <Select
          label={t('users.locale')}
          data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          value={values.locale}
          allowDeselect={false}
          onChange={(v) => v && set({ locale: v as User['locale'] })}
        />
        {!user && (
          <PasswordInput
            label={t('users.password')}
            name="password"
            value={values.password}
            error={errors.password}
            onChange={(e) => set({ password: e.currentTarget.value })}
          />
        )}
        {user && (
          <Checkbox
            label={t('users.onDuty')}
            description={t('users.onDutyHint')}
            checked={values.onDuty}
            onChange={(e) => set({ onDuty: e.currentTarget.checked })}
          />
        )}
        {user && (
          <Checkbox
            label={t('users.disabled')}
            checked={values.disabled}
            onChange={(e) => set({ disabled: e.currentTarget.checked })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {user ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
