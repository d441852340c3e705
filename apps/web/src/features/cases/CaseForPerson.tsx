import {
  CASE_PRIORITIES,
  type CasePriority,
  LEGAL_PROBLEMS,
  type LegalProblem,
  personsApi,
} from '@komek/domain';
import { Button, Group, MultiSelect, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { Choices } from '../../components/Choices.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { blankPerson, PersonFields } from '../persons/PersonForm.tsx';

export interface CaseStart {
  problems: LegalProblem[];
  priority: CasePriority;
}

/**
 * A person a record concerns (an incident, a monitoring visit) gets a case of their own: found
 * among those registered (the duplicate check) or registered now, then the case opened with the
 * topics and urgency the worker settles on, starting from what the record suggests.
 */
export function CaseForPerson({
  title,
  suggested,
  districtId,
  opening,
  error,
  onOpen,
  testIdPrefix,
}: {
  title: string;
  suggested: CaseStart;
  districtId: string | null;
  opening: boolean;
  error: unknown;
  onOpen: (personId: string, start: CaseStart) => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const [start, setStart] = useState(suggested);
  const register = useApiMutation(personsApi.register, {
    invalidates: [personsApi.list],
    onSuccess: (person) => onOpen(person.id, start),
  });
  if (!shown)
    return (
      <Group>
        <Button variant="light" onClick={() => setShown(true)} data-testid={`${testIdPrefix}-open-case`}>
          {title}
        </Button>
      </Group>
    );
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>{title}</Title>
        <ErrorAlert error={error} />
        <MultiSelect
          label={t('intake.topics')}
          data={enumOptions(t, 'problem', LEGAL_PROBLEMS)}
          value={start.problems}
          onChange={(v) => setStart({ ...start, problems: v as LegalProblem[] })}
          maxValues={5}
        />
        <Choices
          data={enumOptions(t, 'priority', CASE_PRIORITIES)}
          value={start.priority}
          onChange={(v) => setStart({ ...start, priority: v as CasePriority })}
        />
        <PersonFields
          title={t('intake.whoIsIt')}
          submitLabel={t('intake.registerAndOpen')}
          initial={{ ...blankPerson, districtId: districtId ?? '' }}
          busy={register.isPending || opening}
          error={register.error}
          serverErrors={fieldErrors(register.error)}
          submitTestId={`${testIdPrefix}-register-person`}
          onSubmit={(input) => register.mutate({ body: { ...input, id: uuidv7() } })}
          onPick={{ label: t('intake.thisPerson'), pick: (personId) => onOpen(personId, start) }}
        />
      </Stack>
    </Paper>
  );
}
