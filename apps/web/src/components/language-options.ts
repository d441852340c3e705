import { CONSULTATION_LANGUAGES } from '@komek/domain';

/**
 * Each language named in the reader's language, by the browser's language data; where it has no
 * names in Kyrgyz, Kazakh, Uzbek or Tajik, in Russian, as the interface falls back.
 */
export function languageOptions(locale: string) {
  const names = new Intl.DisplayNames(
    [locale, ...(locale === 'en' || locale === 'fa-AF' ? [] : ['ru']), 'en'],
    {
      type: 'language',
    },
  );
  return CONSULTATION_LANGUAGES.map((code) => ({ value: code, label: names.of(code) ?? code }));
}
