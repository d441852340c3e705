import { type Person, personsApi, RELATIONSHIPS, zHouseholdInput } from '@komek/domain';
import { Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { PersonLink } from '../../components/RecordLinks.tsx';
import { useDebounced } from '../../components/useDebounced.ts';

type Member = { personId: string; name: string; relationship: string };

/** Who the person lives with: the household's members, or a form to record one around them. */
export function HouseholdPanel({ person, canManage }: { person: Person; canManage: boolean }) {
  const { t } = useTranslation();
  const household = useApiQuery(
    personsApi.getHousehold,
    { params: { id: person.householdId ?? '' } },
    { enabled: !!person.householdId },
  );
  return (
    <Paper withBorder p="md" data-testid="household">
      <Stack gap="xs">
        <Title order={4}>{t('persons.household')}</Title>
        <ErrorAlert error={household.error} />
        {household.data && (
          <>
            <Text fw={600}>
              <bdi>{household.data.name}</bdi>
            </Text>
            <Table>
              <Table.Tbody>
                {household.data.members.map((m) => (
                  <Table.Tr key={m.person.id}>
                    <Table.Td>
                      <PersonLink id={m.person.id}>
                        {m.person.familyName} {m.person.givenName}
                      </PersonLink>
                    </Table.Td>
                    <Table.Td>{t(`enums.relationship.${m.relationship}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        {!person.householdId &&
          (canManage ? (
            <NewHousehold person={person} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('persons.noHousehold')}
            </Text>
          ))}
      </Stack>
    </Paper>
  );
}

function NewHousehold({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [name, setName] = useState(`${person.familyName}`);
  const [members, setMembers] = useState<Member[]>([
    { personId: person.id, name: `${person.familyName} ${person.givenName}`, relationship: 'head' },
  ]);
  const [search, setSearch] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const q = useDebounced(search.trim(), 300);
  const found = useApiQuery(personsApi.list, { query: { q, limit: 10 } }, { enabled: q.length >= 2 });
  const create = useApiMutation(personsApi.createHousehold, {
    invalidates: [personsApi.get, personsApi.getHousehold],
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const candidates = (found.data?.items ?? []).filter((p) => !members.some((m) => m.personId === p.id));
  return (
    <Stack gap="xs" data-testid="new-household">
      <Text size="sm" c="dimmed">
        {t('persons.noHousehold')}
      </Text>
      <TextInput
        label={t('persons.householdName')}
        value={name}
        error={errors.name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      {members.map((m, i) => (
        <Group key={m.personId} gap="xs" align="flex-end" wrap="nowrap">
          <Text size="sm" style={{ flex: 1 }}>
            {m.name}
          </Text>
          <Select
            aria-label={t('persons.relationshipOf', { name: m.name })}
            data={enumOptions(t, 'relationship', RELATIONSHIPS)}
            value={m.relationship}
            allowDeselect={false}
            w={180}
            onChange={(v) =>
              v && setMembers(members.map((x, j) => (j === i ? { ...x, relationship: v } : x)))
            }
          />
          {i > 0 && (
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              onClick={() => setMembers(members.filter((_, j) => j !== i))}
            >
              {t('common.delete')}
            </Button>
          )}
        </Group>
      ))}
      <TextInput
        label={t('persons.addMember')}
        placeholder={t('persons.searchMember')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {candidates.map((p) => (
        <Button
          key={p.id}
          variant="default"
          size="compact-sm"
          justify="flex-start"
          data-testid="household-candidate"
          onClick={() => {
            setMembers([
              ...members,
              { personId: p.id, name: `${p.familyName} ${p.givenName}`, relationship: 'other_relative' },
            ]);
            setSearch('');
          }}
        >
          {p.familyName} {p.givenName} {p.birthDate ? <bdi>&nbsp;· {p.birthDate}</bdi> : null}
        </Button>
      ))}
      <ErrorAlert error={create.error} />
      <Group>
        <Button
          variant="light"
          loading={create.isPending}
          onClick={() => {
            const checked = validateWith(zHouseholdInput, {
              name,
              members: members.map(({ personId, relationship }) => ({ personId, relationship })),
            });
            if (checked.errors) return setErrors(checked.errors);
            create.mutate({ body: checked.data });
          }}
        >
          {t('persons.createHousehold')}
        </Button>
      </Group>
    </Stack>
  );
}
