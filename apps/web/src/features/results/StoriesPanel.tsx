import type { Case, SessionUser } from '@komek/domain';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

interface Story {
  id: string;
  caseNumber: string;
  title: string;
  body: string;
  tags: string[];
  status: string;
  consentToPublish: boolean;
  approvedBy: string | null;
  version: number;
}

function StoryCard({ story, user, onChange }: { story: Story; user: SessionUser; onChange: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(story.body);
  const [error, setError] = useState<unknown>(null);
  const act = async (path: string, method: string, payload: object) => {
    try {
      await api(path, { method, body: payload });
      setError(null);
      onChange();
    } catch (e) {
      setError(e);
    }
  };
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
                onClick={() =>
                  act(`/stories/${story.id}`, 'PATCH', { version: story.version, body, status: 'in_review' })
                }
              >
                {t('results.sendForReview')}
              </Button>
            )}
            {can(user, 'story.approve') && (
              <Button
                size="xs"
                disabled={!story.consentToPublish}
                onClick={() => act(`/stories/${story.id}/approve`, 'POST', { version: story.version })}
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
  const [error, setError] = useState<unknown>(null);
  const list = useQuery({ queryKey: ['stories'], queryFn: () => api<{ items: Story[] }>('/stories') });
  const closed = useQuery({
    queryKey: ['cases', 'closed-for-stories'],
    queryFn: () => api<{ items: Case[] }>('/cases?status=closed&limit=100'),
    enabled: can(user, 'case.read') && can(user, 'results.manage'),
  });
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
        <Anchor href="/api/stories/export" target="_blank">
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
            onClick={async () => {
              try {
                await api('/stories', { method: 'POST', body: { caseId } });
                setCaseId(null);
                setError(null);
                await list.refetch();
              } catch (e) {
                setError(e);
              }
            }}
          >
            {t('results.draftStory')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} />
      {list.data?.items.map((s) => (
        <StoryCard key={`${s.id}-${s.version}`} story={s} user={user} onChange={() => void list.refetch()} />
      ))}
    </Stack>
  );
}
