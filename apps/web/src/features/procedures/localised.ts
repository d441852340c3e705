const FALLBACK: Record<string, string[]> = { ky: ['ru'], kk: ['ru'], uz: ['ru'], tg: ['ru'] };

/** A name stored in several languages, in the reader's, else the one they read next. */
export function localisedName(names: Record<string, string>, language: string): string {
  for (const l of [language, ...(FALLBACK[language] ?? []), 'en', 'ru']) if (names[l]) return names[l];
  return Object.values(names)[0] ?? '';
}
