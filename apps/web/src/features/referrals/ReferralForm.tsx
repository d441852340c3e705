import {
  CASE_PRIORITIES,
  directoryApi,
  type IntakeItem,
  intakeApi,
  type Referral,
  referralsApi,
  type ServiceType,
  SHAREABLE_FIELDS,
  type ShareableField,
  zReferralConsent,
  zReferralInput,
} from '@komek/domain';
import {
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { LengthHint } from '../../components/LengthHint.tsx';

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * Sends a referral: from a case, or onward from a received referral. What is shared starts at the
 * minimum; each extra field is a deliberate tick, and only fields the sender holds are offered.
 */
export function ReferralForm(props: {
  /** From a case, onward from a referral this organisation received, or from a request for help. */
  from:
    | { caseId: string }
    | { onwardFrom: string }
    | { intake: { id: string; version: number; personId: string } };
  ownOrgId: string;
  allowedFields?: readonly ShareableField[];
  /** What the referral starts with when it follows from a screening: the need and the kind of service. */
  initial?: { need?: string; priority?: (typeof CASE_PRIORITIES)[number]; serviceType?: ServiceType };
  onSent: (sent: Referral | IntakeItem) => void;
}) {
  const { t } = useTranslation();
  const services = useApiQuery(directoryApi.list, { query: { limit: 200 } });
  const invalidates = [referralsApi.list, referralsApi.get, referralsApi.stats];
  const settings = {
    invalidates,
    onSuccess: props.onSent,
    onError: (e: unknown) => setErrors(fieldErrors(e)),
  };
  const fromCase = useApiMutation(referralsApi.send, settings);
  const onward = useApiMutation(referralsApi.onward, settings);
  const fromIntake = useApiMutation(intakeApi.toReferral, {
    ...settings,
    invalidates: [...invalidates, intakeApi.get, intakeApi.list],
  });
  const sending = 'caseId' in props.from ? fromCase : 'intake' in props.from ? fromIntake : onward;
  const [values, setValues] = useState({
    serviceId: null as string | null,
    priority: props.initial?.priority ?? ('normal' as (typeof CASE_PRIORITIES)[number]),
    need: props.initial?.need ?? '',
    contact: '',
    share: [] as ShareableField[],
    consentKind: 'consent' as 'consent' | 'emergency_override',
    scope: '',
    givenAt: todayIso(),
    reason: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const fields = props.allowedFields ?? SHAREABLE_FIELDS;
  const open = (services.data?.items ?? []).filter((s) => s.acceptsReferrals && s.orgId !== props.ownOrgId);
  // Services of the kind asked for come first; the others stay within reach.
  const wanted = props.initial?.serviceType;
  const options = [...open.filter((s) => s.type === wanted), ...open.filter((s) => s.type !== wanted)].map(
    (s) => ({
      value: s.id,
      label: `${s.orgName} — ${s.name}`,
    }),
  );

  const submit = () => {
    const body = {
      serviceId: values.serviceId ?? '',
      priority: values.priority,
      need: values.need,
      contact: values.contact,
      share: values.share,
      consent:
        values.consentKind === 'consent'
          ? { kind: 'consent', scope: values.scope, givenAt: values.givenAt }
          : { kind: 'emergency_override', reason: values.reason },
    };
    const checked = validateWith(zReferralInput, body);
    if (checked.errors) return setErrors(checked.errors);
    const from = props.from;
    if ('intake' in from) {
      const { id, version, personId } = from.intake;
      return fromIntake.mutate({ params: { id }, body: { ...checked.data, version, personId } });
    }
    const params = { id: 'caseId' in from ? from.caseId : from.onwardFrom };
    (sending as typeof fromCase).mutate({ params, body: checked.data });
  };

  return (
    <Stack gap="xs" data-testid="referral-form">
      <ErrorAlert error={sending.error ?? services.error} />
      <Select
        label={t('referrals.chooseService')}
        data={options}
        searchable
        value={values.serviceId}
        error={errors.serviceId}
        onChange={(v) => set({ serviceId: v })}
        data-testid="referral-service"
      />
      <SegmentedControl
        data={enumOptions(t, 'priority', CASE_PRIORITIES)}
        value={values.priority}
        onChange={(v) => set({ priority: v as typeof values.priority })}
      />
      <Textarea
        label={t('referrals.need')}
        value={values.need}
        error={errors.need}
        autosize
        minRows={2}
        onChange={(e) => set({ need: e.currentTarget.value })}
      />
      <LengthHint value={values.need} max={zReferralInput.shape.need.maxLength} />
      <TextInput
        label={t('referrals.contact')}
        value={values.contact}
        error={errors.contact}
        onChange={(e) => set({ contact: e.currentTarget.value })}
      />
      <LengthHint value={values.contact} max={zReferralInput.shape.contact.maxLength} />
      <Text size="sm" fw={500}>
        {t('referrals.share')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('referrals.shareHint')}
      </Text>
      <Checkbox.Group value={values.share} onChange={(v) => set({ share: v as ShareableField[] })}>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing={4}>
          {fields.map((f) => (
            <Checkbox key={f} value={f} label={t(`enums.shareField.${f}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <SegmentedControl
        data={[
          { value: 'consent', label: t('referrals.consentRecorded') },
          { value: 'emergency_override', label: t('referrals.emergencyOverride') },
        ]}
        value={values.consentKind}
        onChange={(v) => set({ consentKind: v as typeof values.consentKind })}
      />
      {values.consentKind === 'consent' ? (
        <Group grow align="flex-start">
          <Stack gap={2}>
            <TextInput
              label={t('referrals.scope')}
              value={values.scope}
              error={errors['consent.scope']}
              onChange={(e) => set({ scope: e.currentTarget.value })}
            />
            <LengthHint value={values.scope} max={zReferralConsent.options[0].shape.scope.maxLength} />
          </Stack>
          <TextInput
            label={t('referrals.givenAt')}
            type="date"
            value={values.givenAt}
            error={errors['consent.givenAt']}
            onChange={(e) => set({ givenAt: e.currentTarget.value })}
          />
        </Group>
      ) : (
        <Stack gap={2}>
          <Textarea
            label={t('referrals.overrideReason')}
            value={values.reason}
            error={errors['consent.reason']}
            onChange={(e) => set({ reason: e.currentTarget.value })}
          />
          <LengthHint value={values.reason} max={zReferralConsent.options[1].shape.reason.maxLength} />
        </Stack>
      )}
      <Group justify="flex-end">
        <Button onClick={submit} loading={sending.isPending}>
          {t('referrals.send')}
        </Button>
      </Group>
    </Stack>
  );
}
