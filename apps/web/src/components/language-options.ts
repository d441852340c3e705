import { CONSULTATION_LANGUAGES } from '@komek/domain';

/**
 * Languages named in the reader's language, by the browser's language data; where it has no
 * names in Kyrgyz, Kazakh, Uzbek or Tajik, in Russian, as the interface falls back.
 */
const namesIn = (locale: string) =>
  new Intl.DisplayNames([locale, ...(locale === 'en' || locale === 'fa-AF' ? [] : ['ru']), 'en'], {
    type: 'language',
  });

/** One language's name for the reader; the code itself if the browser knows no name. */
export const languageName = (code: string, locale: string) => namesIn(locale).of(code) ?? code;

/** The consultation languages, and any other codes a record holds, as options named for the reader. */
export function languageOptions(locale: string, alsoHeld: readonly string[] = []) {
  const names = namesIn(locale);
  const codes = [
    ...CONSULTATION_LANGUAGES,
    ...alsoHeld.filter((c) => !(CONSULTATION_LANGUAGES as readonly string[]).includes(c)),
  ];
  return codes.map((code) => ({ value: code, label: names.of(code) ?? code }));
}
