import { CASE_PRIORITIES, casesApi, LEGAL_PROBLEMS, zCaseInput } from '@komek/domain';
import { Button, Checkbox, Group, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { keepLocalCase, localCase } from '../../offline/local-records.ts';
import { localisedName } from '../procedures/localised.ts';

/** Intake: legal problems, priority, the organisation's eligibility criteria, and why when one is not met. */
export function OpenCaseForm({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<string[]>([]);
  const [priority, setPriority] = useState('normal');
  const [summary, setSummary] = useState('');
  const [failed, setFailed] = useState<string[]>([]);
  const [overrideReason, setOverrideReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const criteria = useApiQuery(casesApi.eligibilityCriteria, {});
  const open = useApiMutation(casesApi.open, {
    invalidates: [casesApi.list, casesApi.caseload],
    onSuccess: (c) => navigate({ to: '/cases/$caseId', params: { caseId: c.id } }),
    onError: (e) => setErrors(fieldErrors(e)),
    offline: {
      kind: 'case',
      title: ({ body }) => body.problems.map((p) => t(`enums.problem.${p}`)).join(', '),
      createsId: ({ body }) => body.id as string,
      target: ({ body }) => `/cases/${body.id}`,
      local: async ({ body }, user) => {
        const c = await localCase(body, body.id as string, user);
        await keepLocalCase(c);
        return c;
      },
    },
  });

  function submit() {
    const eligibility = (criteria.data?.items ?? []).map((c) => ({
      criterion: c.code,
      passed: !failed.includes(c.code),
    }));
    const checked = validateWith(zCaseInput, {
      personIds: [personId],
      problems,
      priority,
      summary: summary || null,
      eligibility,
      eligibilityOverrideReason: failed.length > 0 ? overrideReason : null,
    });
    if (checked.errors) return setErrors(checked.errors);
    open.mutate({ body: { ...checked.data, id: uuidv7() } });
  }

  return (
    <Stack>
      <ErrorAlert error={open.error ?? criteria.error} />
      <MultiSelect
        searchable
        label={t('cases.problems')}
        data={enumOptions(t, 'problem', LEGAL_PROBLEMS)}
        value={problems}
        error={errors.problems}
        onChange={(v) => {
          setProblems(v);
          // Detention, deportation or extradition: an emergency within 24 hours.
          if (v.includes('deportation_extradition_refoulement')) setPriority('emergency');
        }}
        data-testid="case-problems"
      />
      <Select
        label={t('cases.priority')}
        data={enumOptions(t, 'priority', CASE_PRIORITIES)}
        value={priority}
        allowDeselect={false}
        onChange={(v) => v && setPriority(v)}
      />
      {criteria.data?.items.map((c) => (
        <Checkbox
          key={c.code}
          label={localisedName(c.label, i18n.language) || c.code}
          checked={!failed.includes(c.code)}
          onChange={(e) =>
            setFailed(e.currentTarget.checked ? failed.filter((f) => f !== c.code) : [...failed, c.code])
          }
        />
      ))}
      {failed.length > 0 && (
        <Textarea
          label={t('cases.overrideReason')}
          value={overrideReason}
          error={errors.eligibilityOverrideReason}
          onChange={(e) => setOverrideReason(e.currentTarget.value)}
        />
      )}
      <Textarea
        label={t('cases.summary')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        autosize
        minRows={3}
      />
      <Group justify="flex-end">
        <Button data-testid="open-case-submit" loading={open.isPending} onClick={submit}>
          {t('persons.openCase')}
        </Button>
      </Group>
    </Stack>
  );
}
