import {
  type GeoArea,
  type Office,
  ORGANISATION_TYPES,
  type Organisation,
  type SessionUser,
  zOfficeInput,
  zOrganisationInput,
} from '@komek/domain';
import { Badge, Button, Checkbox, Group, Modal, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../../app/api.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { EligibilityCriteria } from './EligibilityCriteria.tsx';

const geoName = (area: GeoArea, lang: string) =>
  area.names[lang] ?? area.names.ru ?? area.names.en ?? area.id;

function OrganisationForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState({ name: '', type: 'ngo', countryCode: 'KG', requireTotp: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const countries = useQuery({
    queryKey: ['geo', 'country'],
    queryFn: () => api<{ items: GeoArea[] }>('/geography?level=country'),
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(zOrganisationInput, values);
    if (checked.errors) return setErrors(checked.errors);
    try {
      await api('/organisations', { method: 'POST', body: checked.data });
      onDone();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
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
          <Button type="submit">{t('common.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function Offices({ org, canManage }: { org: Organisation; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [districtId, setDistrictId] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const offices = useQuery({
    queryKey: ['offices', org.id],
    queryFn: () => api<{ items: Office[] }>(`/organisations/${org.id}/offices`),
  });
  const districts = useQuery({
    queryKey: ['geo', 'district'],
    queryFn: () => api<{ items: GeoArea[] }>('/geography?level=district'),
  });
  const districtName = (id: string | null) => {
    const area = districts.data?.items.find((d) => d.id === id);
    return area ? geoName(area, i18n.language) : (id ?? '—');
  };
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
            data={(districts.data?.items ?? []).map((d) => ({
              value: d.id,
              label: geoName(d, i18n.language),
            }))}
            value={districtId}
            onChange={setDistrictId}
          />
          <Button
            onClick={async () => {
              const checked = validateWith(zOfficeInput, { name, districtId });
              if (checked.errors) return setError(checked.errors.name);
              await api(`/organisations/${org.id}/offices`, { method: 'POST', body: checked.data });
              setName('');
              setError(undefined);
              await client.invalidateQueries({ queryKey: ['offices', org.id] });
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
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const orgs = useQuery({
    queryKey: ['organisations'],
    queryFn: () => api<{ items: Organisation[]; total: number }>('/organisations?limit=200'),
  });
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
              </Group>
            </Group>
            <Offices org={org} canManage={isAdmin && (me.platformAdmin || org.id === me.orgId)} />
            {isAdmin && org.id === me.orgId && <EligibilityCriteria />}
          </Stack>
        </Paper>
      ))}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('organisations.new')}>
        <OrganisationForm
          onDone={async () => {
            setCreating(false);
            await client.invalidateQueries({ queryKey: ['organisations'] });
          }}
        />
      </Modal>
    </Stack>
  );
}
