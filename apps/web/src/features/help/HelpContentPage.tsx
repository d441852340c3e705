import { type HelpArticle, helpApi, type SessionUser } from '@komek/domain';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { dateTime } from '../../components/date-time.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';
import { ArticleEditor } from './ArticleEditor.tsx';
import { countryOptions } from './CountrySelect.tsx';
import { NoticesPanel } from './NoticesPanel.tsx';

const STATUS_COLOURS = { draft: 'gray', in_review: 'orange', published: 'teal' } as const;

/** What the organisation tells the public on /help: articles written, reviewed and published; notices. */
export function HelpContentPage({ me }: { me: SessionUser }) {
  const { t } = useTranslation();
  const articles = useApiQuery(helpApi.articles, {});
  const [editing, setEditing] = useState<HelpArticle | 'new' | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('helpContent.title')}</Title>
        <Anchor href="/help" target="_blank" data-testid="open-public-site">
          {t('helpContent.openSite')}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {t('helpContent.hint')}
      </Text>
      <ErrorAlert error={articles.error} />
      {editing ? (
        <ArticleEditor article={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
      ) : (
        <Group>
          <Button onClick={() => setEditing('new')} data-testid="new-article">
            {t('helpContent.newArticle')}
          </Button>
        </Group>
      )}
      {articles.data?.items.length === 0 && <Text c="dimmed">{t('helpContent.noArticles')}</Text>}
      {articles.data?.items.map((a) => (
        <ArticleCard key={a.id} article={a} me={me} onEdit={() => setEditing(a)} />
      ))}
      <NoticesPanel me={me} />
    </Stack>
  );
}

function ArticleCard({
  article: a,
  me,
  onEdit,
}: {
  article: HelpArticle;
  me: SessionUser;
  onEdit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const invalidates = [helpApi.articles];
  const submit = useApiMutation(helpApi.submitArticle, { invalidates });
  const publish = useApiMutation(helpApi.publishArticle, { invalidates });
  const withdraw = useApiMutation(helpApi.withdrawArticle, { invalidates });
  const version = { params: { id: a.id }, body: { version: a.version } };
  const title = a.texts[i18n.language as 'en']?.title ?? Object.values(a.texts)[0]?.title ?? '';
  const country = countryOptions(i18n.language, [a.countryCode])[0]!.label;
  const publisher = can(me, 'help.publish');
  return (
    <Paper withBorder p="sm" data-testid="help-article">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>
            <bdi>{title}</bdi>
          </Text>
          <Badge color={STATUS_COLOURS[a.status]} data-testid="article-status">
            {t(`enums.articleStatus.${a.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`enums.helpTopic.${a.topic}`)} · {country} ·{' '}
          {t('helpContent.languages', {
            list: Object.keys(a.texts)
              .map((l) => LANGUAGE_NAMES[l as 'en'])
              .join(', '),
          })}
        </Text>
        {a.published && (
          <Text size="sm">
            {t('helpContent.publishedVersion', {
              version: a.published.version,
              reviewer: a.published.reviewedBy ?? '—',
            })}{' '}
            <bdi>{dateTime(i18n.language, a.published.at)}</bdi> ·{' '}
            <Anchor href={`/help/articles/${a.id}?lang=${i18n.language}`} target="_blank" size="sm">
              {t('helpContent.onSite')}
            </Anchor>
          </Text>
        )}
        {a.status === 'in_review' && a.submittedBy && (
          <Text size="sm">{t('helpContent.submittedBy', { name: a.submittedBy })}</Text>
        )}
        <ErrorAlert error={submit.error ?? publish.error ?? withdraw.error} />
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={onEdit}>
            {t('common.edit')}
          </Button>
          {a.status === 'draft' && (
            <Button size="xs" onClick={() => submit.mutate(version)} data-testid="submit-article">
              {t('helpContent.submit')}
            </Button>
          )}
          {a.status === 'in_review' && publisher && a.submittedById !== me.id && (
            <Button size="xs" onClick={() => publish.mutate(version)} data-testid="publish-article">
              {t('helpContent.publish')}
            </Button>
          )}
          {a.published && publisher && (
            <Button size="xs" variant="subtle" color="red" onClick={() => withdraw.mutate(version)}>
              {t('helpContent.withdraw')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
