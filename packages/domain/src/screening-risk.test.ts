import { describe, expect, it } from 'vitest';
import type { ScreeningAnswers } from './screening.schema.ts';
import { SCREENING_INDICATORS } from './screening.schema.ts';
import { scoreScreening } from './screening-risk.ts';

const answers = (yes: string[], unknown: string[] = []): ScreeningAnswers =>
  Object.fromEntries(
    SCREENING_INDICATORS.map((i) => [i, yes.includes(i) ? 'yes' : unknown.includes(i) ? 'unknown' : 'no']),
  ) as ScreeningAnswers;

describe('screening risk', () => {
  it('is high with two strong indicators of control, and says so', () => {
    const r = scoreScreening(answers(['documents_withheld', 'debt_bondage', 'pregnancy']));
    expect(r).toMatchObject({ level: 'high', rule: 'two_strong_indicators', score: 7 });
    expect(r.reasons).toEqual([
      { indicator: 'debt_bondage', weight: 3 },
      { indicator: 'documents_withheld', weight: 3 },
      { indicator: 'pregnancy', weight: 1 },
    ]);
  });

  it('is high when deception and exploitative work add up to the threshold with one strong indicator', () => {
    const r = scoreScreening(answers(['recruitment_deception', 'movement_restricted']));
    expect(r).toMatchObject({ level: 'high', rule: 'trafficking_score', score: 5 });
  });

  it('is high for an unaccompanied child with any indicator, even smuggling alone', () => {
    expect(scoreScreening(answers(['unaccompanied_child', 'crossing_arranged']))).toMatchObject({
      level: 'high',
      rule: 'child_with_indicator',
    });
  });

  it('is medium for smuggling alone, or for vulnerability without an indicator of trafficking', () => {
    expect(scoreScreening(answers(['crossing_arranged']))).toMatchObject({
      level: 'medium',
      rule: 'some_indicator',
    });
    expect(scoreScreening(answers(['pregnancy', 'serious_illness']))).toMatchObject({
      level: 'medium',
      rule: 'vulnerable',
      score: 2,
    });
  });

  it('is low with one mild vulnerability, and lists what is still unknown', () => {
    const r = scoreScreening(answers(['disability'], ['debt_bondage', 'movement_restricted']));
    expect(r).toMatchObject({ level: 'low', rule: 'none', score: 1 });
    expect(r.unknown).toEqual(['debt_bondage', 'movement_restricted']);
  });

  it('does not count unknown answers towards the level', () => {
    const r = scoreScreening(answers([], [...SCREENING_INDICATORS]));
    expect(r).toMatchObject({ level: 'low', score: 0, reasons: [] });
  });
});
