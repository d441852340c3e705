import { LOCALES, type Locale } from '@komek/domain';
import { Badge, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';

export type Wordings = Partial<Record<Locale, { title: string; body: string }>>;

/** The languages written, as the API takes them: a language left empty is not sent. */
export const writtenOnly = (texts: Wordings) =>
  Object.fromEntries(Object.entries(texts).filter(([, w]) => w && (w.title.trim() || w.body.trim())));

/** A title and a text in each of the seven languages, a tab each; the languages written are marked. */
export function WordingFields({
  value,
  onChange,
  errors,
  bodyRows = 8,
}: {
  value: Wordings;
  onChange: (next: Wordings) => void;
  errors: Record<string, string>;
  bodyRows?: number;
}) {
  const { t, i18n } = useTranslation();
  const first = (LOCALES as readonly string[]).includes(i18n.language) ? i18n.language : 'en';
  const set = (locale: Locale, part: 'title' | 'body', text: string) =>
    onChange({ ...value, [locale]: { title: '', body: '', ...value[locale], [part]: text } });
  return (
    <>
      {errors.texts && (
        <Text c="red" size="sm" role="alert">
          {errors.texts}
        </Text>
      )}
      <Tabs defaultValue={first} keepMounted={false}>
        <Tabs.List>
          {LOCALES.map((l) => (
            <Tabs.Tab
              key={l}
              value={l}
              rightSection={
                value[l]?.title || value[l]?.body ? (
                  <Badge size="xs" variant="light" aria-label={t('helpContent.written')}>
                    ✓
                  </Badge>
                ) : undefined
              }
            >
              {LANGUAGE_NAMES[l]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {LOCALES.map((l) => (
          <Tabs.Panel key={l} value={l} pt="xs" dir={l === 'fa-AF' ? 'rtl' : 'ltr'} lang={l}>
            <TextInput
              label={t('helpContent.titleIn', { language: LANGUAGE_NAMES[l] })}
              value={value[l]?.title ?? ''}
              error={errors[`texts.${l}.title`]}
              onChange={(e) => set(l, 'title', e.currentTarget.value)}
            />
            <Textarea
              label={t('helpContent.textIn', { language: LANGUAGE_NAMES[l] })}
              autosize
              minRows={bodyRows}
              value={value[l]?.body ?? ''}
              error={errors[`texts.${l}.body`]}
              onChange={(e) => set(l, 'body', e.currentTarget.value)}
            />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
