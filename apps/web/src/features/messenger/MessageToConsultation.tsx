import { LEGAL_PROBLEMS, type MessengerMessage, messengerApi, personsApi } from '@komek/domain';
import { Button, Checkbox, Group, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { blankPerson, PersonFields } from '../persons/PersonForm.tsx';

/**
 * A question answered in the group recorded as a consultation for the person it turned out to be:
 * found among those registered (the duplicate check), or registered now.
 */
export function MessageToConsultation({
  message,
  onCancel,
}: {
  message: MessengerMessage;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<string[]>([]);
  const [keepWords, setKeepWords] = useState(false);
  const [missingTopic, setMissingTopic] = useState(false);
  const record = useApiMutation(messengerApi.toConsultation, {
    invalidates: [messengerApi.messages, messengerApi.groups, messengerApi.stats],
    onSuccess: (m) => m.caseId && navigate({ to: '/cases/$caseId', params: { caseId: m.caseId } }),
  });
  const forPerson = (personId: string) => {
    if (problems.length === 0) return setMissingTopic(true);
    setMissingTopic(false);
    record.mutate({
      params: { id: message.id },
      body: {
        version: message.version,
        personId,
        problems: problems as (typeof LEGAL_PROBLEMS)[number][],
        keepWords,
      },
    });
  };
  const register = useApiMutation(personsApi.register, {
    invalidates: [personsApi.list],
    onSuccess: (person) => forPerson(person.id),
  });
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" data-testid="message-to-consultation">
      <Stack gap="xs">
        <MultiSelect
          label={t('intake.topics')}
          data={enumOptions(t, 'problem', LEGAL_PROBLEMS)}
          value={problems}
          onChange={setProblems}
          error={missingTopic ? t('messenger.topicFirst') : undefined}
          w={360}
        />
        <Checkbox
          label={t('messenger.keepWords')}
          checked={keepWords}
          onChange={(e) => setKeepWords(e.currentTarget.checked)}
        />
        <Text size="sm" c="dimmed">
          {t('messenger.consultationHint')}
        </Text>
        <ErrorAlert error={record.error} />
        <PersonFields
          title={t('intake.whoIsIt')}
          submitLabel={t('messenger.registerAndRecord')}
          initial={blankPerson}
          busy={register.isPending || record.isPending}
          error={register.error}
          serverErrors={fieldErrors(register.error)}
          submitTestId="consultation-register-person"
          onSubmit={(input) => register.mutate({ body: { ...input, id: uuidv7() } })}
          onPick={{ label: t('intake.thisPerson'), pick: forPerson }}
        />
        <Group>
          <Button size="xs" variant="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
