import { isLocale, LANGUAGE_NAMES, LOCALES, type Locale, pickLocale, RTL_LOCALES } from '@komek/domain';
import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

export { LANGUAGE_NAMES };

const STORAGE_KEY = 'komek.locale';
// Readers of Kyrgyz, Kazakh, Uzbek and Tajik screens in this field read Russian before English.
const FALLBACKS = {
  ky: ['ru', 'en'],
  kk: ['ru', 'en'],
  uz: ['ru', 'en'],
  tg: ['ru', 'en'],
  'fa-AF': ['en'],
  default: ['en'],
};

function countKeys(node: unknown): number {
  if (typeof node !== 'object' || node === null) return 1;
  return Object.values(node).reduce<number>((sum, child) => sum + countKeys(child), 0);
}
const englishKeys = countKeys(en);

/** Share of the English catalogue a locale translates; below 1 the UI says so. */
export function translationCoverage(locale: Locale): number {
  return countKeys(i18n.getResourceBundle(locale, 'translation') ?? {}) / englishKeys;
}

export function storedLocale(): Locale | null {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : null;
}

function applyDocumentLanguage(locale: string) {
  document.documentElement.lang = locale;
  document.documentElement.dir = (RTL_LOCALES as readonly string[]).includes(locale) ? 'rtl' : 'ltr';
}

export async function changeLocale(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale);
  await i18n.changeLanguage(locale);
}

i18n.on('languageChanged', applyDocumentLanguage);

// English is in the first download; every other catalogue is its own file, fetched when chosen
// (and precached by the service worker, so choosing one offline still works).
export const i18nReady = i18n
  .use(initReactI18next)
  .use(resourcesToBackend((locale: string) => import(`./locales/${locale}.json`)))
  .init({
    resources: { en: { translation: en } },
    partialBundledLanguages: true,
    lng: storedLocale() ?? pickLocale(navigator.languages.join(','), 'ru'),
    supportedLngs: [...LOCALES],
    fallbackLng: FALLBACKS,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
applyDocumentLanguage(i18n.language);

export default i18n;
