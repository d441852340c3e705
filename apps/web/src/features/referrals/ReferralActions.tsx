import { REFERRAL_OUTCOMES, type Referral, referralsApi, zReferralTransition } from '@komek/domain';
import { Button, Group, Paper, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, unplacedError } from '../../app/api.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { LengthHint } from '../../components/LengthHint.tsx';

const REFERRAL_VIEWS = [referralsApi.get, referralsApi.list, referralsApi.stats];

type Step = 'accepted' | 'declined' | 'in_progress' | 'completed' | 'revoked';

/** The moves open to the reader's side at the referral's status; the server rechecks each. */
export function ReferralActions({ referral, onOnward }: { referral: Referral; onOnward: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step | null>(null);
  const [form, setForm] = useState({
    expectedDate: '',
    reason: '',
    outcome: 'service_provided',
    feedback: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { side, status } = referral;

  const settings = {
    invalidates: REFERRAL_VIEWS,
    onSuccess: () => {
      setStep(null);
      setErrors({});
    },
    onError: (e: unknown) => setErrors(fieldErrors(e)),
  };
  const respond = useApiMutation(referralsApi.respond, settings);
  const revoke = useApiMutation(referralsApi.revoke, settings);
  // Checked with the API's own schema before sending; the server's answer lands beside the field too.
  const send = (to: Step, extra: object = {}) => {
    const checked = validateWith(zReferralTransition, { version: referral.version, to, ...extra });
    if (checked.errors) return setErrors(checked.errors);
    const body = checked.data;
    const params = { id: referral.id };
    if (body.to === 'revoked') revoke.mutate({ params, body });
    else respond.mutate({ params, body });
  };
  const failed = respond.error ?? revoke.error;
  const unplaced = unplacedError(failed);

  const buttons: Array<{ step: Step; label: string; color?: string; direct?: boolean }> = [];
  if (side === 'receiver' && status === 'sent') {
    buttons.push({ step: 'accepted', label: t('referrals.accept') });
    buttons.push({ step: 'declined', label: t('referrals.decline'), color: 'red' });
  }
  if (side === 'receiver' && status === 'accepted')
    buttons.push({ step: 'in_progress', label: t('referrals.start'), direct: true });
  if (side === 'receiver' && status === 'in_progress')
    buttons.push({ step: 'completed', label: t('referrals.complete') });
  if (side === 'sender' && ['sent', 'accepted', 'in_progress'].includes(status))
    buttons.push({ step: 'revoked', label: t('referrals.revoke'), color: 'red' });
  const canOnward = side === 'receiver' && (status === 'accepted' || status === 'in_progress');
  if (buttons.length === 0 && !canOnward) return null;

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <ErrorAlert error={unplaced} />
        <Group>
          {buttons.map((b) => (
            <Button
              key={b.step}
              variant={step === b.step ? 'filled' : 'light'}
              color={b.color}
              onClick={() => (b.direct ? send(b.step) : setStep(b.step))}
            >
              {b.label}
            </Button>
          ))}
          {canOnward && (
            <Button variant="default" onClick={onOnward}>
              {t('referrals.referOnward')}
            </Button>
          )}
        </Group>
        {step === 'accepted' && (
          <Group align="flex-end">
            <TextInput
              type="date"
              label={t('referrals.expectedDate')}
              value={form.expectedDate}
              error={errors.expectedDate}
              onChange={(e) => setForm({ ...form, expectedDate: e.currentTarget.value })}
            />
            <Button onClick={() => send('accepted', { expectedDate: form.expectedDate })}>
              {t('referrals.confirm')}
            </Button>
          </Group>
        )}
        {(step === 'declined' || step === 'revoked') && (
          <Group align="flex-end" grow>
            <Stack gap={2}>
              <Textarea
                label={t('referrals.reason')}
                value={form.reason}
                error={errors.reason}
                onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
              />
              <LengthHint value={form.reason} max={zReferralTransition.options[1].shape.reason.maxLength} />
            </Stack>
            <Button color="red" style={{ flexGrow: 0 }} onClick={() => send(step, { reason: form.reason })}>
              {t('referrals.confirm')}
            </Button>
          </Group>
        )}
        {step === 'completed' && (
          <Stack gap="xs">
            <Select
              label={t('referrals.outcome')}
              data={enumOptions(t, 'referralOutcome', REFERRAL_OUTCOMES)}
              value={form.outcome}
              onChange={(v) => v && setForm({ ...form, outcome: v })}
            />
            <Textarea
              label={t('referrals.feedback')}
              value={form.feedback}
              error={errors.feedback}
              onChange={(e) => setForm({ ...form, feedback: e.currentTarget.value })}
            />
            <LengthHint value={form.feedback} max={zReferralTransition.options[3].shape.feedback.maxLength} />
            <Group justify="flex-end">
              <Button onClick={() => send('completed', { outcome: form.outcome, feedback: form.feedback })}>
                {t('referrals.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
