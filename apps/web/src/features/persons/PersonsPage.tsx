import { personsApi } from '@komek/domain';
import { Button, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../app/api.ts';
import { useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Pager } from '../../components/Pager.tsx';
import { PersonLink } from '../../components/RecordLinks.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useDistricts } from '../../components/useDistricts.ts';
import { PEOPLE_FIRST_PAGE } from '../../offline/sync.ts';

const LIMIT = PEOPLE_FIRST_PAGE.limit;

export function PersonsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const query = useDebounced(q);
  const districts = useDistricts();
  const persons = useApiQuery(personsApi.list, { query: { limit: LIMIT, offset, q: query || undefined } });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('persons.title')}</Title>
        <Group gap="xs">
          <Button
            variant="default"
            component="a"
            href={urlOf(personsApi.export, { query: { format: 'csv', q: query || undefined } })}
          >
            {t('cases.export')} CSV
          </Button>
          <Button
            variant="default"
            component="a"
            href={urlOf(personsApi.export, { query: { format: 'xlsx', q: query || undefined } })}
          >
            {t('cases.export')} XLSX
          </Button>
          <Button component={Link} to="/persons/new" data-testid="new-person">
            {t('persons.register')}
          </Button>
        </Group>
      </Group>
      <TextInput
        placeholder={t('common.search')}
        value={q}
        maw={360}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setOffset(0);
        }}
      />
      <ErrorAlert error={persons.error} />
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('persons.familyName')}</Table.Th>
            <Table.Th>{t('persons.givenName')}</Table.Th>
            <Table.Th>{t('persons.born')}</Table.Th>
            <Table.Th>{t('persons.nationalityStatus')}</Table.Th>
            <Table.Th>{t('persons.district')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {persons.data?.items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <PersonLink id={p.id}>{p.familyName}</PersonLink>
              </Table.Td>
              <Table.Td>
                {p.givenName} {p.patronymic ?? ''}
              </Table.Td>
              <Table.Td>{p.birthDate ?? '—'}</Table.Td>
              <Table.Td>{t(`enums.nationalityStatus.${p.nationalityStatus}`)}</Table.Td>
              <Table.Td>{p.districtId ? districts.nameOf(p.districtId) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {persons.data && (
        <Pager
          offset={offset}
          limit={LIMIT}
          total={persons.data.total}
          capped={persons.data.totalCapped}
          onChange={setOffset}
        />
      )}
    </Stack>
  );
}
