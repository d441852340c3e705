import {
  AGE_BRACKETS,
  CASE_PRIORITIES,
  INTAKE_CHANNELS,
  type IntakeInput,
  type IntakeItem,
  intakeApi,
  intakeUrgency,
  LEGAL_PROBLEMS,
  type LegalProblem,
  SEXES,
  zIntakeInput,
} from '@komek/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Chip,
  Group,
  Kbd,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { LengthHint } from '../../components/LengthHint.tsx';
import { languageOptions } from '../../components/language-options.ts';
import { IntakeLink } from '../../components/RecordLinks.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useDistricts } from '../../components/useDistricts.ts';
import { WhatToSay } from './HotlineAnswers.tsx';

const empty: IntakeInput = {
  channel: 'hotline',
  language: null,
  districtId: null,
  problems: [],
  priority: 'normal',
  inDetention: false,
  anonymous: false,
  contactName: null,
  contactPhone: null,
  contactHow: null,
  sex: null,
  ageBracket: null,
  summary: '',
};

/** Minutes and seconds since the call began, ticking. */
function useCallTimer(startedAt: number) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.round((now - startedAt) / 1000));
  return { seconds, shown: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` };
}

/**
 * One page for a call, built to be filled while talking: the timer runs from the moment it opens,
 * topics are one click (or Alt and a digit), and the call is saved with one keystroke — answered
 * on the spot (Alt+A), with a callback tomorrow (Alt+B), or to the queue (Ctrl+Enter).
 */
export function HotlineDesk() {
  const { t, i18n } = useTranslation();
  const districts = useDistricts();
  const [startedAt, setStartedAt] = useState(Date.now());
  const timer = useCallTimer(startedAt);
  const [saved, setSaved] = useState<IntakeItem | null>(null);
  const { form, onSubmit, showServerErrors } = useSchemaForm(zIntakeInput, { ...empty });
  const values = form.values;
  const phone = useDebounced((values.contactPhone ?? '').trim(), 400);
  const history = useApiQuery(
    intakeApi.phoneHistory,
    { body: { phone } },
    { enabled: /^\+?[0-9 ()-]{5,20}$/.test(phone) },
  );
  const create = useApiMutation(intakeApi.create, {
    invalidates: [intakeApi.list],
    onSuccess: (item) => {
      setSaved(item);
      form.setValues({ ...empty });
      form.clearErrors();
      setStartedAt(Date.now());
    },
  });
  const urgency = intakeUrgency({
    problems: values.problems as string[],
    inDetention: !!values.inDetention,
    priority: values.priority as 'normal',
  });
  const save = (extra: { answeredOnTheSpot?: boolean; callbackInHours?: number }) =>
    onSubmit((body) =>
      create.mutate(
        {
          body: {
            ...body,
            ...extra,
            id: uuidv7(),
            durationSeconds: timer.seconds,
            contactName: body.anonymous ? null : body.contactName,
          },
        },
        { onError: showServerErrors },
      ),
    )();
  const toggleProblem = (p: LegalProblem) => {
    const now = values.problems as LegalProblem[];
    form.setFieldValue('problems', now.includes(p) ? now.filter((x) => x !== p) : [...now, p]);
  };
  useHotkeys(
    [
      ['mod+Enter', () => save({})],
      ['alt+A', () => save({ answeredOnTheSpot: true })],
      ['alt+B', () => save({ callbackInHours: 24 })],
      ...LEGAL_PROBLEMS.slice(0, 9).map(
        (p, i) => [`alt+${i + 1}`, () => toggleProblem(p)] as [string, () => void],
      ),
    ],
    [],
  );
  return (
    <Stack data-testid="hotline-desk">
      <Group justify="space-between">
        <Title order={2}>{t('intake.desk')}</Title>
        <Group>
          <Badge size="lg" variant="light" data-testid="call-timer">
            <bdi>{timer.shown}</bdi>
          </Badge>
          <Anchor component={Link} to="/intake" size="sm">
            {t('intake.queue')}
          </Anchor>
        </Group>
      </Group>
      {saved && (
        <Alert color="green" data-testid="intake-saved">
          {t('intake.saved', { reference: saved.reference })}{' '}
          <IntakeLink id={saved.id}>{t('intake.openSaved')}</IntakeLink>
        </Alert>
      )}
      <ErrorAlert error={create.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs">
          <SimpleGrid cols={2}>
            <Select
              label={t('intake.channel')}
              data={enumOptions(t, 'intakeChannel', INTAKE_CHANNELS)}
              allowDeselect={false}
              {...form.getInputProps('channel')}
            />
            <TextInput
              label={t('intake.phone')}
              autoFocus
              {...form.getInputProps('contactPhone')}
              value={values.contactPhone ?? ''}
              onChange={(e) => form.setFieldValue('contactPhone', e.currentTarget.value || null)}
            />
          </SimpleGrid>
          {(history.data?.items.length ?? 0) > 0 && (
            <Paper withBorder p="xs" data-testid="repeat-caller">
              <Text size="sm" fw={600}>
                {t('intake.calledBefore', { count: history.data?.items.length })}
              </Text>
              {history.data?.items.slice(0, 5).map((h) => (
                <Text size="xs" key={h.id}>
                  <IntakeLink id={h.id}>{h.reference}</IntakeLink> <bdi>{h.receivedAt.slice(0, 10)}</bdi> ·{' '}
                  {h.problems.map((p) => t(`enums.problem.${p}`)).join(', ')}
                  {h.outcome ? ` · ${t(`enums.intakeOutcome.${h.outcome}`)}` : ''}
                </Text>
              ))}
            </Paper>
          )}
          <Checkbox
            label={t('intake.anonymous')}
            {...form.getInputProps('anonymous', { type: 'checkbox' })}
          />
          {!values.anonymous && (
            <TextInput
              label={t('intake.contactName')}
              {...form.getInputProps('contactName')}
              value={values.contactName ?? ''}
              onChange={(e) => form.setFieldValue('contactName', e.currentTarget.value || null)}
            />
          )}
          <TextInput
            label={t('intake.contactHow')}
            placeholder={t('intake.contactHowHint')}
            {...form.getInputProps('contactHow')}
            value={values.contactHow ?? ''}
            onChange={(e) => form.setFieldValue('contactHow', e.currentTarget.value || null)}
          />
          <SimpleGrid cols={2}>
            <Select
              label={t('intake.language')}
              data={languageOptions(i18n.language)}
              searchable
              clearable
              {...form.getInputProps('language')}
            />
            <Select
              label={t('intake.district')}
              data={districts.options}
              searchable
              clearable
              {...form.getInputProps('districtId')}
            />
            <Select
              label={t('intake.sex')}
              data={enumOptions(t, 'sex', SEXES)}
              clearable
              {...form.getInputProps('sex')}
            />
            <Select
              label={t('intake.age')}
              data={AGE_BRACKETS.map((v) => ({ value: v, label: v }))}
              clearable
              {...form.getInputProps('ageBracket')}
            />
          </SimpleGrid>
        </Stack>
        <Stack gap="xs">
          <Text size="sm" fw={500} id="intake-topics">
            {t('intake.topics')}
          </Text>
          <Group gap={6} role="group" aria-labelledby="intake-topics" data-testid="intake-topics">
            {LEGAL_PROBLEMS.map((p, i) => (
              <Chip
                key={p}
                size="xs"
                checked={(values.problems as string[]).includes(p)}
                onChange={() => toggleProblem(p)}
              >
                {t(`enums.problem.${p}`)}
                {i < 9 ? ` (Alt+${i + 1})` : ''}
              </Chip>
            ))}
          </Group>
          {form.errors.problems && (
            <Text size="sm" c="red" role="alert">
              {form.errors.problems}
            </Text>
          )}
          <SimpleGrid cols={2}>
            <Select
              label={t('intake.urgency')}
              data={enumOptions(t, 'priority', CASE_PRIORITIES)}
              allowDeselect={false}
              {...form.getInputProps('priority')}
            />
            <Checkbox
              mt={28}
              label={t('intake.inDetention')}
              {...form.getInputProps('inDetention', { type: 'checkbox' })}
            />
          </SimpleGrid>
          <WhatToSay problems={values.problems as string[]} />
          {urgency === 'emergency' && (
            <Alert color="red" data-testid="intake-emergency">
              {t('intake.emergencyRule')}
            </Alert>
          )}
          <Stack gap={2}>
            <Textarea label={t('intake.summary')} autosize minRows={4} {...form.getInputProps('summary')} />
            <LengthHint value={values.summary as string} max={zIntakeInput.shape.summary.maxLength} />
          </Stack>
          <Group>
            <Button
              onClick={() => save({ answeredOnTheSpot: true })}
              loading={create.isPending}
              data-testid="save-answered"
            >
              {t('intake.answeredOnTheSpot')} <Kbd ml={6}>Alt+A</Kbd>
            </Button>
            <Button variant="light" onClick={() => save({ callbackInHours: 24 })} data-testid="save-callback">
              {t('intake.callBack')} <Kbd ml={6}>Alt+B</Kbd>
            </Button>
            <Button variant="default" onClick={() => save({})} data-testid="save-queue">
              {t('intake.toQueue')} <Kbd ml={6}>Ctrl+Enter</Kbd>
            </Button>
          </Group>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
