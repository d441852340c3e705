import {
  intakeApi,
  LEGAL_PROBLEMS,
  type LegalProblem,
  LOCALES,
  type Locale,
  zIntakeAnswerInput,
} from '@komek/domain';
import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';
import { localisedName } from '../procedures/localised.ts';

/** The organisation's words for the hotline, topic by topic, in each language it writes. */
export function HotlineAnswers() {
  const { t, i18n } = useTranslation();
  const answers = useApiQuery(intakeApi.answers, {});
  const [problem, setProblem] = useState<LegalProblem>(LEGAL_PROBLEMS[0]);
  const current = answers.data?.items.find((a) => a.problem === problem);
  return (
    <Stack gap="xs" data-testid="hotline-answers">
      <Title order={3}>{t('intake.answersTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('intake.answersIntro')}
      </Text>
      <ErrorAlert error={answers.error} />
      <Group gap={4}>
        {answers.data?.items.map((a) => (
          <Badge key={a.problem} variant="light">
            {t(`enums.problem.${a.problem}`)}
          </Badge>
        ))}
      </Group>
      <Select
        label={t('intake.topic')}
        data={enumOptions(t, 'problem', LEGAL_PROBLEMS)}
        value={problem}
        allowDeselect={false}
        onChange={(v) => v && setProblem(v as LegalProblem)}
        w={360}
      />
      {/* A new editor per topic and version: what another saved comes in fresh. */}
      <AnswerEditor
        key={`${problem}-${current?.version ?? 0}`}
        problem={problem}
        version={current?.version}
        texts={current?.texts ?? {}}
        order={[...LOCALES].sort((a, b) => Number(b === i18n.language) - Number(a === i18n.language))}
      />
    </Stack>
  );
}

function AnswerEditor(props: {
  problem: LegalProblem;
  version: number | undefined;
  texts: Partial<Record<Locale, string>>;
  order: Locale[];
}) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState(props.texts);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useApiMutation(intakeApi.saveAnswer, {
    invalidates: [intakeApi.answers],
    onError: (e) => setErrors(fieldErrors(e)),
  });
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {props.order.map((locale) => (
          <Textarea
            key={locale}
            label={LANGUAGE_NAMES[locale]}
            lang={locale}
            dir={locale === 'fa-AF' ? 'rtl' : 'ltr'}
            autosize
            minRows={3}
            value={texts[locale] ?? ''}
            onChange={(e) => setTexts({ ...texts, [locale]: e.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
      {errors.texts && (
        <Text size="sm" c="red" role="alert">
          {errors.texts}
        </Text>
      )}
      <ErrorAlert error={save.error} />
      <Group>
        <Button
          variant="light"
          loading={save.isPending}
          onClick={() => {
            const written = Object.fromEntries(Object.entries(texts).filter(([, v]) => v?.trim()));
            const checked = validateWith(zIntakeAnswerInput, { version: props.version, texts: written });
            if (checked.errors) return setErrors(checked.errors);
            setErrors({});
            save.mutate({ params: { problem: props.problem }, body: checked.data });
          }}
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** On the desk: what the organisation says about the topics picked, in the reader's language. */
export function WhatToSay({ problems }: { problems: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const answers = useApiQuery(intakeApi.answers, {});
  if (problems.length === 0) return null;
  return (
    <Stack gap={4} data-testid="what-to-say">
      <Text size="sm" fw={600}>
        {t('intake.whatToSay')}
      </Text>
      {problems.map((p) => {
        const texts = (answers.data?.items.find((a) => a.problem === p)?.texts ?? {}) as Record<
          string,
          string
        >;
        const said = localisedName(texts, i18n.language);
        return (
          <Stack gap={0} key={p}>
            <Text size="xs" c="dimmed">
              {t(`enums.problem.${p}`)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {said || t('intake.noAnswer')}
            </Text>
          </Stack>
        );
      })}
    </Stack>
  );
}
