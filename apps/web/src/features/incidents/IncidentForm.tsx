import {
  INCIDENT_TYPES,
  type Incident,
  incidentsApi,
  SOURCE_KINDS,
  SOURCE_RELIABILITY,
  TIME_PRECISIONS,
  zIncidentInput,
  zIncidentUpdate,
} from '@komek/domain';
import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useDistricts } from '../../components/useDistricts.ts';
import { segmentOptions } from './segment-name.ts';

const AFFECTED = ['women', 'men', 'girls', 'boys', 'injured', 'killed', 'detained', 'displaced'] as const;
const VIEWS = [incidentsApi.list, incidentsApi.get, incidentsApi.trend];

/** The browser's local time of an instant, as a datetime-local field shows it. */
function localInput(iso: string) {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Logs an incident, or corrects one: what, where, when, who was affected, and who says so. */
export function IncidentForm({
  incident,
  onDone,
}: {
  incident?: Incident;
  onDone: (saved?: Incident) => void;
}) {
  const { t, i18n } = useTranslation();
  const districts = useDistricts();
  const create = useApiMutation(incidentsApi.create, { invalidates: VIEWS, onSuccess: onDone });
  const update = useApiMutation(incidentsApi.update, { invalidates: VIEWS, onSuccess: onDone });
  // One form for both: a correction carries the version it was made from.
  const schema: z.ZodType = incident ? zIncidentUpdate : zIncidentInput;
  const {
    form,
    onSubmit,
    showServerErrors,
    numberInput: number,
  } = useSchemaForm(schema, {
    ...(incident ? { version: incident.version } : { id: uuidv7() }),
    occurredAt: incident?.occurredAt ?? new Date().toISOString(),
    precision: incident?.precision ?? 'hour',
    segment: incident?.segment ?? '',
    type: incident?.type ?? '',
    districtId: incident?.districtId ?? null,
    community: incident?.community ?? '',
    latitude: incident?.latitude ?? null,
    longitude: incident?.longitude ?? null,
    parties: incident?.parties ?? [],
    affected: incident?.affected ?? Object.fromEntries(AFFECTED.map((k) => [k, 0])),
    sources: incident?.sources ?? [{ kind: 'own_monitor', reliability: 'confirmed', note: '' }],
    description: incident?.description ?? '',
  });
  const values = form.getValues() as { occurredAt: string; sources: Array<{ note?: string | null }> };
  const send = onSubmit((data) => {
    const settings = { onError: showServerErrors };
    if (incident)
      update.mutate(
        { params: { id: incident.id }, body: data as z.output<typeof zIncidentUpdate> },
        settings,
      );
    else create.mutate({ body: data as z.output<typeof zIncidentInput> }, settings);
  });
  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={send} data-testid="incident-form">
        <Stack gap="xs">
          <Title order={3}>{incident ? t('incidents.correct') : t('incidents.log')}</Title>
          <ErrorAlert error={create.error ?? update.error} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput
              type="datetime-local"
              label={t('incidents.when')}
              value={localInput(values.occurredAt)}
              error={form.errors.occurredAt}
              onChange={(e) =>
                e.currentTarget.value &&
                form.setFieldValue('occurredAt', new Date(e.currentTarget.value).toISOString())
              }
            />
            <Select
              label={t('incidents.precision')}
              data={enumOptions(t, 'timePrecision', TIME_PRECISIONS)}
              allowDeselect={false}
              {...form.getInputProps('precision')}
            />
            <Select
              label={t('incidents.segment')}
              data={segmentOptions(i18n.language)}
              searchable
              {...form.getInputProps('segment')}
            />
            <Select
              label={t('incidents.type')}
              data={enumOptions(t, 'incidentType', INCIDENT_TYPES)}
              {...form.getInputProps('type')}
            />
            <Select
              label={t('incidents.district')}
              data={districts.options}
              searchable
              clearable
              {...form.getInputProps('districtId')}
            />
            <TextInput label={t('incidents.community')} {...form.getInputProps('community')} />
            <NumberInput label={t('incidents.latitude')} decimalScale={5} {...number('latitude')} />
            <NumberInput label={t('incidents.longitude')} decimalScale={5} {...number('longitude')} />
          </SimpleGrid>
          <TagsInput
            label={t('incidents.parties')}
            description={t('incidents.partiesHint')}
            {...form.getInputProps('parties')}
          />
          <Text fw={500} size="sm">
            {t('incidents.affected')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {AFFECTED.map((k) => (
              <NumberInput
                key={k}
                label={t(`incidents.affectedCounts.${k}`)}
                min={0}
                {...number(`affected.${k}`)}
              />
            ))}
          </SimpleGrid>
          <Text fw={500} size="sm">
            {t('incidents.sources')}
          </Text>
          {values.sources.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sources have no id of their own
            <Group key={i} align="flex-end" wrap="wrap" data-testid="incident-source">
              <Select
                label={t('incidents.sourceKind')}
                data={enumOptions(t, 'sourceKind', SOURCE_KINDS)}
                allowDeselect={false}
                w={200}
                {...form.getInputProps(`sources.${i}.kind`)}
              />
              <Select
                label={t('incidents.reliability')}
                data={enumOptions(t, 'sourceReliability', SOURCE_RELIABILITY)}
                allowDeselect={false}
                w={170}
                {...form.getInputProps(`sources.${i}.reliability`)}
              />
              <TextInput
                label={t('incidents.sourceNote')}
                style={{ flex: 1, minWidth: 180 }}
                {...form.getInputProps(`sources.${i}.note`)}
                value={(values.sources[i]?.note as string | null) ?? ''}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('incidents.removeSource')}
                onClick={() => form.removeListItem('sources', i)}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          {form.errors.sources && (
            <Text c="red" size="sm">
              {form.errors.sources}
            </Text>
          )}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() =>
                form.insertListItem('sources', { kind: 'community', reliability: 'unknown', note: '' })
              }
            >
              {t('incidents.addSource')}
            </Button>
          </Group>
          <Textarea
            label={t('incidents.description')}
            autosize
            minRows={3}
            {...form.getInputProps('description')}
          />
          <FormActions
            busy={create.isPending || update.isPending}
            onCancel={() => onDone()}
            testId="incident-save"
          />
        </Stack>
      </form>
    </Paper>
  );
}
