import {
  type EligibilityCriterion,
  eligibilityApi,
  LOCALES,
  type Locale,
  zEligibilityCriterionInput,
} from '@komek/domain';
import { Button, Group, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';
import { localisedName } from '../procedures/localised.ts';

type Wording = Partial<Record<Locale, string>>;

/** Only the languages written in: an empty field is no wording, not an empty one. */
const written = (wording: Wording) =>
  Object.fromEntries(Object.entries(wording).filter(([, text]) => text?.trim())) as Record<string, string>;

/** One text field per interface language; the interface's own language first. */
function WordingFields({
  wording,
  onChange,
  error,
  idPrefix,
}: {
  wording: Wording;
  onChange: (next: Wording) => void;
  error?: string;
  idPrefix: string;
}) {
  const { i18n } = useTranslation();
  const order = [...LOCALES].sort((a, b) => Number(b === i18n.language) - Number(a === i18n.language));
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {order.map((locale) => (
          <TextInput
            key={locale}
            id={`${idPrefix}-${locale}`}
            label={LANGUAGE_NAMES[locale]}
            lang={locale}
            dir={locale === 'fa-AF' ? 'rtl' : 'ltr'}
            value={wording[locale] ?? ''}
            onChange={(e) => onChange({ ...wording, [locale]: e.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function CriterionRow({ criterion: c }: { criterion: EligibilityCriterion }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Wording | null>(null);
  const [error, setError] = useState<string>();
  const invalidates = [eligibilityApi.list];
  const update = useApiMutation(eligibilityApi.update, {
    invalidates,
    onSuccess: () => setEditing(null),
    onError: (e) => setError(fieldErrors(e).label),
  });
  const missing = LOCALES.filter((l) => !c.label[l]);
  return (
    <Table.Tr data-testid={`criterion-${c.code}`}>
      <Table.Td>
        <bdi>{c.code}</bdi>
      </Table.Td>
      <Table.Td>
        {editing ? (
          <Stack gap="xs">
            <WordingFields
              wording={editing}
              onChange={setEditing}
              error={error}
              idPrefix={`criterion-${c.id}`}
            />
            <ErrorAlert error={update.error} />
            <Group gap="xs">
              <Button
                size="xs"
                loading={update.isPending}
                onClick={() => {
                  const checked = validateWith(zEligibilityCriterionInput.shape.label, written(editing));
                  if (checked.errors) return setError(Object.values(checked.errors)[0]);
                  update.mutate({ params: { id: c.id }, body: { version: c.version, label: checked.data } });
                }}
              >
                {t('common.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap={2}>
            <Text size="sm">{localisedName(c.label as Record<string, string>, i18n.language)}</Text>
            {missing.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('cases.criterionMissing', { languages: missing.map((l) => LANGUAGE_NAMES[l]).join(', ') })}
              </Text>
            )}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {!editing && (
            <Button
              size="xs"
              variant="light"
              aria-label={t('cases.editCriterion', { code: c.code })}
              onClick={() => {
                setError(undefined);
                setEditing({ ...c.label });
              }}
            >
              {t('common.edit')}
            </Button>
          )}
          <Switch
            label={t('cases.active')}
            checked={c.active}
            onChange={(e) =>
              update.mutate({
                params: { id: c.id },
                body: { version: c.version, active: e.currentTarget.checked },
              })
            }
          />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The administrator's list of intake criteria, each worded in as many of the seven languages as they write. */
export function EligibilityCriteria() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [wording, setWording] = useState<Wording>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const list = useApiQuery(eligibilityApi.list, {});
  const create = useApiMutation(eligibilityApi.create, {
    invalidates: [eligibilityApi.list],
    onSuccess: () => {
      setCode('');
      setWording({});
      setErrors({});
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  return (
    <Stack gap="xs">
      <Title order={5}>{t('cases.criteria')}</Title>
      <ErrorAlert error={list.error ?? create.error} />
      <Table>
        <Table.Tbody>
          {list.data?.items.map((c) => (
            <CriterionRow key={c.id} criterion={c} />
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="xs" data-testid="new-criterion">
        <TextInput
          label={t('cases.criterionCode')}
          description={t('cases.criterionCodeHint')}
          value={code}
          error={errors.code}
          onChange={(e) => setCode(e.currentTarget.value)}
          w={320}
        />
        <Text size="sm" fw={500}>
          {t('cases.criterionLabel')}
        </Text>
        <WordingFields
          wording={wording}
          onChange={setWording}
          error={errors.label}
          idPrefix="new-criterion"
        />
        <Group>
          <Button
            variant="light"
            loading={create.isPending}
            onClick={() => {
              const checked = validateWith(zEligibilityCriterionInput, { code, label: written(wording) });
              if (checked.errors) return setErrors(checked.errors);
              create.mutate({ body: checked.data });
            }}
          >
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
