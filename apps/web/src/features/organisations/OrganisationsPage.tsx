import {
  authApi,
  type GeoArea,
  geographyApi,
  ORGANISATION_TYPES,
  type Organisation,
  organisationsApi,
  type SessionUser,
  zOfficeInput,
  zOrganisationInput,
} from '@komek/domain';
import { Badge, Button, Checkbox, Group, Modal, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useDistricts } from '../../components/useDistricts.ts';
import { WarningRulesPanel } from '../incidents/WarningRulesPanel.tsx';
import { HotlineAnswers } from '../intake/HotlineAnswers.tsx';
import { MailboxesPanel } from '../intake/MailboxesPanel.tsx';
import { EligibilityCriteria } from './EligibilityCriteria.tsx';

const geoName = (area: GeoArea, lang: string) =>
  area.names[lang] ?? area.names.ru ?? area.names.en ?? area.id;

/** A new organisation (the platform operator), or changes to one (its administrator). */
function OrganisationForm({ org, onDone }: { org?: Organisation; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState({
    name: org?.name ?? '',
    type: org?.type ?? 'ngo',
    countryCode: org?.countryCode ?? 'KG',
    requireTotp: org?.requireTotp ?? false,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const countries = useApiQuery(geographyApi.list, { query: { level: 'country' } });
  const settings = {
    invalidates: [organisationsApi.list, authApi.me],
    onSuccess: onDone,
    onError: (e: ApiError) => setErrors(fieldErrors(e)),
  };
  const create = useApiMutation(organisationsApi.create, settings);
  const update = useApiMutation(organisationsApi.update, settings);
  const saving = org ? update : create;

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(zOrganisationInput, values);
    if (checked.errors) return setErrors(checked.errors);
    if (org) update.mutate({ params: { id: org.id }, body: { ...checked.data, version: org.version } });
    else create.mutate({ body: checked.data });
  }
  return (
    <form onSubmit={submit} noValidate data-testid="organisation-form">
      <Stack>
        <ErrorAlert error={saving.error ?? countries.error} />
        <TextInput
          label={t('organisations.name')}
          value={values.name}
          error={errors.name}
          onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
        />
        <Select
          label={t('organisations.type')}
          data={ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`orgTypes.${v}`) }))}
          value={values.type}
          allowDeselect={false}
          onChange={(v) => v && setValues({ ...values, type: v })}
        />
        <Select
          label={t('organisations.country')}
          data={(countries.data?.items ?? []).map((c) => ({ value: c.id, label: geoName(c, i18n.language) }))}
          value={values.countryCode}
          error={errors.countryCode}
          allowDeselect={false}
          onChange={(v) => v && setValues({ ...values, countryCode: v })}
        />
        <Checkbox
          label={t('organisations.requireTotp')}
          checked={values.requireTotp}
          onChange={(e) => setValues({ ...values, requireTotp: e.currentTarget.checked })}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={saving.isPending} data-testid="save-organisation">
            {t(org ? 'common.save' : 'common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Offices({ org, canManage }: { org: Organisation; canManage: boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [districtId, setDistrictId] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const params = { id: org.id };
  const offices = useApiQuery(organisationsApi.offices, { params });
  const districts = useDistricts();
  const districtName = (id: string | null) => (id ? districts.nameOf(id) : '—');
  const add = useApiMutation(organisationsApi.createOffice, {
    invalidates: [organisationsApi.offices],
    onSuccess: () => {
      setName('');
      setError(undefined);
    },
    onError: (e) => setError(fieldErrors(e).name ?? e.message),
  });
  return (
    <Stack gap="xs">
      <Title order={5}>{t('organisations.offices')}</Title>
      {offices.data?.items.map((o) => (
        <Group key={o.id} gap="xs">
          <span>{o.name}</span>
          <Badge variant="light">{districtName(o.districtId)}</Badge>
        </Group>
      ))}
      {canManage && (
        <Group align="flex-end">
          <TextInput
            label={t('organisations.officeName')}
            value={name}
            error={error}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            label={t('organisations.district')}
            clearable
            data={districts.options}
            value={districtId}
            onChange={setDistrictId}
          />
          <Button
            loading={add.isPending}
            onClick={() => {
              const checked = validateWith(zOfficeInput, { name, districtId });
              if (checked.errors) return setError(checked.errors.name);
              add.mutate({ params, body: checked.data });
            }}
          >
            {t('organisations.newOffice')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function OrganisationsPage({ me }: { me: SessionUser }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Organisation | null>(null);
  const orgs = useApiQuery(organisationsApi.list, { query: { limit: 200 } });
  const isAdmin = me.role === 'admin';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('organisations.title')}</Title>
        {me.platformAdmin && <Button onClick={() => setCreating(true)}>{t('organisations.new')}</Button>}
      </Group>
      <ErrorAlert error={orgs.error} />
      {orgs.data?.items.map((org) => (
        <Paper key={org.id} withBorder p="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={4}>{org.name}</Title>
              <Group gap="xs">
                <Badge>{t(`orgTypes.${org.type}`)}</Badge>
                <Badge variant="outline">{org.countryCode}</Badge>
                {org.requireTotp && <Badge color="orange">{t('organisations.requireTotp')}</Badge>}
                {isAdmin && (me.platformAdmin || org.id === me.orgId) && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => setEditing(org)}
                    data-testid="edit-organisation"
                  >
                    {t('common.edit')}
                  </Button>
                )}
              </Group>
            </Group>
            <Offices org={org} canManage={isAdmin && (me.platformAdmin || org.id === me.orgId)} />
            {isAdmin && org.id === me.orgId && <EligibilityCriteria />}
            {isAdmin && org.id === me.orgId && <HotlineAnswers />}
            {isAdmin && org.id === me.orgId && <MailboxesPanel />}
            {isAdmin && org.id === me.orgId && <WarningRulesPanel />}
          </Stack>
        </Paper>
      ))}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('organisations.new')}>
        <OrganisationForm onDone={() => setCreating(false)} />
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.name}>
        {editing && <OrganisationForm key={editing.version} org={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
