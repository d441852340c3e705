/** The calendar day of a date column as YYYY-MM-DD; drivers return dates as strings or Date objects. */
export function isoDay(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** Today's date in UTC, the form due dates and birth dates are stored in. */
export const today = () => new Date().toISOString().slice(0, 10);
