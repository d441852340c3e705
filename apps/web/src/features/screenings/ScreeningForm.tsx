import {
  casesApi,
  SCREENING_ANSWERS,
  SCREENING_INDICATORS,
  type Screening,
  type ScreeningIndicator,
  SUPPORT_NEEDS,
  scoreScreening,
  screeningsApi,
  TRAFFICKING_INDICATORS,
  VULNERABILITY_INDICATORS,
  zScreeningInput,
} from '@komek/domain';
import {
  Alert,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { Choices } from '../../components/Choices.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { RiskSummary } from './RiskSummary.tsx';

const unanswered = Object.fromEntries(SCREENING_INDICATORS.map((i) => [i, 'unknown'])) as Record<
  ScreeningIndicator,
  'unknown'
>;

/**
 * The screening form: each indicator answered yes, no or unknown, the risk scored as the answers
 * come in (by the rules the server applies), the support the person needs, and their words.
 */
export function ScreeningForm(props: {
  personId: string;
  caseId?: string;
  onDone: (saved?: Screening) => void;
}) {
  const { t } = useTranslation();
  const cases = useApiQuery(casesApi.list, { query: { personId: props.personId, limit: 50 } });
  const save = useApiMutation(screeningsApi.create, {
    invalidates: [screeningsApi.list, screeningsApi.ofCase, casesApi.get, casesApi.list],
    onSuccess: props.onDone,
  });
  const { form, onSubmit, showServerErrors } = useSchemaForm(zScreeningInput, {
    id: uuidv7(),
    personId: props.personId,
    caseId: props.caseId ?? null,
    screenedOn: new Date().toISOString().slice(0, 10),
    answers: unanswered,
    supportNeeds: [],
    notes: null,
  });
  const values = form.getValues();
  const risk = scoreScreening(values.answers);
  const send = onSubmit((body) => save.mutate({ body }, { onError: showServerErrors }));
  const question = (indicator: ScreeningIndicator) => (
    <Stack key={indicator} gap={4} data-testid={`indicator-${indicator}`}>
      <Text size="sm" fw={500} id={`q-${indicator}`}>
        {t(`screening.indicators.${indicator}`)}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`screening.hints.${indicator}`)}
      </Text>
      <Choices
        aria-labelledby={`q-${indicator}`}
        data={SCREENING_ANSWERS.map((a) => ({ value: a, label: t(`screening.answers.${a}`) }))}
        {...form.getInputProps(`answers.${indicator}`)}
      />
    </Stack>
  );
  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={send} data-testid="screening-form">
        <Stack gap="sm">
          <Title order={3}>{t('screening.title')}</Title>
          <Alert color="grape" variant="light">
            {t('screening.restrictedNotice')}
          </Alert>
          <ErrorAlert error={save.error} />
          <Group grow align="flex-start">
            <TextInput type="date" label={t('screening.on')} {...form.getInputProps('screenedOn')} />
            <Select
              label={t('screening.case')}
              placeholder={t('screening.newCase')}
              clearable
              data={(cases.data?.items ?? []).map((c) => ({ value: c.id, label: c.caseNumber }))}
              {...form.getInputProps('caseId')}
              data-testid="screening-case"
            />
          </Group>
          <Title order={4}>{t('screening.traffickingIndicators')}</Title>
          {TRAFFICKING_INDICATORS.map(question)}
          <Title order={4}>{t('screening.vulnerabilityIndicators')}</Title>
          {VULNERABILITY_INDICATORS.map(question)}
          <RiskSummary risk={risk} />
          <Checkbox.Group
            label={t('screening.supportNeeds')}
            {...form.getInputProps('supportNeeds')}
            data-testid="screening-needs"
          >
            <Group mt={4}>
              {SUPPORT_NEEDS.map((n) => (
                <Checkbox key={n} value={n} label={t(`enums.supportNeed.${n}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea
            label={t('screening.notes')}
            autosize
            minRows={3}
            {...form.getInputProps('notes')}
            value={values.notes ?? ''}
            onChange={(e) => form.setFieldValue('notes', e.currentTarget.value || null)}
          />
          <FormActions
            busy={save.isPending}
            onCancel={() => props.onDone()}
            submitLabel={t('screening.save')}
            testId="screening-save"
          />
        </Stack>
      </form>
    </Paper>
  );
}
