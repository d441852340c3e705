import {
  type Household,
  type Person,
  personsApi,
  RELATIONSHIPS,
  zHouseholdInput,
  zHouseholdUpdate,
} from '@komek/domain';
import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, fieldErrors } from '../../app/api.ts';
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
  const [editing, setEditing] = useState(false);
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
        {household.data && editing && (
          <HouseholdForm person={person} household={household.data} onDone={() => setEditing(false)} />
        )}
        {household.data && !editing && (
          <>
            <Group justify="space-between">
              <Text fw={600}>
                <bdi>{household.data.name}</bdi>
              </Text>
              {canManage && (
                <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
                  {t('persons.editHousehold')}
                </Button>
              )}
            </Group>
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
            <HouseholdForm person={person} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('persons.noHousehold')}
            </Text>
          ))}
      </Stack>
    </Paper>
  );
}

/** Records a household around the person, or changes the one they are in (`household`). */
function HouseholdForm({
  person,
  household,
  onDone,
}: {
  person: Person;
  household?: Household;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(household?.name ?? person.familyName);
  const [members, setMembers] = useState<Member[]>(
    household?.members.map((m) => ({
      personId: m.person.id,
      name: `${m.person.familyName} ${m.person.givenName}`,
      relationship: m.relationship,
    })) ?? [{ personId: person.id, name: `${person.familyName} ${person.givenName}`, relationship: 'head' }],
  );
  const [search, setSearch] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const q = useDebounced(search.trim(), 300);
  const found = useApiQuery(personsApi.list, { query: { q, limit: 10 } }, { enabled: q.length >= 2 });
  const [conflict, setConflict] = useState(false);
  const client = useQueryClient();
  const settings = {
    invalidates: [personsApi.get, personsApi.getHousehold],
    onSuccess: () => onDone?.(),
    onError: (e: ApiError) => {
      setErrors(fieldErrors(e));
      // Someone saved meanwhile: their version is fetched and shown, what was typed here stays.
      if (e.status === 409) {
        setConflict(true);
        void client.invalidateQueries({ queryKey: [personsApi.getHousehold.path] });
      }
    },
  };
  const create = useApiMutation(personsApi.createHousehold, settings);
  const update = useApiMutation(personsApi.updateHousehold, settings);
  function save() {
    const body = {
      name,
      members: members.map(({ personId, relationship }) => ({ personId, relationship })),
    };
    setConflict(false);
    if (!household) {
      const checked = validateWith(zHouseholdInput, body);
      if (checked.errors) return setErrors(checked.errors);
      return create.mutate({ body: checked.data });
    }
    const checked = validateWith(zHouseholdUpdate, { ...body, version: household.version });
    if (checked.errors) return setErrors(checked.errors);
    update.mutate({ params: { id: household.id }, body: checked.data });
  }
  const candidates = (found.data?.items ?? []).filter((p) => !members.some((m) => m.personId === p.id));
  return (
    <Stack gap="xs" data-testid={household ? 'edit-household' : 'new-household'}>
      {!household && (
        <Text size="sm" c="dimmed">
          {t('persons.noHousehold')}
        </Text>
      )}
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
          {(household ? members.length > 1 : i > 0) && (
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              aria-label={t('persons.removeMember', { name: m.name })}
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
      {errors.members && (
        <Text size="sm" c="red" role="alert">
          {errors.members}
        </Text>
      )}
      {conflict && household ? (
        <Alert color="orange" data-testid="household-conflict">
          <Stack gap={4}>
            <Text size="sm">{t('persons.householdConflict')}</Text>
            <Text size="sm" fw={600}>
              <bdi>{household.name}</bdi>
            </Text>
            {household.members.map((m) => (
              <Text size="sm" key={m.person.id}>
                {m.person.familyName} {m.person.givenName} · {t(`enums.relationship.${m.relationship}`)}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : (
        <ErrorAlert error={create.error ?? update.error} />
      )}
      <Group>
        <Button variant="light" loading={create.isPending || update.isPending} onClick={save}>
          {household ? t(conflict ? 'cases.keepMine' : 'common.save') : t('persons.createHousehold')}
        </Button>
        {household && (
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
