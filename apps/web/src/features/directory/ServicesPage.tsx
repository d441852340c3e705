import {
  directoryApi,
  SERVICE_LANGUAGES,
  SERVICE_TYPES,
  type Service,
  type SessionUser,
} from '@komek/domain';
import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterQuery, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { Pager } from '../../components/Pager.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useDistricts } from '../../components/useDistricts.ts';
import { SERVICES_FIRST_PAGE } from '../../offline/sync.ts';
import { ServiceForm } from './ServiceForm.tsx';

const LIMIT = SERVICES_FIRST_PAGE.limit;

/** Who offers what, where and in which languages: how a caseworker finds where to refer. */
export function ServicesPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | null>(null);
  const [districtId, setDistrictId] = useState<string | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const search = useDebounced(q, 300);
  const list = useApiQuery(directoryApi.list, {
    query: filterQuery(directoryApi.list, {
      limit: LIMIT,
      offset,
      includeInactive: SERVICES_FIRST_PAGE.includeInactive,
      q: search,
      type,
      districtId,
      language,
    }),
  });
  const manages = (s: Service) =>
    can(user, 'service.manage') && (user.platformAdmin || s.orgId === user.orgId);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('services.title')}</Title>
        {can(user, 'service.manage') && (
          <Button onClick={() => setEditing('new')}>{t('services.add')}</Button>
        )}
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('services.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setOffset(0);
          }}
        />
        <Select
          label={t('services.type')}
          placeholder={t('services.anyType')}
          clearable
          data={enumOptions(t, 'serviceType', SERVICE_TYPES)}
          value={type}
          onChange={setType}
        />
        <Select
          label={t('services.district')}
          clearable
          searchable
          data={districts.options}
          value={districtId}
          onChange={setDistrictId}
        />
        <Select
          label={t('services.language')}
          clearable
          data={enumOptions(t, 'serviceLanguage', SERVICE_LANGUAGES)}
          value={language}
          onChange={setLanguage}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <Table striped data-testid="services-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('services.org')}</Table.Th>
            <Table.Th>{t('services.name')}</Table.Th>
            <Table.Th>{t('services.districts')}</Table.Th>
            <Table.Th>{t('services.languages')}</Table.Th>
            <Table.Th>{t('services.contactName')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.orgName}</Table.Td>
              <Table.Td>
                <Text fw={500}>{s.name}</Text>
                <Group gap={4}>
                  <Badge variant="light">{t(`enums.serviceType.${s.type}`)}</Badge>
                  {!s.active && <Badge color="gray">{t('services.inactive')}</Badge>}
                </Group>
                {s.eligibility && (
                  <Text size="xs" c="dimmed">
                    {s.eligibility}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {s.districtIds.length === 0
                  ? t('services.wholeCountry')
                  : s.districtIds.map((d) => districts.nameOf(d)).join(', ')}
              </Table.Td>
              <Table.Td>{s.languages.map((l) => t(`enums.serviceLanguage.${l}`)).join(', ')}</Table.Td>
              <Table.Td>
                <Text size="sm">{s.contactName}</Text>
                <Text size="xs">{[s.contactPhone, s.contactEmail].filter(Boolean).join(' · ')}</Text>
                <Text size="xs" c="dimmed">
                  {s.hours}
                </Text>
              </Table.Td>
              <Table.Td>
                {manages(s) && (
                  <Button size="xs" variant="subtle" onClick={() => setEditing(s)}>
                    {t('services.edit')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager offset={offset} limit={LIMIT} total={list.data?.total ?? 0} onChange={setOffset} />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('services.add') : t('services.edit')}
        size="lg"
      >
        {editing !== null && (
          <ServiceForm service={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}
