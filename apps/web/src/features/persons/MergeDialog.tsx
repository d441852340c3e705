import { MERGEABLE_FIELDS, type Person, personsApi } from '@komek/domain';
import { Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

type Field = (typeof MERGEABLE_FIELDS)[number];
const show = (p: Person, f: Field) => {
  const v = p[f as keyof Person];
  return v === null || v === undefined || v === '' ? '—' : String(v);
};

/**
 * A supervisor merges a likely duplicate into this record, choosing field by field which value
 * stays. Cases, documents and consent of the other record move over; its names stay findable.
 */
export function MergeDialog({ target, onDone }: { target: Person; onDone: () => void }) {
  const { t } = useTranslation();
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [take, setTake] = useState<Partial<Record<Field, 'target' | 'source'>>>({});
  const candidates = useApiQuery(personsApi.duplicates, {
    body: {
      givenName: target.givenName,
      familyName: target.familyName,
      birthDate: target.birthDate ?? undefined,
    },
  });
  const source = useApiQuery(personsApi.get, { params: { id: sourceId ?? '' } }, { enabled: !!sourceId });
  const merge = useApiMutation(personsApi.merge, {
    invalidates: [personsApi.get, personsApi.list, personsApi.duplicates],
    onSuccess: onDone,
  });
  const error = candidates.error ?? source.error ?? merge.error;
  const others = candidates.data?.items.filter((c) => c.person.id !== target.id) ?? [];
  if (!sourceId || !source.data) {
    return (
      <Stack>
        <ErrorAlert error={error} />
        {others.length === 0 && <Text c="dimmed">{t('persons.noDuplicates')}</Text>}
        {others.map((c) => (
          <Group key={c.person.id} justify="space-between">
            <Text>
              {c.person.familyName} {c.person.givenName} · <bdi>{c.person.birthDate ?? '—'}</bdi> ·{' '}
              {Math.round(c.score * 100)}%
            </Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => setSourceId(c.person.id)}
              data-testid="merge-pick"
            >
              {t('persons.compare')}
            </Button>
          </Group>
        ))}
      </Stack>
    );
  }
  const other = source.data;
  return (
    <Stack>
      <ErrorAlert error={error} />
      <Table>
        <Table.Tbody>
          {MERGEABLE_FIELDS.map((f) => (
            <Table.Tr key={f}>
              <Table.Td>{f}</Table.Td>
              <Table.Td>
                <Radio
                  checked={(take[f] ?? 'target') === 'target'}
                  label={show(target, f)}
                  onChange={() => setTake({ ...take, [f]: 'target' })}
                />
              </Table.Td>
              <Table.Td>
                <Radio
                  checked={take[f] === 'source'}
                  label={show(other, f)}
                  onChange={() => setTake({ ...take, [f]: 'source' })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setSourceId(null)}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          data-testid="merge-confirm"
          loading={merge.isPending}
          onClick={() =>
            merge.mutate({
              params: { id: target.id },
              body: { sourceId: other.id, version: target.version, sourceVersion: other.version, take },
            })
          }
        >
          {t('persons.merge')}
        </Button>
      </Group>
    </Stack>
  );
}
