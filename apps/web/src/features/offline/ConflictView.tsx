import { Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { discardChange, type OutboxChange, reviseChange } from '../../offline/outbox.ts';

type Fields = Record<string, unknown>;
const shown = (v: unknown) =>
  v === null || v === undefined || v === ''
    ? '—'
    : Array.isArray(v)
      ? v.join(', ')
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A change written offline met a newer version on the server. Both are shown field by field and
 * the user decides each; nothing is overwritten or dropped until they do.
 */
export function ConflictView({ id, change }: { id: string; change: OutboxChange }) {
  const { t } = useTranslation();
  const body = change.body as { version: number; person: Fields };
  const theirs = (change.problem?.theirs ?? {}) as Fields & { version?: number };
  const base = (change.base ?? {}) as Fields;
  const fields = Object.keys(body.person).filter((k) => k in theirs && !same(body.person[k], theirs[k]));
  const [pick, setPick] = useState<Record<string, 'mine' | 'theirs'>>(() =>
    Object.fromEntries(fields.map((k) => [k, same(base[k], body.person[k]) ? 'theirs' : 'mine'])),
  );

  async function sendChosen() {
    const person = { ...body.person };
    for (const k of fields) if (pick[k] === 'theirs') person[k] = theirs[k];
    await reviseChange(id, (c) => ({ ...c, body: { version: theirs.version, person }, base: theirs }));
  }

  return (
    <Stack gap="xs" data-testid="conflict">
      <Text size="sm">{t('offline.conflictExplain')}</Text>
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('offline.field')}</Table.Th>
              <Table.Th>{t('offline.mine')}</Table.Th>
              <Table.Th>{t('offline.theirs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((k) => (
              <Table.Tr key={k} data-testid={`conflict-${k}`}>
                <Table.Td>{t(`persons.${k}`, { defaultValue: k })}</Table.Td>
                <Table.Td>
                  <Radio
                    checked={pick[k] === 'mine'}
                    onChange={() => setPick({ ...pick, [k]: 'mine' })}
                    label={shown(body.person[k])}
                    aria-label={`${t('offline.mine')}: ${shown(body.person[k])}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Radio
                    checked={pick[k] === 'theirs'}
                    onChange={() => setPick({ ...pick, [k]: 'theirs' })}
                    label={shown(theirs[k])}
                    aria-label={`${t('offline.theirs')}: ${shown(theirs[k])}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="xs">
        <Button size="sm" onClick={() => void sendChosen()} data-testid="conflict-send">
          {t('offline.sendChosen')}
        </Button>
        <Button
          size="sm"
          variant="default"
          onClick={() => void discardChange(id)}
          data-testid="conflict-keep-theirs"
        >
          {t('offline.keepTheirs')}
        </Button>
      </Group>
    </Stack>
  );
}
