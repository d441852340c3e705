import { HELP_TOPICS, type HelpArticle, helpApi, zHelpArticleInput } from '@komek/domain';
import { Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, unplacedError } from '../../app/api.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { CountrySelect } from './CountrySelect.tsx';
import { WordingFields, type Wordings, writtenOnly } from './WordingFields.tsx';

const VIEWS = [helpApi.articles];

/** Writes a new article, or edits one (which makes it a draft again until it is reviewed). */
export function ArticleEditor({ article, onDone }: { article?: HelpArticle; onDone: () => void }) {
  const { t } = useTranslation();
  const [countryCode, setCountry] = useState<string>(article?.countryCode ?? 'KG');
  const [topic, setTopic] = useState<string>(article?.topic ?? '');
  const [checkedOn, setCheckedOn] = useState(article?.checkedOn ?? new Date().toISOString().slice(0, 10));
  const [texts, setTexts] = useState<Wordings>(article?.texts ?? {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useApiMutation(helpApi.createArticle, { invalidates: VIEWS, onSuccess: onDone });
  const update = useApiMutation(helpApi.updateArticle, { invalidates: VIEWS, onSuccess: onDone });
  const failed = create.error ?? update.error;
  const save = () => {
    const body = { countryCode, topic, checkedOn, texts: writtenOnly(texts) };
    const checked = validateWith(zHelpArticleInput, body);
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    const onError = (error: unknown) => setErrors(fieldErrors(error));
    if (article)
      update.mutate(
        { params: { id: article.id }, body: { ...checked.data, version: article.version } },
        { onError },
      );
    else create.mutate({ body: checked.data }, { onError });
  };
  return (
    <Paper withBorder p="md" data-testid="article-editor">
      <Stack gap="xs">
        <Group align="flex-start">
          <CountrySelect value={countryCode} onChange={setCountry} />
          <Select
            label={t('helpContent.topic')}
            data={enumOptions(t, 'helpTopic', HELP_TOPICS)}
            value={topic || null}
            error={errors.topic}
            onChange={(v) => setTopic(v ?? '')}
            w={280}
          />
          <TextInput
            label={t('helpContent.checkedOn')}
            type="date"
            value={checkedOn}
            error={errors.checkedOn}
            onChange={(e) => setCheckedOn(e.currentTarget.value)}
            w={180}
          />
        </Group>
        <WordingFields value={texts} onChange={setTexts} errors={errors} />
        <ErrorAlert error={unplacedError(failed)} />
        <Group>
          <Button onClick={save} loading={create.isPending || update.isPending} data-testid="save-article">
            {t('common.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
