import { readFileSync } from 'node:fs';
import { LEGAL_PROBLEMS, type Locale } from '@komek/domain';

type Catalogue = { enums: Record<string, Record<string, string>> };
const catalogues = new Map<Locale, Catalogue>();

/**
 * An enumeration's words as the app's catalogues give them (`enums.problem`, `enums.intakeChannel`),
 * so the public site, the reports and the staff's screens call a thing by the same name; each
 * catalogue is read once from the web app's files.
 */
export function enumWords(locale: Locale, group: string): Record<string, string> {
  let catalogue = catalogues.get(locale);
  if (!catalogue) {
    const url = new URL(`../../../web/src/i18n/locales/${locale}.json`, import.meta.url);
    catalogue = JSON.parse(readFileSync(url, 'utf8')) as Catalogue;
    catalogues.set(locale, catalogue);
  }
  return catalogue.enums[group] ?? {};
}

/** The legal problems as the topics a person can choose, in the taxonomy's order. */
export function topicNames(locale: Locale): Array<{ value: string; label: string }> {
  const words = enumWords(locale, 'problem');
  return LEGAL_PROBLEMS.map((p) => ({ value: p, label: words[p] ?? p }));
}
