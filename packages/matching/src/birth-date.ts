import { isValidJalaaliDate, toGregorian } from 'jalaali-js';
import { asciiDigits } from './perso-arabic.ts';

/** A date of birth as comparison needs it: 0 where a part is unknown. */
export interface BirthDate {
  year: number;
  month: number;
  day: number;
  /**
   * 1 when only a Solar Hijri year is known: it overlaps two Gregorian years (1370 runs from
   * 21 March 1991 to 20 March 1992), and either may be the one another list wrote.
   */
  yearSpan: 0 | 1;
}

const UNKNOWN: BirthDate = { year: 0, month: 0, day: 0, yearSpan: 0 };

/** Years that are Solar Hijri on Afghan documents: no living person was born in Gregorian 1300–1420. */
export const SOLAR_HIJRI_YEARS = { from: 1300, to: 1420 } as const;
export const isSolarHijriYear = (year: number) =>
  year >= SOLAR_HIJRI_YEARS.from && year <= SOLAR_HIJRI_YEARS.to;

const SHAPE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;

/**
 * Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD` and the same with slashes, in Western, Arabic-Indic or
 * Persian digits; a year from 1300 to 1420 is Solar Hijri and converted. Anything else, or a date
 * that does not exist, is unknown.
 */
export function parseBirthDate(text: string | null | undefined): BirthDate {
  const m = SHAPE.exec(asciiDigits((text ?? '').trim()));
  if (!m) return UNKNOWN;
  const year = Number(m[1]);
  const month = Number(m[2] ?? 0);
  const day = Number(m[3] ?? 0);
  if (month > 12 || day > 31) return UNKNOWN;
  if (!isSolarHijriYear(year)) return { year, month, day, yearSpan: 0 };
  if (month && day) {
    if (!isValidJalaaliDate(year, month, day)) return UNKNOWN;
    const g = toGregorian(year, month, day);
    return { year: g.gy, month: g.gm, day: g.gd, yearSpan: 0 };
  }
  // A Solar Hijri month falls across two Gregorian months; only the year is kept, and Hamal to
  // the 10th of Jadi (months 1–9 and most of 10) fall in the first Gregorian year.
  if (month)
    return { year: year + (month <= 9 ? 621 : 622), month: 0, day: 0, yearSpan: month === 10 ? 1 : 0 };
  return { year: year + 621, month: 0, day: 0, yearSpan: 1 };
}

/** The contract's check for a file column: empty, a Gregorian date as before, or a Solar Hijri one. */
export function isBirthDateText(text: string): boolean {
  const m = SHAPE.exec(asciiDigits(text.trim()));
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2] ?? 0);
  const day = Number(m[3] ?? 0);
  if (m[2] !== undefined && (month < 1 || month > 12)) return false;
  if (m[3] !== undefined && (day < 1 || day > 31)) return false;
  if (isSolarHijriYear(year)) return !day || isValidJalaaliDate(year, month, day);
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text.trim());
}

/** The date as a Gregorian `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a Solar Hijri one converted), or null. */
export function gregorianText(text: string | null | undefined): string | null {
  const d = parseBirthDate(text);
  if (!d.year) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return d.day
    ? `${d.year}-${pad(d.month)}-${pad(d.day)}`
    : d.month
      ? `${d.year}-${pad(d.month)}`
      : `${d.year}`;
}
