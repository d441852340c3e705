import {
  CASE_PRIORITIES,
  LEGAL_PROBLEMS,
  type MessengerMessage,
  messengerApi,
  zMessageToIntake,
} from '@komek/domain';
import { Alert, Button, Checkbox, Group, MultiSelect, Paper, Select, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { languageOptions } from '../../components/language-options.ts';

/**
 * A message made into a request in the intake queue. The writer's name, number and words as
 * written go with it only when the worker keeps them, having seen them here first.
 */
export function MessageToRequest({ message, onCancel }: { message: MessengerMessage; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const original = useApiMutation(messengerApi.original);
  const make = useApiMutation(messengerApi.toIntake, {
    invalidates: [messengerApi.messages, messengerApi.groups, messengerApi.stats],
    onSuccess: (item) => navigate({ to: '/intake/$intakeId', params: { intakeId: item.id } }),
  });
  const { form, onSubmit, showServerErrors } = useSchemaForm(zMessageToIntake, {
    version: message.version,
    problems: [],
    priority: 'normal',
    inDetention: false,
    language: null,
    keepContact: false,
  });
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
      <form
        noValidate
        data-testid="message-to-request"
        onSubmit={onSubmit((body) =>
          make.mutate({ params: { id: message.id }, body }, { onError: showServerErrors }),
        )}
      >
        <Stack gap="xs">
          <Group align="flex-start">
            <MultiSelect
              label={t('intake.topics')}
              data={enumOptions(t, 'problem', LEGAL_PROBLEMS)}
              w={320}
              data-testid="request-topics"
              {...form.getInputProps('problems')}
            />
            <Select
              label={t('intake.urgency')}
              data={enumOptions(t, 'priority', CASE_PRIORITIES)}
              allowDeselect={false}
              w={180}
              {...form.getInputProps('priority')}
            />
            <Select
              label={t('intake.language')}
              data={languageOptions(i18n.language)}
              clearable
              w={180}
              {...form.getInputProps('language')}
            />
          </Group>
          <Checkbox
            label={t('intake.inDetention')}
            {...form.getInputProps('inDetention', { type: 'checkbox' })}
          />
          {message.originalKept && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="subtle"
                onClick={() => original.mutate({ params: { id: message.id } })}
                data-testid="show-original"
              >
                {t('messenger.showOriginal')}
              </Button>
            </Group>
          )}
          {original.data && (
            <Alert variant="light" color="yellow" title={t('messenger.original')} data-testid="original-text">
              <Text size="sm" fw={600}>
                <bdi>{original.data.authorName}</bdi>
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <bdi>{original.data.text}</bdi>
              </Text>
            </Alert>
          )}
          <Checkbox
            label={t('messenger.keepContact')}
            data-testid="keep-contact"
            {...form.getInputProps('keepContact', { type: 'checkbox' })}
          />
          <ErrorAlert error={make.error ?? original.error} />
          <Group>
            <Button type="submit" size="xs" loading={make.isPending} data-testid="send-request">
              {t('messenger.send')}
            </Button>
            <Button size="xs" variant="subtle" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
