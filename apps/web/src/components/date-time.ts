/**
 * Dates and times as the reader's language writes them, in the Gregorian calendar whatever the
 * language (a Dari browser would otherwise show the solar calendar, which the records do not use).
 */
export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  // A browser without Kyrgyz, Kazakh, Uzbek or Tajik data writes them as Russian, as the interface falls back.
  new Intl.DateTimeFormat([locale, ...(locale === 'en' || locale === 'fa-AF' ? [] : ['ru'])], {
    calendar: 'gregory',
    ...options,
  });

/** A moment from the API (ISO text) as a short date and time, in the browser's time zone. */
export const dateTime = (
  locale: string,
  iso: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' },
) => dateTimeFormat(locale, options).format(new Date(iso));

/** A calendar day from the API ("2026-11-02") as the reader's language writes it, never shifted by a time zone. */
export const dateOnly = (locale: string, day: string) =>
  dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
