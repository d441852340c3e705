import { AGE_BRACKETS, ORGANISATION_TYPES, SEXES } from '@komek/domain';
import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ParticipantRow {
  sex: (typeof SEXES)[number];
  age: (typeof AGE_BRACKETS)[number] | 'unknown';
  orgType: (typeof ORGANISATION_TYPES)[number] | 'government' | 'community';
  count: number | '';
}

export const PARTICIPANT_GROUPS = ['community', 'government', ...ORGANISATION_TYPES] as const;
export const blankParticipants = (): ParticipantRow[] => [
  { sex: 'female', age: '18-59', orgType: 'community', count: '' },
];

/** Who took part, by sex, age and the group they came from, as the donor's report counts them. */
export function ParticipantRows({
  rows,
  onChange,
  errors,
}: {
  rows: ParticipantRow[];
  onChange: (rows: ParticipantRow[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (i: number, change: Partial<ParticipantRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <Stack gap="xs" data-testid="participants">
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <Paper key={i} withBorder p="xs">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Select
              label={t('activities.sex')}
              data={SEXES.map((v) => ({ value: v, label: t(`enums.sex.${v}`) }))}
              value={row.sex}
              allowDeselect={false}
              onChange={(v) => v && set(i, { sex: v as ParticipantRow['sex'] })}
            />
            <Select
              label={t('activities.age')}
              data={[
                ...AGE_BRACKETS.map((v) => ({ value: v, label: v })),
                { value: 'unknown', label: t('activities.ageUnknown') },
              ]}
              value={row.age}
              allowDeselect={false}
              onChange={(v) => v && set(i, { age: v as ParticipantRow['age'] })}
            />
            <Select
              label={t('activities.group')}
              data={PARTICIPANT_GROUPS.map((v) => ({ value: v, label: t(`orgTypes.${v}`) }))}
              value={row.orgType}
              allowDeselect={false}
              onChange={(v) => v && set(i, { orgType: v as ParticipantRow['orgType'] })}
            />
            <NumberInput
              label={t('activities.count')}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              inputMode="numeric"
              value={row.count}
              error={errors[`participants.${i}.count`]}
              onChange={(v) => set(i, { count: typeof v === 'number' ? v : '' })}
            />
          </SimpleGrid>
          {rows.length > 1 && (
            <Group justify="flex-end" mt={4}>
              <Button
                size="compact-sm"
                variant="subtle"
                color="gray"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                {t('activities.removeRow')}
              </Button>
            </Group>
          )}
        </Paper>
      ))}
      <Group>
        <Button
          size="compact-sm"
          variant="light"
          data-testid="add-participants"
          onClick={() => onChange([...rows, { ...blankParticipants()[0]!, sex: 'male' }])}
        >
          {t('activities.addRow')}
        </Button>
      </Group>
    </Stack>
  );
}
