import {
  CASE_PRIORITIES,
  type CasePriority,
  type Incident,
  incidentsApi,
  LEGAL_PROBLEMS,
  type LegalProblem,
  personsApi,
} from '@komek/domain';
import { Button, Group, MultiSelect, Paper, SegmentedControl, Stack, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { blankPerson, PersonFields } from '../persons/PersonForm.tsx';

/** The topics and urgency a case from the incident starts with; the worker may change both. */
function startingPoint(incident: Incident): { problems: LegalProblem[]; priority: CasePriority } {
  const held = incident.type === 'detention_removal' || incident.affected.detained > 0;
  if (held) return { problems: ['deportation_extradition_refoulement'], priority: 'emergency' };
  if (incident.type.endsWith('_dispute') && incident.type !== 'infrastructure_dispute')
    return { problems: ['property_land'], priority: 'urgent' };
  return { problems: ['border_crossing'], priority: 'urgent' };
}

/**
 * A person the incident concerns gets a case of their own, linked to it: found among those
 * registered (the duplicate check) or registered now, then the case opened with its topics.
 */
export function IncidentCase({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [shown, setShown] = useState(false);
  const [start, setStart] = useState(() => startingPoint(incident));
  const open = useApiMutation(incidentsApi.openCase, {
    invalidates: [incidentsApi.get],
    onSuccess: (c) => navigate({ to: '/cases/$caseId', params: { caseId: c.id } }),
  });
  const openFor = (personId: string) =>
    open.mutate({ params: { id: incident.id }, body: { personId, ...start } });
  const register = useApiMutation(personsApi.register, {
    invalidates: [personsApi.list],
    onSuccess: (person) => openFor(person.id),
  });
  if (!shown)
    return (
      <Group>
        <Button variant="light" onClick={() => setShown(true)} data-testid="incident-open-case">
          {t('incidents.caseForPerson')}
        </Button>
      </Group>
    );
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>{t('incidents.caseForPerson')}</Title>
        <ErrorAlert error={open.error} />
        <MultiSelect
          label={t('intake.topics')}
          data={enumOptions(t, 'problem', LEGAL_PROBLEMS)}
          value={start.problems}
          onChange={(v) => setStart({ ...start, problems: v as LegalProblem[] })}
          maxValues={5}
        />
        <SegmentedControl
          data={enumOptions(t, 'priority', CASE_PRIORITIES)}
          value={start.priority}
          onChange={(v) => setStart({ ...start, priority: v as CasePriority })}
        />
        <PersonFields
          title={t('intake.whoIsIt')}
          submitLabel={t('intake.registerAndOpen')}
          initial={{ ...blankPerson, districtId: incident.districtId ?? '' }}
          busy={register.isPending || open.isPending}
          error={register.error}
          serverErrors={fieldErrors(register.error)}
          submitTestId="incident-register-person"
          onSubmit={(input) => register.mutate({ body: { ...input, id: uuidv7() } })}
          onPick={{ label: t('intake.thisPerson'), pick: openFor }}
        />
      </Stack>
    </Paper>
  );
}
