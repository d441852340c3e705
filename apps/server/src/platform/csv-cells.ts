/**
 * A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage
 * return at its start) is written with a leading apostrophe, as OWASP advises for CSV exports:
 * a person's name typed as `=HYPERLINK(…)` stays text on the desk that opens the export.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseCell = <T>(value: T): T | string =>
  typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;

export const neutraliseRow = <T>(row: T[]): Array<T | string> => row.map(neutraliseCell);
