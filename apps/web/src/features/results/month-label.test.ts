import { describe, expect, it } from 'vitest';
import { monthLabel } from './month-label.ts';

describe('month labels of the results charts', () => {
  it('names Gregorian months in Dari, not the solar months Dari calendars default to', () => {
    expect(monthLabel('fa-AF', 2026, 1)).toBe('جنوری');
    expect(monthLabel('fa-AF', 2026, 1)).not.toBe(
      new Intl.DateTimeFormat('fa-AF', { month: 'short' }).format(new Date(Date.UTC(2026, 0, 15))),
    );
    expect(monthLabel('ru', 2026, 3)).toMatch(/^мар/);
    expect(monthLabel('en', 2026, 12)).toBe('Dec');
  });
});
