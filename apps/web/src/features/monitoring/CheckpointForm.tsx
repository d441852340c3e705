import {
  CHECKPOINT_COUNTRIES,
  CHECKPOINT_KINDS,
  type Checkpoint,
  monitoringApi,
  zCheckpointInput,
  zCheckpointUpdate,
} from '@komek/domain';
import { NumberInput, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useDistricts } from '../../components/useDistricts.ts';
import { countryOptions } from '../help/CountrySelect.tsx';
import { segmentOptions } from '../incidents/segment-name.ts';

const VIEWS = [monitoringApi.checkpoints, monitoringApi.checkpoint];

/** Adds a checkpoint to the register, or corrects one: its name, country, border, kind and place. */
export function CheckpointForm({
  checkpoint,
  onDone,
}: {
  checkpoint?: Checkpoint;
  onDone: (saved?: Checkpoint) => void;
}) {
  const { t, i18n } = useTranslation();
  const districts = useDistricts();
  const create = useApiMutation(monitoringApi.addCheckpoint, { invalidates: VIEWS, onSuccess: onDone });
  const update = useApiMutation(monitoringApi.updateCheckpoint, { invalidates: VIEWS, onSuccess: onDone });
  const schema: z.ZodType = checkpoint ? zCheckpointUpdate : zCheckpointInput;
  const {
    form,
    onSubmit,
    showServerErrors,
    numberInput: number,
  } = useSchemaForm(schema, {
    ...(checkpoint ? { version: checkpoint.version } : { id: uuidv7() }),
    name: checkpoint?.name ?? '',
    countryCode: checkpoint?.countryCode ?? '',
    segment: checkpoint?.segment ?? null,
    kind: checkpoint?.kind ?? 'road',
    districtId: checkpoint?.districtId ?? null,
    latitude: checkpoint?.latitude ?? null,
    longitude: checkpoint?.longitude ?? null,
  });
  const send = onSubmit((data) => {
    const settings = { onError: showServerErrors };
    if (checkpoint)
      update.mutate(
        { params: { id: checkpoint.id }, body: data as z.output<typeof zCheckpointUpdate> },
        settings,
      );
    else create.mutate({ body: data as z.output<typeof zCheckpointInput> }, settings);
  });
  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={send} data-testid="checkpoint-form">
        <Stack gap="xs">
          <Title order={3}>
            {checkpoint ? t('monitoring.correctCheckpoint') : t('monitoring.addCheckpoint')}
          </Title>
          <ErrorAlert error={create.error ?? update.error} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput label={t('monitoring.name')} {...form.getInputProps('name')} />
            <Select
              label={t('monitoring.country')}
              data={countryOptions(i18n.language, CHECKPOINT_COUNTRIES)}
              {...form.getInputProps('countryCode')}
            />
            <Select
              label={t('incidents.segment')}
              description={t('monitoring.segmentHint')}
              data={segmentOptions(i18n.language)}
              searchable
              clearable
              {...form.getInputProps('segment')}
            />
            <Select
              label={t('monitoring.kind')}
              data={enumOptions(t, 'checkpointKind', CHECKPOINT_KINDS)}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('incidents.district')}
              data={districts.options}
              searchable
              clearable
              {...form.getInputProps('districtId')}
            />
            <NumberInput label={t('incidents.latitude')} decimalScale={5} {...number('latitude')} />
            <NumberInput label={t('incidents.longitude')} decimalScale={5} {...number('longitude')} />
          </SimpleGrid>
          <FormActions
            busy={create.isPending || update.isPending}
            onCancel={() => onDone()}
            testId="checkpoint-save"
          />
        </Stack>
      </form>
    </Paper>
  );
}
