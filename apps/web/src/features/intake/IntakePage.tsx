import {
  CASE_PRIORITIES,
  grantedScope,
  type IntakeItem,
  intakeApi,
  personsApi,
  RESOLVABLE_OUTCOMES,
  type SessionUser,
  usersApi,
  zIntakeResolve,
} from '@komek/domain';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { fieldErrors } from '../../app/api.ts';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { dateTime } from '../../components/date-time.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { languageName } from '../../components/language-options.ts';
import { CaseLink, ReferralLink } from '../../components/RecordLinks.tsx';
import { useDistricts } from '../../components/useDistricts.ts';
import { blankPerson, PersonFields } from '../persons/PersonForm.tsx';
import { ReferralForm } from '../referrals/ReferralForm.tsx';
import { RespondBy, urgencyColour } from './IntakeQueuePage.tsx';

const VIEWS = [intakeApi.get, intakeApi.list];

/** One request: what was asked, by whom and how to reach them, and what becomes of it. */
export function IntakePage({ me }: { me: SessionUser }) {
  const { t, i18n } = useTranslation();
  const { intakeId } = useParams({ strict: false }) as { intakeId: string };
  const item = useApiQuery(intakeApi.get, { params: { id: intakeId } });
  const districts = useDistricts();
  const data = item.data;
  if (!data) return <ErrorAlert error={item.error} />;
  const manage = can(me, 'intake.manage') && data.status === 'open';
  return (
    <Stack data-testid="intake-item">
      <Group justify="space-between">
        <Title order={2}>
          <bdi>{data.reference}</bdi>
        </Title>
        <Group>
          <Badge size="lg" color={urgencyColour(data.priority)} data-testid="intake-urgency">
            {t(`enums.priority.${data.priority}`)}
          </Badge>
          <Badge size="lg" variant="light" data-testid="intake-status">
            {data.status === 'done' ? t(`enums.intakeOutcome.${data.outcome}`) : t('intake.statuses.open')}
          </Badge>
        </Group>
      </Group>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text size="sm">
            {t(`enums.intakeChannel.${data.channel}`)} · <bdi>{dateTime(i18n.language, data.receivedAt)}</bdi>
            {data.durationSeconds ? ` · ${Math.round(data.durationSeconds / 60)} ${t('intake.minutes')}` : ''}
          </Text>
          <Text size="sm">{data.problems.map((p) => t(`enums.problem.${p}`)).join(' · ')}</Text>
          <Text fw={600} data-testid="intake-contact">
            <bdi>{data.anonymous ? t('intake.anonymousShort') : (data.contactName ?? '—')}</bdi>
            {data.contactPhone && (
              <>
                {' · '}
                <bdi>{data.contactPhone}</bdi>
              </>
            )}
          </Text>
          {data.contactHow && <Text size="sm">{data.contactHow}</Text>}
          <Text size="sm" c="dimmed">
            {[
              data.language && languageName(data.language, i18n.language),
              data.districtId && districts.nameOf(data.districtId),
              data.sex && t(`enums.sex.${data.sex}`),
              data.ageBracket,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            <bdi>{data.summary}</bdi>
          </Text>
          <Group gap="xs">
            <Text size="sm">{t('intake.respondBy')}:</Text>
            <RespondBy item={data} />
          </Group>
          {data.callbackDue && (
            <Text size="sm">
              {t('intake.callbackDue')}: <bdi>{dateTime(i18n.language, data.callbackDue)}</bdi>
            </Text>
          )}
          {data.outcomeNote && <Text size="sm">{data.outcomeNote}</Text>}
          {data.caseId && (
            <CaseLink id={data.caseId}>
              <span data-testid="intake-case-link">{t('intake.toTheCase')}</span>
            </CaseLink>
          )}
          {data.referralId && (
            <ReferralLink id={data.referralId}>
              <span data-testid="intake-referral-link">{t('intake.toTheReferral')}</span>
            </ReferralLink>
          )}
        </Stack>
      </Paper>
      {manage && <Handling item={data} me={me} />}
      {manage && <OpenCase item={data} />}
      {manage && can(me, 'referral.send') && <ReferOn item={data} orgId={me.orgId} />}
      <Anchor component={Link} to="/intake" size="sm">
        {t('intake.queue')}
      </Anchor>
    </Stack>
  );
}

/** Who holds the request, how urgent it is, and ending it without a case. */
function Handling({ item, me }: { item: IntakeItem; me: SessionUser }) {
  const { t } = useTranslation();
  const staff = useApiQuery(usersApi.list, { query: { limit: 200 } }, { enabled: can(me, 'user.read') });
  const update = useApiMutation(intakeApi.update, { invalidates: VIEWS });
  const resolve = useApiMutation(intakeApi.resolve, { invalidates: VIEWS });
  const { form, onSubmit, showServerErrors } = useSchemaForm(zIntakeResolve, {
    version: item.version,
    outcome: 'answered',
    note: '',
  });
  const holders = (staff.data?.items ?? []).filter(
    (u) => !u.disabled && grantedScope(u.role, u.platformAdmin, 'intake.manage') !== null,
  );
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <ErrorAlert error={update.error ?? resolve.error} />
        <Group align="flex-end">
          <Select
            label={t('intake.assigned')}
            data={holders.map((u) => ({ value: u.id, label: u.displayName }))}
            value={item.assignedTo}
            searchable
            w={240}
            data-testid="intake-assignee"
            onChange={(v) =>
              v && update.mutate({ params: { id: item.id }, body: { version: item.version, assignedTo: v } })
            }
          />
          <Select
            label={t('intake.urgency')}
            data={enumOptions(t, 'priority', CASE_PRIORITIES)}
            value={item.priority}
            allowDeselect={false}
            w={200}
            onChange={(v) =>
              v &&
              update.mutate({
                params: { id: item.id },
                body: { version: item.version, priority: v as 'normal' },
              })
            }
          />
        </Group>
        <form
          noValidate
          data-testid="intake-resolve"
          onSubmit={onSubmit((body) =>
            resolve.mutate(
              { params: { id: item.id }, body: { ...body, version: item.version, note: body.note || null } },
              { onError: showServerErrors },
            ),
          )}
        >
          <Group align="flex-end">
            <Select
              label={t('intake.outcome')}
              data={enumOptions(t, 'intakeOutcome', RESOLVABLE_OUTCOMES)}
              allowDeselect={false}
              w={240}
              {...form.getInputProps('outcome')}
            />
            <Textarea
              label={t('intake.outcomeNote')}
              autosize
              style={{ flex: 1 }}
              {...form.getInputProps('note')}
              value={(form.values.note as string) ?? ''}
            />
            <Button type="submit" variant="light" loading={resolve.isPending}>
              {t('intake.end')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}

/** The person's form filled from the request: the name as given, first word the family name. */
function fromRequest(item: IntakeItem) {
  const [family = '', ...given] = (item.contactName ?? '').trim().split(/\s+/);
  return {
    ...blankPerson,
    familyName: family,
    givenName: given.join(' '),
    sex: item.sex ?? 'unknown',
    phone: item.contactPhone ?? '',
    districtId: item.districtId ?? '',
  };
}

/** Turns the request into a case: the person found among those registered, or registered now. */
function OpenCase({ item }: { item: IntakeItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [shown, setShown] = useState(false);
  const toCase = useApiMutation(intakeApi.toCase, {
    invalidates: VIEWS,
    onSuccess: (c) => navigate({ to: '/cases/$caseId', params: { caseId: c.id } }),
  });
  const register = useApiMutation(personsApi.register, {
    invalidates: [personsApi.list],
    onSuccess: (person) =>
      toCase.mutate({ params: { id: item.id }, body: { version: item.version, personId: person.id } }),
  });
  if (!shown)
    return (
      <Group>
        <Button onClick={() => setShown(true)} data-testid="intake-open-case">
          {t('intake.openCase')}
        </Button>
      </Group>
    );
  return (
    <Stack>
      <ErrorAlert error={toCase.error} />
      <PersonFields
        title={t('intake.whoIsIt')}
        submitLabel={t('intake.registerAndOpen')}
        initial={fromRequest(item)}
        busy={register.isPending || toCase.isPending}
        error={register.error}
        serverErrors={fieldErrors(register.error)}
        submitTestId="intake-register-person"
        onSubmit={(input) => register.mutate({ body: { ...input, id: uuidv7() } })}
        onPick={{
          label: t('intake.thisPerson'),
          pick: (personId) =>
            toCase.mutate({ params: { id: item.id }, body: { version: item.version, personId } }),
        }}
      />
    </Stack>
  );
}

/**
 * Refers the person on through the referral flow: who they are (found, or registered now), then
 * the referral with its consent; the case is opened from the request and the referral sent from it.
 */
function ReferOn({ item, orgId }: { item: IntakeItem; orgId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const [personId, setPersonId] = useState<string | null>(null);
  const register = useApiMutation(personsApi.register, {
    invalidates: [personsApi.list],
    onSuccess: (person) => setPersonId(person.id),
  });
  if (!shown)
    return (
      <Group>
        <Button variant="light" onClick={() => setShown(true)} data-testid="intake-refer">
          {t('intake.referOn')}
        </Button>
      </Group>
    );
  if (!personId)
    return (
      <PersonFields
        title={t('intake.whoIsIt')}
        submitLabel={t('intake.registerAndRefer')}
        initial={fromRequest(item)}
        busy={register.isPending}
        error={register.error}
        serverErrors={fieldErrors(register.error)}
        submitTestId="intake-register-to-refer"
        onSubmit={(input) => register.mutate({ body: { ...input, id: uuidv7() } })}
        onPick={{ label: t('intake.thisPerson'), pick: setPersonId }}
      />
    );
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('intake.referOn')}
      </Title>
      <ReferralForm
        from={{ intake: { id: item.id, version: item.version, personId } }}
        ownOrgId={orgId}
        // Sent, the request is done and this form gives way to what it became.
        onSent={() => setShown(false)}
      />
    </Paper>
  );
}
