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

/** The birth-date reasons `compare` gives, as outcome codes. */
export const BIRTH_OUTCOME: Record<string, MatchOutcome> = {
  'dob missing': 'missing',
  'same date of birth': 'same_date',
  'same birth month': 'same_month',
  'same birth year': 'same_year',
  'different birth day': 'different_day',
  'different birth month': 'different_month',
  'different birth month and day': 'different_month_day',
  'day and month swapped': 'day_month_swapped',
  'birth year one apart': 'year_one_apart',
  'birth year one apart, same day': 'year_one_apart_same_day',
  'birth year one apart, another day': 'year_one_apart_other_day',
  'birth years a few apart': 'years_few_apart',
  'different birth year': 'different_year',
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
