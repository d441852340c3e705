import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OutboxChange, reviseChange } from '../../offline/outbox.ts';

type Fields = Record<string, unknown>;

/** The part of a change that holds the record's fields (a person edit nests them). */
const recordOf = (body: unknown): { fields: Fields; nested: boolean } => {
  const b = (body ?? {}) as Fields;
  return b.person && typeof b.person === 'object'
    ? { fields: b.person as Fields, nested: true }
    : { fields: b, nested: false };
};

/**
 * A change the server refused, opened for correction: its text fields, each with the server's
 * reason beside it in the user's language. Saving puts it back in line.
 */
export function ChangeEditor({
  id,
  change,
  onDone,
}: {
  id: string;
  change: OutboxChange;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { fields, nested } = recordOf(change.body);
  const editable = Object.keys(fields).filter((k) => typeof fields[k] === 'string' || fields[k] === null);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(editable.map((k) => [k, (fields[k] as string | null) ?? ''])),
  );
  const reason = (k: string) =>
    change.problem?.issues.find((i) => i.path === k || i.path === `person.${k}`)?.message;

  async function save() {
    const next: Fields = { ...fields };
    for (const k of editable) next[k] = values[k] === '' && fields[k] === null ? null : values[k];
    const body = nested ? { ...(change.body as Fields), person: next } : next;
    await reviseChange(id, (c) => ({ ...c, body }));
    onDone();
  }

  return (
    <Stack gap="xs" data-testid="change-editor">
      {editable.map((k) => (
        <TextInput
          key={k}
          label={t(`persons.${k}`, { defaultValue: k })}
          value={values[k]}
          error={reason(k)}
          onChange={(e) => setValues({ ...values, [k]: e.currentTarget.value })}
        />
      ))}
      <Group gap="xs">
        <Button size="sm" onClick={() => void save()} data-testid="change-save">
          {t('offline.saveAndSend')}
        </Button>
        <Button size="sm" variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
