import { casesApi, resultsApi, type SessionUser, type Story } from '@komek/domain';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const STORY_VIEWS = [resultsApi.stories];

function StoryCard({ story, user }: { story: Story; user: SessionUser }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(story.body);
  const review = useApiMutation(resultsApi.updateStory, { invalidates: STORY_VIEWS });
  const approve = useApiMutation(resultsApi.approveStory, { invalidates: STORY_VIEWS });
  const error = review.error ?? approve.error;
  const params = { id: story.id };
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between">
        <Text fw={600}>{story.title}</Text>
        <Group gap={4}>
          <Badge>{t(`results.storyStatus.${story.status}`)}</Badge>
          <Badge color={story.consentToPublish ? 'green' : 'orange'} variant="light">
            {story.consentToPublish ? t('results.consentYes') : t('results.consentNo')}
          </Badge>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {story.caseNumber} · {story.tags.join(' · ')}
      </Text>
      <ErrorAlert error={error} />
      {story.status === 'approved' ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {story.body}
        </Text>
      ) : (
        <Stack gap={4}>
          <Textarea autosize minRows={3} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
          <Group justify="flex-end">
            {can(user, 'results.manage') && (
              <Button
                size="xs"
                variant="default"
                loading={review.isPending}
                onClick={() =>
                  review.mutate({ params, body: { version: story.version, body, status: 'in_review' } })
                }
              >
                {t('results.sendForReview')}
              </Button>
            )}
            {can(user, 'story.approve') && (
              <Button
                size="xs"
                disabled={!story.consentToPublish}
                loading={approve.isPending}
                onClick={() => approve.mutate({ params, body: { version: story.version } })}
              >
                {t('results.approve')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

/** Stories of cases that ended well, stripped of who was in them, reviewed, and published with consent. */
export function StoriesPanel({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [caseId, setCaseId] = useState<string | null>(null);
  const list = useApiQuery(resultsApi.stories, { query: {} });
  const closed = useApiQuery(
    casesApi.list,
    { query: { status: 'closed', limit: 100 } },
    { enabled: can(user, 'case.read') && can(user, 'results.manage') },
  );
  const draft = useApiMutation(resultsApi.draftStory, {
    invalidates: STORY_VIEWS,
    onSuccess: () => setCaseId(null),
  });
  const error = list.error ?? draft.error;
  const WON = [
    'nationality_acquired',
    'nationality_confirmed',
    'document_issued',
    'status_granted',
    'residence_permit_granted',
    'appeal_won',
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>{t('results.stories')}</Title>
        <Anchor href={urlOf(resultsApi.exportStories, {})} target="_blank">
          {t('results.exportStories')}
        </Anchor>
      </Group>
      {can(user, 'results.manage') && (
        <Group align="flex-end">
          <Select
            label={t('results.fromCase')}
            w={360}
            searchable
            data={(closed.data?.items ?? [])
              .filter((c) => c.outcome && WON.includes(c.outcome))
              .map((c) => ({ value: c.id, label: `${c.caseNumber} — ${t(`enums.outcome.${c.outcome}`)}` }))}
            value={caseId}
            onChange={setCaseId}
          />
          <Button
            disabled={!caseId}
            loading={draft.isPending}
            onClick={() => caseId && draft.mutate({ body: { caseId } })}
          >
            {t('results.draftStory')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} />
      {list.data?.items.map((s) => (
        <StoryCard key={`${s.id}-${s.version}`} story={s} user={user} />
      ))}
    </Stack>
  );
}
