import { describe, expect, it } from 'vitest';
import { birthDateWords, letterDate } from './document-words.ts';

describe('dates in letters', () => {
  it('writes the letter’s date as each language dates a letter', () => {
    expect(letterDate('2026-12-01', 'en')).toBe('1 December 2026');
    expect(letterDate('2026-12-01', 'ru')).toBe('1 декабря 2026 г.');
    expect(letterDate('2026-12-01', 'ky')).toBe('2026-жылдын 1-декабры');
    expect(letterDate('2026-03-08', 'kk')).toBe('2026 жылғы 8 наурыз');
    expect(letterDate('2026-06-15', 'uz')).toBe('2026-yil 15-iyun');
  });

  it('writes a date of birth day first, to the precision it is known', () => {
    expect(birthDateWords('1990-03-14', 'ru')).toBe('14.03.1990');
    expect(birthDateWords('1990-03', 'ky')).toBe('03.1990');
    expect(birthDateWords('1990', 'uz')).toBe('1990');
    expect(birthDateWords('1990-03-04', 'en')).toBe('4 March 1990');
    expect(birthDateWords('1990-03', 'en')).toBe('March 1990');
  });
});
