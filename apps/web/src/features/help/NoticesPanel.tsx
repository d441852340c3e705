import { helpApi, type SessionUser, zHelpNoticeInput } from '@komek/domain';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, unplacedError } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CountrySelect } from './CountrySelect.tsx';
import { WordingFields, type Wordings, writtenOnly } from './WordingFields.tsx';

const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Notices for the public (a crossing closed), shown from a first to a last day. */
export function NoticesPanel({ me }: { me: SessionUser }) {
  const { t, i18n } = useTranslation();
  const notices = useApiQuery(helpApi.notices, {});
  const end = useApiMutation(helpApi.endNotice, { invalidates: [helpApi.notices] });
  const publisher = can(me, 'help.publish');
  const [writing, setWriting] = useState(false);
  return (
    <Stack gap="xs">
      <Title order={3}>{t('helpContent.notices')}</Title>
      <ErrorAlert error={notices.error ?? end.error} />
      {notices.data?.items.length === 0 && <Text c="dimmed">{t('helpContent.noNotices')}</Text>}
      {notices.data?.items.map((n) => {
        const wording = n.texts[i18n.language as 'en'] ?? Object.values(n.texts)[0];
        const showing = n.startsOn <= day() && n.endsOn >= day();
        return (
          <Paper key={n.id} withBorder p="sm" data-testid="help-notice">
            <Group justify="space-between">
              <Text fw={600}>
                <bdi>{wording?.title}</bdi>
              </Text>
              <Text size="sm">
                <bdi>{n.startsOn}</bdi> – <bdi>{n.endsOn}</bdi>
              </Text>
            </Group>
            {publisher && showing && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => end.mutate({ params: { id: n.id }, body: { version: n.version } })}
              >
                {t('helpContent.endNotice')}
              </Button>
            )}
          </Paper>
        );
      })}
      {publisher &&
        (writing ? (
          <NoticeForm onDone={() => setWriting(false)} />
        ) : (
          <Group>
            <Button variant="light" onClick={() => setWriting(true)} data-testid="new-notice">
              {t('helpContent.newNotice')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

function NoticeForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [countryCode, setCountry] = useState('KG');
  const [startsOn, setStarts] = useState(day());
  const [endsOn, setEnds] = useState(day(7));
  const [texts, setTexts] = useState<Wordings>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useApiMutation(helpApi.createNotice, { invalidates: [helpApi.notices], onSuccess: onDone });
  const save = () => {
    const checked = validateWith(zHelpNoticeInput, {
      countryCode,
      startsOn,
      endsOn,
      texts: writtenOnly(texts),
    });
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    create.mutate({ body: checked.data }, { onError: (error) => setErrors(fieldErrors(error)) });
  };
  return (
    <Paper withBorder p="md" data-testid="notice-form">
      <Stack gap="xs">
        <Group align="flex-start">
          <CountrySelect value={countryCode} onChange={setCountry} />
          <TextInput
            label={t('helpContent.startsOn')}
            type="date"
            value={startsOn}
            error={errors.startsOn}
            onChange={(e) => setStarts(e.currentTarget.value)}
            w={180}
          />
          <TextInput
            label={t('helpContent.endsOn')}
            type="date"
            value={endsOn}
            error={errors.endsOn}
            onChange={(e) => setEnds(e.currentTarget.value)}
            w={180}
          />
        </Group>
        <WordingFields value={texts} onChange={setTexts} errors={errors} bodyRows={3} />
        <ErrorAlert error={unplacedError(create.error)} />
        <Group>
          <Button onClick={save} loading={create.isPending} data-testid="publish-notice">
            {t('helpContent.publishNotice')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
