/**
 * A month's short name in the reader's language, always of the Gregorian calendar: the data are
 * Gregorian, and Dari's default calendar would relabel January as جدی, a solar month.
 */
export const monthLabel = (locale: string, year: number, month: number) =>
  new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC', calendar: 'gregory' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
