import {
  AGE_BRACKETS,
  borderProjectsApi,
  FEEDBACK_SENTIMENTS,
  PROJECT_SECTORS,
  type Project,
  SEXES,
  zFeedbackInput,
} from '@komek/domain';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { Choices } from '../../components/Choices.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';

const fresh = (project: Project): z.input<typeof zFeedbackInput> => ({
  id: uuidv7(),
  receivedOn: new Date().toISOString().slice(0, 10),
  sentiment: 'mixed',
  topic: project.sector,
  verbatim: '',
  sex: 'unknown',
  age: 'unknown',
});

/** A resident's word on the measure, as they said it; who they are only by sex and age. */
export function FeedbackForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { form, onSubmit, showServerErrors } = useSchemaForm(zFeedbackInput, fresh(project));
  const add = useApiMutation(borderProjectsApi.addFeedback, {
    invalidates: [borderProjectsApi.get, borderProjectsApi.list],
    onSuccess: () => form.setValues(fresh(project)),
  });
  const send = onSubmit((body) =>
    add.mutate({ params: { id: project.id }, body }, { onError: showServerErrors }),
  );
  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={send} data-testid="feedback-form">
        <Stack gap="xs">
          <Title order={4}>{t('projects.addFeedback')}</Title>
          <ErrorAlert error={add.error} />
          <Choices
            aria-label={t('projects.sentiment')}
            data={enumOptions(t, 'feedbackSentiment', FEEDBACK_SENTIMENTS)}
            {...form.getInputProps('sentiment')}
          />
          <Textarea
            label={t('projects.verbatim')}
            autosize
            minRows={2}
            {...form.getInputProps('verbatim')}
            data-testid="feedback-verbatim"
          />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Select
              label={t('projects.topic')}
              data={enumOptions(t, 'projectSector', PROJECT_SECTORS)}
              allowDeselect={false}
              {...form.getInputProps('topic')}
            />
            <Select
              label={t('persons.sex')}
              data={enumOptions(t, 'sex', SEXES)}
              allowDeselect={false}
              {...form.getInputProps('sex')}
            />
            <Select
              label={t('projects.age')}
              data={[...AGE_BRACKETS, 'unknown'].map((a) => ({
                value: a,
                label: a === 'unknown' ? t('projects.ageUnknown') : a,
              }))}
              allowDeselect={false}
              {...form.getInputProps('age')}
            />
            <TextInput type="date" label={t('projects.receivedOn')} {...form.getInputProps('receivedOn')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending} data-testid="feedback-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
