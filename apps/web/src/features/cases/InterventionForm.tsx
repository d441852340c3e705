import {
  CHANNELS,
  CONSULTATION_LANGUAGES,
  casesApi,
  INTERVENTION_TYPES,
  zInterventionInput,
} from '@komek/domain';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { LengthHint } from '../../components/LengthHint.tsx';
import { languageOptions } from '../../components/language-options.ts';
import { keepInActivity, localIntervention } from '../../offline/local-records.ts';

export function InterventionForm({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState({
    type: 'consultation',
    date: new Date().toISOString().slice(0, 10),
    durationMinutes: 30 as number | string,
    channel: 'in_person',
    // The interface language is the likeliest; Russian where the interface is English.
    language:
      (CONSULTATION_LANGUAGES as readonly string[]).includes(i18n.language) && i18n.language !== 'en'
        ? i18n.language
        : 'ru',
    summary: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const log = useApiMutation(casesApi.logIntervention, {
    invalidates: [casesApi.activity],
    onSuccess: () => {
      setErrors({});
      set({ summary: '' });
    },
    onError: (e) => setErrors(fieldErrors(e)),
    offline: {
      kind: 'consultation',
      title: ({ body }) => `${t(`enums.interventionType.${body.type}`)} ${body.date}`,
      local: async ({ params, body }, user) => {
        const logged = localIntervention(body, body.id as string, params.id, user);
        await keepInActivity(params.id, { interventions: [logged] });
        return logged;
      },
    },
  });
  return (
    <Stack>
      <ErrorAlert error={log.error} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Select
          label={t('cases.type')}
          data={enumOptions(t, 'interventionType', INTERVENTION_TYPES)}
          value={values.type}
          allowDeselect={false}
          onChange={(v) => v && set({ type: v })}
        />
        <TextInput
          label={t('cases.date')}
          type="date"
          value={values.date}
          error={errors.date}
          onChange={(e) => set({ date: e.currentTarget.value })}
        />
        <NumberInput
          label={t('cases.duration')}
          min={1}
          inputMode="numeric"
          value={values.durationMinutes}
          error={errors.durationMinutes}
          onChange={(v) => set({ durationMinutes: v })}
        />
        <Select
          label={t('cases.channel')}
          data={enumOptions(t, 'channel', CHANNELS)}
          value={values.channel}
          allowDeselect={false}
          onChange={(v) => v && set({ channel: v })}
        />
        <Select
          label={t('cases.language')}
          data={languageOptions(i18n.language)}
          value={values.language}
          error={errors.language}
          allowDeselect={false}
          data-testid="intervention-language"
          onChange={(v) => v && set({ language: v })}
        />
      </SimpleGrid>
      <Textarea
        label={t('cases.summary')}
        value={values.summary}
        onChange={(e) => set({ summary: e.currentTarget.value })}
        autosize
        minRows={2}
        data-testid="intervention-summary"
      />
      <LengthHint value={values.summary} max={zInterventionInput.shape.summary.unwrap().unwrap().maxLength} />
      <Group>
        <Button
          data-testid="log-intervention"
          loading={log.isPending}
          onClick={() => {
            const checked = validateWith(zInterventionInput, {
              ...values,
              durationMinutes: Number(values.durationMinutes),
              summary: values.summary || null,
            });
            if (checked.errors) return setErrors(checked.errors);
            log.mutate({ params: { id: caseId }, body: { ...checked.data, id: uuidv7() } });
          }}
        >
          {t('cases.logIntervention')}
        </Button>
      </Group>
    </Stack>
  );
}
