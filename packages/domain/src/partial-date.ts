import { z } from 'zod';

/** A date known to the day, the month or the year: "1987-03-14", "1987-03" or "1987". */
export const zPartialDate = z
  .string()
  .refine((value) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value), {
    params: { code: 'partial_date_format' },
    abort: true,
  })
  .refine((value) => isRealPartialDate(value), { params: { code: 'not_real_date' } })
  .refine((value) => value.slice(0, 4) >= '1900' && startOf(value) <= new Date(), {
    params: { code: 'birth_date_range' },
  });

export type BirthPrecision = 'exact' | 'month' | 'year' | 'estimated';

export function isRealPartialDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined) {
    const date = new Date(Date.UTC(y!, m! - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
  }
  return true;
}

/** The first day of the period a partial date names (used for storage and age). */
export function startOf(value: string): Date {
  const [y, m = 1, d = 1] = value.split('-').map(Number);
  return new Date(Date.UTC(y!, m - 1, d));
}

export function precisionOf(value: string): BirthPrecision {
  return value.length === 10 ? 'exact' : value.length === 7 ? 'month' : 'year';
}

/** Renders a stored date at the precision it was known. */
export function formatPartialDate(isoDate: string, precision: BirthPrecision): string {
  if (precision === 'month') return isoDate.slice(0, 7);
  if (precision === 'year' || precision === 'estimated') return isoDate.slice(0, 4);
  return isoDate.slice(0, 10);
}

export function ageOn(birth: string, on: Date = new Date()): number {
  const b = startOf(birth);
  let age = on.getUTCFullYear() - b.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < b.getUTCMonth() ||
    (on.getUTCMonth() === b.getUTCMonth() && on.getUTCDate() < b.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}
