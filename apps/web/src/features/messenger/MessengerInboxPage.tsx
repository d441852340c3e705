import { MESSAGE_STATUSES, type MessengerMessage, messengerApi, type SessionUser } from '@komek/domain';
import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterQuery, useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { dateTime } from '../../components/date-time.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { Pager } from '../../components/Pager.tsx';
import { CaseLink, IntakeLink } from '../../components/RecordLinks.tsx';
import { MessageToConsultation } from './MessageToConsultation.tsx';
import { MessageToRequest } from './MessageToRequest.tsx';

const LIMIT = 50;
const STATUS_COLOURS: Record<MessengerMessage['status'], string> = {
  new: 'blue',
  question: 'orange',
  dismissed: 'gray',
  converted: 'teal',
};

/** The groups' messages, newest first: what the public asked is marked, set aside or made a request. */
export function MessengerInboxPage({ me }: { me: SessionUser }) {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const [filters, setFilters] = useState({
    groupId: typeof search.group === 'string' ? search.group : '',
    status: '',
    fromPublic: 'true',
  });
  const [offset, setOffset] = useState(0);
  const set = (patch: Partial<typeof filters>) => {
    setFilters({ ...filters, ...patch });
    setOffset(0);
  };
  const groups = useApiQuery(messengerApi.groups, {});
  const list = useApiQuery(messengerApi.messages, {
    query: { ...filterQuery(messengerApi.messages, filters), limit: LIMIT, offset },
  });
  return (
    <Stack>
      <Title order={2}>{t('messenger.inbox')}</Title>
      <Group align="flex-end">
        <Select
          label={t('messenger.group')}
          placeholder={t('messenger.allGroups')}
          data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
          clearable
          value={filters.groupId || null}
          onChange={(v) => set({ groupId: v ?? '' })}
          w={260}
        />
        <Select
          label={t('messenger.status')}
          data={enumOptions(t, 'messageStatus', MESSAGE_STATUSES)}
          clearable
          value={filters.status || null}
          onChange={(v) => set({ status: v ?? '' })}
          w={180}
        />
        <Checkbox
          label={t('messenger.fromPublic')}
          checked={filters.fromPublic === 'true'}
          onChange={(e) => set({ fromPublic: e.currentTarget.checked ? 'true' : '' })}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('messenger.redactedNote')}
      </Text>
      <ErrorAlert error={list.error ?? groups.error} />
      {list.data?.items.length === 0 && <Text c="dimmed">{t('messenger.inboxNone')}</Text>}
      {list.data?.items.map((m) => (
        <MessageCard key={m.id} message={m} manage={can(me, 'intake.manage')} />
      ))}
      <Pager offset={offset} limit={LIMIT} total={list.data?.total ?? 0} onChange={setOffset} />
      <Anchor component={Link} to="/messenger" size="sm">
        {t('messenger.title')}
      </Anchor>
    </Stack>
  );
}

function MessageCard({ message: m, manage }: { message: MessengerMessage; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const [making, setMaking] = useState<'request' | 'consultation' | null>(null);
  const mark = useApiMutation(messengerApi.mark, {
    invalidates: [messengerApi.messages, messengerApi.groups],
  });
  const setStatus = (status: 'new' | 'question' | 'dismissed') =>
    mark.mutate({ params: { id: m.id }, body: { version: m.version, status } });
  const writer =
    m.authorName ??
    (m.authorOrdinal !== null ? t('messenger.writerNumber', { ordinal: m.authorOrdinal }) : '—');
  const open = m.status !== 'converted' && m.kind === 'message';
  return (
    <Paper withBorder p="sm" data-testid="inbox-message">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" fw={600}>
            <bdi>{writer}</bdi>
            {m.authorRole && (
              <Text span size="xs" c="dimmed">
                {' · '}
                {t(`enums.authorRole.${m.authorRole}`)}
              </Text>
            )}
          </Text>
          <Group gap={4}>
            {m.looksLikeQuestion && m.status === 'new' && (
              <Badge variant="outline" color="orange" size="sm">
                {t('messenger.looksLikeQuestion')}
              </Badge>
            )}
            <Badge color={STATUS_COLOURS[m.status]} size="sm" data-testid="message-status">
              {t(`enums.messageStatus.${m.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          <bdi>{m.groupName}</bdi> · <bdi>{dateTime(i18n.language, m.sentAt)}</bdi>
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="message-text">
          {m.kind === 'media' ? <i>{t('messenger.media')}</i> : <bdi>{m.text}</bdi>}
        </Text>
        {m.caseId && (
          <CaseLink id={m.caseId}>
            <span data-testid="message-case">{t('messenger.consultationCase')}</span>
          </CaseLink>
        )}
        {m.intakeId && (
          <IntakeLink id={m.intakeId}>
            <span data-testid="message-request">{t('messenger.request')}</span>
          </IntakeLink>
        )}
        <ErrorAlert error={mark.error} />
        {manage && open && !making && (
          <Group gap="xs">
            {m.status !== 'question' && (
              <Button
                size="xs"
                variant="light"
                onClick={() => setStatus('question')}
                data-testid="mark-question"
              >
                {t('messenger.markQuestion')}
              </Button>
            )}
            {m.status !== 'dismissed' ? (
              <Button size="xs" variant="subtle" color="gray" onClick={() => setStatus('dismissed')}>
                {t('messenger.dismiss')}
              </Button>
            ) : (
              <Button size="xs" variant="subtle" onClick={() => setStatus('new')}>
                {t('messenger.backToNew')}
              </Button>
            )}
            <Button size="xs" onClick={() => setMaking('request')} data-testid="make-request">
              {t('messenger.makeRequest')}
            </Button>
            <Button
              size="xs"
              variant="light"
              onClick={() => setMaking('consultation')}
              data-testid="record-consultation"
            >
              {t('messenger.recordConsultation')}
            </Button>
          </Group>
        )}
        {making === 'request' && <MessageToRequest message={m} onCancel={() => setMaking(null)} />}
        {making === 'consultation' && <MessageToConsultation message={m} onCancel={() => setMaking(null)} />}
      </Stack>
    </Paper>
  );
}
