import { readFileSync } from 'node:fs';
import { LEGAL_PROBLEMS, type Locale } from '@komek/domain';

/**
 * The legal problems' names as the app's catalogues word them, so the public form and the staff's
 * screens call a topic the same thing; read once from the web app's catalogue files.
 */
const names = new Map<Locale, Record<string, string>>();

export function topicNames(locale: Locale): Array<{ value: string; label: string }> {
  let catalogue = names.get(locale);
  if (!catalogue) {
    const url = new URL(`../../../web/src/i18n/locales/${locale}.json`, import.meta.url);
    catalogue = (JSON.parse(readFileSync(url, 'utf8')) as { enums: { problem: Record<string, string> } })
      .enums.problem;
    names.set(locale, catalogue);
  }
  return LEGAL_PROBLEMS.map((p) => ({ value: p, label: catalogue[p] ?? p }));
}
