import { describe, expect, it } from 'vitest';
import { decidableCeiling, lookAlikeCeiling, type NormalisedView } from './linkage-ceiling.ts';

const v = (date: string, extra: Partial<NormalisedView> = {}): NormalisedView => {
  const [year = 0, month = 0, day = 0] = date ? date.split('-').map(Number) : [];
  return {
    key: 'aziz|karimov',
    family: 'karimov',
    patronymic: '',
    sex: 'm',
    year,
    month,
    day,
    yearSpan: 0,
    ...extra,
  };
};

describe('the decidable ceiling', () => {
  it('counts a pick among records identical to a counterpart', () => {
    const left = [v('1990-05-03')];
    const right = [v('1990-05-03'), v('1990-05-03')];
    expect(decidableCeiling(left, right, [0]).lost).toBe(1);
    expect(decidableCeiling(left, right, [0]).f1).toBeCloseTo(0.5);
  });

  it('counts records that look the same from the other side though not identical', () => {
    // A year alone cannot tell two dates of that year apart; a missing date, any date.
    const right = [v('1990-05-03'), v('1990-07-08'), v('1985-01-02')];
    expect(decidableCeiling([v('1990')], right, [0]).alike).toBe(0);
    expect(lookAlikeCeiling([v('1990')], right, [0]).f1).toBeCloseTo(0.5);
    expect(lookAlikeCeiling([v('')], right, [0]).f1).toBeCloseTo(1 / 3);
    // A full date tells them apart, and so does a father's name the namesake does not share.
    expect(lookAlikeCeiling([v('1990-05-03')], right, [0]).f1).toBe(1);
    expect(
      lookAlikeCeiling(
        [v('1990', { patronymic: 'aziz' })],
        [v('1990-05-03', { patronymic: 'aziz' }), v('1990-07-08', { patronymic: 'bakyt' })],
        [0],
      ).f1,
    ).toBe(1);
  });

  it('looks from the right as well, and leaves a pair that disagrees somewhere as decidable', () => {
    const left = [v('1990-05-03'), v('1990-07-08')];
    expect(lookAlikeCeiling(left, [v('1990')], [0, -1]).f1).toBeCloseTo(0.5);
    expect(lookAlikeCeiling([v('1991')], [v('1990-05-03'), v('1991-01-01')], [0]).f1).toBe(1);
  });

  it('reads a Solar Hijri year alone as two Gregorian years', () => {
    const left = [v('1965', { yearSpan: 1 })];
    expect(lookAlikeCeiling(left, [v('1966-03-01'), v('1966-08-01')], [0]).f1).toBeCloseTo(0.5);
  });
});
