import type { DobLevel } from './model.ts';

/**
 * What a comparison found, field by field, as codes each screen words in its language (the API
 * schema lists the same codes): the field, the outcome, and its weight in bits (log2 m/u).
 */
export const MATCH_FIELDS = [
  'family',
  'given',
  'father_as_family',
  'order',
  'patronymic',
  'sex',
  'birth',
] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

export const MATCH_OUTCOMES = [
  // Names
  'exact',
  'slip',
  'close',
  'near',
  'disagree',
  'missing',
  'swapped',
  // Sex
  'same',
  'different',
  // Birth dates
  'same_date',
  'same_month',
  'same_year',
  'different_day',
  'different_month',
  'different_month_day',
  'day_month_swapped',
  'year_one_apart',
  'year_one_apart_same_day',
  'year_one_apart_other_day',
  'years_few_apart',
  'different_year',
] as const;
export type MatchOutcome = (typeof MATCH_OUTCOMES)[number];

export interface Finding {
  field: MatchField;
  outcome: MatchOutcome;
  bits: number;
}

/** Each birth-date level as the outcome code screens word (both kinds of "different month" are one). */
export const BIRTH_OUTCOME: Record<DobLevel, MatchOutcome> = {
  missing: 'missing',
  exact: 'same_date',
  monthYear: 'same_month',
  yearOnly: 'same_year',
  dayDiff: 'different_day',
  monthDiff: 'different_month',
  monthDiffPartial: 'different_month',
  monthDayDiff: 'different_month_day',
  daySwap: 'day_month_swapped',
  yearOff1: 'year_one_apart',
  yearOff1SameDay: 'year_one_apart_same_day',
  yearOff1Differs: 'year_one_apart_other_day',
  yearOffFew: 'years_few_apart',
  disagree: 'different_year',
};

const FIELD_TEXT: Record<MatchField, string> = {
  family: 'family name',
  given: 'given name',
  father_as_family: "family name as father's name",
  order: 'names',
  patronymic: 'patronymic',
  sex: 'sex',
  birth: 'birth date',
};

/** English, for the command line: `given name exact +5.1`. */
export function findingText(f: Finding): string {
  const bits = `${f.bits >= 0 ? '+' : '−'}${Math.abs(f.bits).toFixed(1)}`;
  return `${FIELD_TEXT[f.field]} ${f.outcome.replace(/_/g, ' ')} ${bits}`;
}
