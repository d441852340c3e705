/**
 * Statutory time limits as calendar arithmetic on ISO dates (YYYY-MM-DD), free of clocks and
 * time zones: a limit runs in days of the country where the authority sits, and "today" in that
 * country is supplied by the caller (see `todayIn`).
 */

export const TIME_UNITS = ['calendar_days', 'working_days', 'months'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface TimeLimit {
  amount: number;
  unit: TimeUnit;
  /**
   * When the last day of a limit counted in calendar days or months falls on a weekend or public
   * holiday, it moves to the next working day — the usual rule of the civil and administrative
   * procedure codes of the region. A template can switch it off for a step where the law says so.
   */
  rollToWorkingDay?: boolean;
}

/** Public holidays and, where a government moves a rest day, Saturdays made working days. */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workingWeekends?: ReadonlySet<string>;
}

/** Bishkek is UTC+6; Almaty, Tashkent, Dushanbe and Ashgabat are UTC+5. */
export const COUNTRY_TIME_ZONES: Record<string, string> = {
  KG: 'Asia/Bishkek',
  KZ: 'Asia/Almaty',
  UZ: 'Asia/Tashkent',
  TJ: 'Asia/Dushanbe',
  TM: 'Asia/Ashgabat',
};

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

export function isWorkingDay(iso: string, calendar: WorkCalendar): boolean {
  if (calendar.holidays.has(iso)) return false;
  const weekday = toDate(iso).getUTCDay();
  if (weekday === 0 || weekday === 6) return calendar.workingWeekends?.has(iso) ?? false;
  return true;
}

export function nextWorkingDay(iso: string, calendar: WorkCalendar): string {
  let day = iso;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}

/** Same day of the month `months` later; a day the month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return toIso(new Date(Date.UTC(year, month, Math.min(d, last))));
}

/**
 * The last day to act, counting from the day after `start` (the trigger day itself is not
 * counted). Working days skip weekends and holidays; calendar days and months may roll forward.
 */
export function dueDate(start: string, limit: TimeLimit, calendar: WorkCalendar): string {
  if (limit.unit === 'working_days') {
    let day = start;
    let left = limit.amount;
    while (left > 0) {
      day = addDays(day, 1);
      if (isWorkingDay(day, calendar)) left--;
    }
    return day;
  }
  const end = limit.unit === 'months' ? addMonths(start, limit.amount) : addDays(start, limit.amount);
  return limit.rollToWorkingDay === false ? end : nextWorkingDay(end, calendar);
}

/** The calendar day it is now in a country, which decides what is overdue there. */
export function todayIn(countryCode: string, now: Date = new Date()): string {
  const timeZone = COUNTRY_TIME_ZONES[countryCode] ?? 'UTC';
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
}
