import {
  borderProjectsApi,
  CURRENCIES,
  IMPLEMENTER_KINDS,
  PROJECT_SECTORS,
  PROJECT_STATUSES,
  type Project,
  zProjectInput,
  zProjectUpdate,
} from '@komek/domain';
import {
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
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
import { segmentOptions } from '../incidents/segment-name.ts';

const VIEWS = [borderProjectsApi.list, borderProjectsApi.get];

/** Registers a measure in a border community, or corrects one: who, what, where, when, for how much. */
export function ProjectForm({ project, onDone }: { project?: Project; onDone: (saved?: Project) => void }) {
  const { t, i18n } = useTranslation();
  const districts = useDistricts();
  const create = useApiMutation(borderProjectsApi.create, { invalidates: VIEWS, onSuccess: onDone });
  const update = useApiMutation(borderProjectsApi.update, { invalidates: VIEWS, onSuccess: onDone });
  const schema: z.ZodType = project ? zProjectUpdate : zProjectInput;
  const {
    form,
    onSubmit,
    showServerErrors,
    numberInput: number,
  } = useSchemaForm(schema, {
    ...(project ? { version: project.version } : { id: uuidv7() }),
    title: project?.title ?? '',
    implementer: project?.implementer ?? '',
    implementerKind: project?.implementerKind ?? '',
    sector: project?.sector ?? '',
    description: project?.description ?? '',
    districtId: project?.districtId ?? '',
    community: project?.community ?? '',
    segment: project?.segment ?? null,
    latitude: project?.latitude ?? null,
    longitude: project?.longitude ?? null,
    startsOn: project?.startsOn ?? new Date().toISOString().slice(0, 10),
    endsOn: project?.endsOn ?? null,
    budget: project?.budget ?? null,
    currency: project?.currency ?? null,
    status: project?.status ?? 'ongoing',
  });
  const send = onSubmit((data) => {
    const settings = { onError: showServerErrors };
    if (project)
      update.mutate({ params: { id: project.id }, body: data as z.output<typeof zProjectUpdate> }, settings);
    else create.mutate({ body: data as z.output<typeof zProjectInput> }, settings);
  });
  const day = (path: string) => {
    const p = form.getInputProps(path);
    return {
      ...p,
      value: (p.value as string | null) ?? '',
      onChange: (e: { currentTarget: { value: string } }) => p.onChange(e.currentTarget.value || null),
    };
  };
  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={send} data-testid="project-form">
        <Stack gap="xs">
          <Title order={3}>{project ? t('projects.correct') : t('projects.add')}</Title>
          <ErrorAlert error={create.error ?? update.error} />
          <TextInput label={t('projects.titleField')} {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput label={t('projects.implementer')} {...form.getInputProps('implementer')} />
            <Select
              label={t('projects.implementerKind')}
              data={enumOptions(t, 'implementerKind', IMPLEMENTER_KINDS)}
              {...form.getInputProps('implementerKind')}
            />
            <Select
              label={t('projects.sector')}
              data={enumOptions(t, 'projectSector', PROJECT_SECTORS)}
              {...form.getInputProps('sector')}
            />
            <Select
              label={t('incidents.district')}
              data={districts.options}
              searchable
              {...form.getInputProps('districtId')}
            />
            <TextInput label={t('incidents.community')} {...form.getInputProps('community')} />
            <Select
              label={t('incidents.segment')}
              data={segmentOptions(i18n.language)}
              searchable
              clearable
              {...form.getInputProps('segment')}
            />
            <NumberInput label={t('incidents.latitude')} decimalScale={5} {...number('latitude')} />
            <NumberInput label={t('incidents.longitude')} decimalScale={5} {...number('longitude')} />
            <Select
              label={t('projects.status')}
              data={enumOptions(t, 'projectStatus', PROJECT_STATUSES)}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <TextInput type="date" label={t('projects.startsOn')} {...form.getInputProps('startsOn')} />
            <TextInput type="date" label={t('projects.endsOn')} {...day('endsOn')} />
            <Group grow align="flex-start">
              <NumberInput label={t('projects.budget')} min={0} thousandSeparator=" " {...number('budget')} />
              <Select
                label={t('projects.currency')}
                data={[...CURRENCIES]}
                clearable
                w={110}
                {...form.getInputProps('currency')}
              />
            </Group>
          </SimpleGrid>
          <Textarea
            label={t('projects.description')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <FormActions
            busy={create.isPending || update.isPending}
            onCancel={() => onDone()}
            testId="project-save"
          />
        </Stack>
      </form>
    </Paper>
  );
}
