export const LOCALES = ['en', 'ru', 'ky', 'uz', 'tg', 'kk', 'fa-AF'] as const;
export type Locale = (typeof LOCALES)[number];
export const RTL_LOCALES: readonly Locale[] = ['fa-AF'];

/** Each interface language named in itself, as a reader looks for their own. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  ru: 'Русский',
  ky: 'Кыргызча',
  uz: 'Oʻzbekcha',
  tg: 'Тоҷикӣ',
  kk: 'Қазақша',
  'fa-AF': 'دری',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header. */
export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = 'en'): Locale {
  if (!acceptLanguage) return fallback;
  const wanted = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const exact = LOCALES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const base = tag.split('-')[0];
    if (base === 'fa' || base === 'prs') return 'fa-AF';
    const byBase = LOCALES.find((l) => l === base);
    if (byBase) return byBase;
  }
  return fallback;
}

// Kyrgyz and Kazakh readers of this system read Russian; English is the last resort.
const FALLBACKS: Record<Locale, Locale[]> = {
  en: [],
  ru: ['en'],
  ky: ['ru', 'en'],
  kk: ['ru', 'en'],
  uz: ['ru', 'en'],
  tg: ['ru', 'en'],
  'fa-AF': ['en'],
};

/** The languages to try, in order, for a text missing in the reader's own. */
export const localeChain = (locale: Locale): Locale[] => [locale, ...FALLBACKS[locale]];
