/** The calendar day of a date column as YYYY-MM-DD; drivers return dates as strings or Date objects. */
export function isoDay(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** Today's date in UTC, the form due dates and birth dates are stored in. */
export const today = () => new Date().toISOString().slice(0, 10);

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:MM:SS`, no zone) stands for in a time zone: the
 * zone's offset is read at the time taken as UTC, then taken off (the region keeps no summer time).
 */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
const zoneFormat = (timeZone: string) => {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneFormats.set(timeZone, format);
  }
  return format;
};

export function wallClockInstant(local: string, timeZone: string): Date {
  const asUtc = new Date(`${local}Z`);
  const parts = Object.fromEntries(
    zoneFormat(timeZone)
      .formatToParts(asUtc)
      .map((p) => [p.type, p.value]),
  );
  const shown = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
  return new Date(asUtc.getTime() - (shown - asUtc.getTime()));
}
