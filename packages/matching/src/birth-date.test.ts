import { describe, expect, it } from 'vitest';
import { gregorianText, isBirthDateText, parseBirthDate } from './birth-date.ts';

describe('dates of birth as the region writes them', () => {
  it('reads Gregorian dates whole or in part', () => {
    expect(parseBirthDate('1984-03-02')).toEqual({ year: 1984, month: 3, day: 2, yearSpan: 0 });
    expect(parseBirthDate('1984-03')).toEqual({ year: 1984, month: 3, day: 0, yearSpan: 0 });
    expect(parseBirthDate('1984')).toEqual({ year: 1984, month: 0, day: 0, yearSpan: 0 });
    expect(parseBirthDate('')).toEqual({ year: 0, month: 0, day: 0, yearSpan: 0 });
    expect(parseBirthDate('unknown').year).toBe(0);
  });
  it('converts Solar Hijri dates from Afghan documents, in any digits', () => {
    // 1 Hamal 1370 is 21 March 1991; the last day of 1403 is 20 March 2025.
    expect(parseBirthDate('1370/01/01')).toEqual({ year: 1991, month: 3, day: 21, yearSpan: 0 });
    expect(parseBirthDate('۱۳۷۰/۰۱/۰۱')).toEqual({ year: 1991, month: 3, day: 21, yearSpan: 0 });
    expect(parseBirthDate('1403-12-30')).toEqual({ year: 2025, month: 3, day: 20, yearSpan: 0 });
    expect(parseBirthDate('1370/10/11').year).toBe(1992);
  });
  it('lets a Solar Hijri year alone stand for both Gregorian years it overlaps', () => {
    expect(parseBirthDate('1370')).toEqual({ year: 1991, month: 0, day: 0, yearSpan: 1 });
    expect(parseBirthDate('١٣٧٠')).toEqual({ year: 1991, month: 0, day: 0, yearSpan: 1 });
  });
  it('refuses dates that do not exist', () => {
    expect(parseBirthDate('1370/07/31').year).toBe(0);
    expect(isBirthDateText('1370/07/31')).toBe(false);
    expect(isBirthDateText('1370/06/31')).toBe(true);
    expect(isBirthDateText('1984-13-01')).toBe(false);
    expect(isBirthDateText('1984/03/02')).toBe(false);
    expect(isBirthDateText('1370')).toBe(true);
    expect(isBirthDateText('1984-03')).toBe(true);
  });
});

describe('Gregorian text', () => {
  it('writes a converted date in the form the registration check compares', () => {
    expect(gregorianText('1370/01/01')).toBe('1991-03-21');
    expect(gregorianText('1370')).toBe('1991');
    expect(gregorianText('1984-03')).toBe('1984-03');
    expect(gregorianText('')).toBeNull();
  });
});
