import {
  CASE_OUTCOMES,
  type Case,
  type CaseTransition,
  casesApi,
  OPEN_TASK_CHOICES,
  type SessionUser,
} from '@komek/domain';
import { Button, Group, Radio, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';

type CaseOutcome = (typeof CASE_OUTCOMES)[number];
type OpenTaskChoice = (typeof OPEN_TASK_CHOICES)[number];
/** A transition as the buttons ask for it; the case's version is added when it is sent. */
type Move = CaseTransition extends infer T ? (T extends unknown ? Omit<T, 'version'> : never) : never;

const CASE_VIEWS = [casesApi.get, casesApi.activity, casesApi.list, casesApi.caseload];

/** The status moves a case allows from where it stands. */
export function CaseActions({ c, me, openTasks }: { c: Case; me: SessionUser; openTasks: number }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [settle, setSettle] = useState<OpenTaskChoice | null>(null);
  const [authority, setAuthority] = useState('');
  const transition = useApiMutation(casesApi.transition, { invalidates: CASE_VIEWS });
  const refusal = fieldErrors(transition.error);
  const approve = useApiMutation(casesApi.approveClose, { invalidates: CASE_VIEWS });
  const reject = useApiMutation(casesApi.rejectClose, { invalidates: CASE_VIEWS });
  // A failed move stays on screen until the next attempt (a refused approval included).
  const error = transition.error ?? approve.error ?? reject.error;
  const params = { id: c.id };
  const move = (body: Move) =>
    transition.mutate({ params, body: { ...body, version: c.version } as CaseTransition });
  if (c.status === 'closed') {
    return (
      <Stack>
        <ErrorAlert error={error} />
        <Group>
          <Button variant="light" onClick={() => move({ to: 'open' })}>
            {t('cases.reopen')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack>
      <ErrorAlert error={error} />
      <Group align="flex-end">
        {c.status !== 'open' && (
          <Button onClick={() => move({ to: 'open' })} data-testid="case-open">
            {t('cases.open')}
          </Button>
        )}
        {c.status === 'open' && (
          <>
            <TextInput
              label={t('cases.authority')}
              value={authority}
              onChange={(e) => setAuthority(e.currentTarget.value)}
            />
            <Button
              variant="light"
              disabled={authority.trim().length < 2}
              onClick={() => move({ to: 'pending_authority', authority })}
            >
              {t('cases.pending')}
            </Button>
          </>
        )}
        <Select
          searchable
          label={t('cases.outcome')}
          data={enumOptions(t, 'outcome', CASE_OUTCOMES)}
          value={outcome}
          onChange={setOutcome}
          w={240}
          data-testid="case-outcome"
        />
        {/* Shown too when the server counts tasks this page has not seen yet. */}
        {outcome && (openTasks > 0 || refusal.openTasks) && (
          <Radio.Group
            label={t('cases.openTasksAtClosing', { count: openTasks })}
            value={settle}
            error={refusal.openTasks}
            onChange={(v) => setSettle(v as OpenTaskChoice)}
            data-testid="close-open-tasks"
          >
            <Group gap="md" mt={4}>
              {OPEN_TASK_CHOICES.map((choice) => (
                <Radio key={choice} value={choice} label={t(`enums.openTaskChoice.${choice}`)} />
              ))}
            </Group>
          </Radio.Group>
        )}
        <Button
          color="dark"
          disabled={!outcome}
          onClick={() =>
            move({
              to: 'closed',
              outcome: outcome as CaseOutcome,
              ...(settle ? { openTasks: settle } : {}),
            })
          }
          data-testid="case-close"
        >
          {t('cases.closeWith')}
        </Button>
        {c.closeRequested && can(me, 'case.approve_close') && (
          <>
            <Button color="green" loading={approve.isPending} onClick={() => approve.mutate({ params })}>
              {t('cases.approveClose')}
            </Button>
            <Button
              color="red"
              variant="light"
              loading={reject.isPending}
              onClick={() => reject.mutate({ params })}
            >
              {t('cases.rejectClose')}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}
