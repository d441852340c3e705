import { BIRTH_OUTCOME, type Finding } from './findings.ts';
import type { Frequencies } from './name-frequencies.ts';
import {
  FAMILY_REASON,
  family,
  father,
  GIVEN_REASON,
  given,
  givenAsFamily,
  type NameLevel,
  nameLevel,
  PATRONYMIC_REASON,
  twoNamesALetterApart,
} from './name-level.ts';
import type { PreparedRecord } from './record.ts';

export {
  countNames,
  type Frequencies,
  frequenciesFrom,
  frequenciesOf,
  type NameCounts,
} from './name-frequencies.ts';

/**
 * Fellegi–Sunter comparison. Each field comparison falls into a level; a level's weight is
 * log2(m/u): how much likelier that outcome is for the same person (m) than for two different
 * people (u). Exact name agreement uses the name's own frequency as u, so agreeing on a rare
 * surname counts for more than agreeing on Asanov.
 */
export interface MatchModel {
  /** log2 of the prior odds that a candidate pair is a match. */
  priorLog2: number;
  /** Probability at or above which a pair is judged the same person. */
  matchThreshold: number;
  /** Probability at or above which a pair goes to a person for review. */
  reviewThreshold: number;
  /**
   * Linking two lists that each hold a person once, a pair that is the likeliest for both of its
   * records is judged the same person from this probability on.
   */
  oneToOneThreshold: number;
  name: {
    mExact: number;
    slip: [number, number];
    close: [number, number];
    near: [number, number];
    disagree: [number, number];
    /**
     * Two spellings of one name — a slip of the keyboard, or spelled close with the same
     * consonants and nearly the same length — are as telling as the commoner spelling is rare:
     * Zahra ~ Зуҳро says less than Yasmin ~ Ёсумин, Fatma ~ Fatima less than Beishenaliev ~
     * Beishenaleiv. Each level's [m, u floor]: u is the commoner spelling's share of the records,
     * never below the floor, for a spelling carried by a handful of records is mostly a typo.
     */
    spelled: { slip: [number, number]; close: [number, number] };
  };
  patronymic: { exact: number; close: number; disagree: number };
  sex: { agree: number; disagree: number };
  dob: {
    exact: number;
    monthYear: number;
    yearOnly: number;
    daySwap: number;
    /** Same year and month, another day. */
    dayDiff: number;
    /** Same year and day, another month: one digit of the month mistyped. */
    monthDiff: number;
    /** Same year, month and day both different: two dates, not one mistyped. */
    monthDayDiff: number;
    /** Same year, months differ, a day unknown. */
    monthDiffPartial: number;
    /** Year one off, month and day the same: the commonest slip. */
    yearOff1SameDay: number;
    /** Year one off, month or day unknown on a side. */
    yearOff1: number;
    /** Year one off and month or day different too. */
    yearOff1Differs: number;
    yearOffFew: number;
    disagree: number;
  };
  /**
   * A plainly different given name, when both are names people are given (a sibling's, a twin's),
   * keeps the pair below this probability whatever the other fields say. `link` sets it to the
   * threshold in force, so that it bites for one-to-one linking too.
   */
  distinctNameCeiling: number;
}

const w = (m: number, u: number) => Math.log2(m / u);

/** The chance that two people picked at random were born in the same year. */
const Y = 1 / 60;

/** A level's [m, u]: its chance for the same person, and for two people picked at random. */
export type MU = readonly [m: number, u: number];

/**
 * The levels of the fields other than names, as [m, u]: the defaults, and where estimating per
 * list pair starts (`estimate.ts`).
 */
export const DEFAULT_LEVELS = {
  // A different father's name is strong evidence of a different person (Равшанович ~ Ulugʻbek oʻgʻli).
  patronymic: { exact: [0.8, 0.04], close: [0.12, 0.03], disagree: [0.01, 0.93] },
  sex: { agree: [0.97, 0.5], disagree: [0.03, 0.5] },
  // Against two people picked at random, as the prior is: birth years spread over some sixty
  // years (Y), so sharing a year is already 1 in 60, and a whole date 1 in 22,000.
  dob: {
    exact: [0.9, Y / 365],
    monthYear: [0.92, Y / 12],
    yearOnly: [0.9, Y],
    daySwap: [0.02, Y / 132],
    dayDiff: [0.005, Y / 12],
    monthDiff: [0.005, (Y * 11) / 365],
    // Against a random pair this is weak, but the pairs compared already share names: it is how
    // a sibling or a namesake born the same year looks, and weighs against.
    monthDayDiff: [0.002, Y * 0.9],
    monthDiffPartial: [0.01, (Y * 11) / 12],
    yearOff1SameDay: [0.03, (2 * Y) / 365],
    yearOff1: [0.05, 2 * Y],
    yearOff1Differs: [0.004, 2 * Y],
    yearOffFew: [0.003, 8 * Y],
    // Decades apart: a namesake, not a typing slip.
    disagree: [0.0005, 0.8],
  },
} as const satisfies {
  patronymic: Record<keyof MatchModel['patronymic'], MU>;
  sex: Record<keyof MatchModel['sex'], MU>;
  dob: Record<keyof MatchModel['dob'], MU>;
};

/** Each level's weight, log2(m/u). */
export const weightsOf = <K extends string>(levels: Record<K, MU>) =>
  Object.fromEntries(Object.entries<MU>(levels).map(([k, [m, u]]) => [k, w(m, u)])) as Record<K, number>;

export const DEFAULT_MODEL: MatchModel = {
  priorLog2: -10,
  matchThreshold: 0.9,
  reviewThreshold: 0.5,
  oneToOneThreshold: 0.5,
  name: {
    mExact: 0.88,
    slip: [0.1, 0.0005],
    close: [0.07, 0.004],
    near: [0.02, 0.1],
    disagree: [0.02, 0.966],
    spelled: { slip: [1, 0.002], close: [0.7, 0.0055] },
  },
  patronymic: weightsOf(DEFAULT_LEVELS.patronymic),
  sex: weightsOf(DEFAULT_LEVELS.sex),
  dob: weightsOf(DEFAULT_LEVELS.dob),
  distinctNameCeiling: 0.89,
};

function nameWeight(level: NameLevel, token: string, model: MatchModel, freq: Frequencies): number {
  const n = model.name;
  switch (level) {
    case 'exact':
      return w(n.mExact, freq.share(token));
    case 'slip':
      return w(...n.slip);
    case 'close':
      return w(...n.close);
    case 'near':
      return w(...n.near);
    case 'disagree':
      return w(...n.disagree);
    default:
      return 0;
  }
}

/** A name's weight against the other record's name: `x` (skeleton `xSk`) against `y` (`ySk`). */
function spelledWeight(
  level: NameLevel,
  x: string,
  xSk: string,
  y: string,
  ySk: string,
  model: MatchModel,
  freq: Frequencies,
): number {
  // Feruza ~ Feruzaoy share their consonants, but one is the other with an ending: two names.
  const oneName =
    level === 'slip' || (level === 'close' && xSk === ySk && Math.abs(x.length - y.length) <= 1);
  if (!oneName) return nameWeight(level, x, model, freq);
  const [m, floor] = model.name.spelled[level];
  return w(m, Math.max(freq.share(x), freq.share(y), floor));
}

/** How two birth dates compare: a level of `MatchModel['dob']`, or missing when a year is. */
export type DobLevel = keyof MatchModel['dob'] | 'missing';

export function dobLevel(a: PreparedRecord, b: PreparedRecord): DobLevel {
  if (!a.year || !b.year) return 'missing';
  // A Solar Hijri year alone stands for two Gregorian years.
  const gap =
    b.year > a.year ? Math.max(0, b.year - a.year - a.yearSpan) : Math.max(0, a.year - b.year - b.yearSpan);
  const full = a.month && b.month && a.day && b.day;
  if (gap === 1) {
    if (!full) return 'yearOff1';
    return a.month === b.month && a.day === b.day ? 'yearOff1SameDay' : 'yearOff1Differs';
  }
  if (gap <= 5 && gap > 1) return 'yearOffFew';
  if (gap > 5) return 'disagree';
  if (!a.month || !b.month) return 'yearOnly';
  if (a.month !== b.month) {
    if (!full) return 'monthDiffPartial';
    if (a.month === b.day && a.day === b.month) return 'daySwap';
    return a.day === b.day ? 'monthDiff' : 'monthDayDiff';
  }
  if (!a.day || !b.day) return 'monthYear';
  return a.day === b.day ? 'exact' : 'dayDiff';
}

const DOB_REASON: Record<DobLevel, string> = {
  missing: 'dob missing',
  exact: 'same date of birth',
  monthYear: 'same birth month',
  yearOnly: 'same birth year',
  daySwap: 'day and month swapped',
  dayDiff: 'different birth day',
  monthDiff: 'different birth month',
  monthDayDiff: 'different birth month and day',
  monthDiffPartial: 'different birth month',
  yearOff1SameDay: 'birth year one apart, same day',
  yearOff1: 'birth year one apart',
  yearOff1Differs: 'birth year one apart, another day',
  yearOffFew: 'birth years a few apart',
  disagree: 'different birth year',
};

export interface Comparison {
  probability: number;
  weight: number;
  reasons: string[];
  /** Given names disagree outright: twins and siblings look like this. */
  givenDisagrees: boolean;
}

const AGREES: ReadonlySet<NameLevel> = new Set(['exact', 'slip', 'close']);

/**
 * Compares two prepared records; names are aligned either way round, to survive swapped columns,
 * and a family name may meet the other record's father's name: a person without a family name is
 * often written with the father's name in its place.
 */

/**
 * A given name nobody else has beside one everybody has is a mistyped name, not a sibling's; two
 * names both in wide use a letter apart are two names (Karim, Kasim; Aziz, Aziza).
 */
function asNames(l: NameLevel, x: string, y: string, freq: Frequencies): NameLevel {
  if (l === 'disagree' && freq.unheardOf(x) !== freq.unheardOf(y)) return 'near';
  if (l === 'slip' && freq.known(x) && freq.known(y) && twoNamesALetterApart(x, y)) return 'disagree';
  return l;
}

const mayMeet = (x: string, xSk: string, y: string, ySk: string) =>
  x !== '' && y !== '' && (x[0] === y[0] || xSk[0] === ySk[0]);

export function compare(
  a: PreparedRecord,
  b: PreparedRecord,
  freq: Frequencies,
  model: MatchModel = DEFAULT_MODEL,
  /** When given, receives each field's finding and weight, for explaining a pair to a person. */
  parts?: Finding[],
): Comparison {
  const abjad = a.abjad || b.abjad;
  const direct = [
    nameLevel(family(a), family(b), abjad),
    asNames(nameLevel(given(a), given(b), abjad), a.given, b.given, freq),
  ] as const;
  const directWeights = [
    spelledWeight(direct[0], a.family, a.familySk, b.family, b.familySk, model, freq),
    spelledWeight(direct[1], a.given, a.givenSk, b.given, b.givenSk, model, freq),
  ] as const;
  const directW = directWeights[0] + directWeights[1];
  // Names swapped between the columns, tried only where the direct reading leaves a name apart
  // and a swapped one could meet (their opening letters or consonants agree).
  const trySwap =
    !(AGREES.has(direct[0]) && AGREES.has(direct[1])) &&
    (mayMeet(a.family, a.familySk, b.given, b.givenSk) || mayMeet(a.given, a.givenSk, b.family, b.familySk));
  const swapped = trySwap
    ? ([
        nameLevel(family(a), givenAsFamily(b), abjad),
        nameLevel(givenAsFamily(a), family(b), abjad),
      ] as const)
    : direct;
  const swappedWeights = trySwap
    ? ([
        spelledWeight(swapped[0], a.family, a.familySk, b.given, b.givenSk, model, freq),
        spelledWeight(swapped[1], a.given, a.givenSk, b.family, b.familySk, model, freq),
      ] as const)
    : directWeights;
  const swappedW = trySwap ? swappedWeights[0] + swappedWeights[1] - 1 : Number.NEGATIVE_INFINITY;
  const useSwap = swappedW > directW;
  let [familyLevel, givenLevel] = useSwap ? swapped : direct;
  let [familyW, givenW] = useSwap ? swappedWeights : directWeights;
  const reasons: string[] = [GIVEN_REASON[givenLevel]];
  if (useSwap) reasons.push('names swapped');

  // The fathers' names, when both are written: exact, close or disagree.
  let fathers: 'exact' | 'close' | 'disagree' | null = null;
  if (a.patronymic && b.patronymic) {
    const l = asNames(nameLevel(father(a), father(b), abjad), a.patronymic, b.patronymic, freq);
    fathers = l === 'exact' ? 'exact' : l === 'slip' || l === 'close' ? 'close' : 'disagree';
  }
  let fatherAsFamily = false;
  // A family name meets the other's father's name only where the fathers do not differ: Ahmadzada
  // (father Zahir) is not made of the father's name of Azizi (father Ahmad).
  if (!useSwap && !AGREES.has(familyLevel) && fathers !== 'disagree' && (a.patronymic || b.patronymic)) {
    const crossed = [
      [asNames(nameLevel(family(a), father(b), abjad), a.family, b.patronymic, freq), a.family],
      [asNames(nameLevel(father(a), family(b), abjad), a.patronymic, b.family, freq), b.family],
    ] as const;
    const [best, token] = crossed.find(([l]) => l === 'exact') ?? crossed.find(([l]) => AGREES.has(l)) ?? [];
    const crossedW = best && token ? nameWeight(best, token, model, freq) - 1 : Number.NEGATIVE_INFINITY;
    // Read so only where it says more than the family names and fathers as written: a missing
    // family name beside the same father (Fareed, father Hasan ~ Фарид Ҳасанов, Ҳасанович) is
    // better read as fathers that agree than as a family name close to a father's.
    const asWritten = familyW + (fathers ? model.patronymic[fathers] : 0);
    if (best && token && crossedW > asWritten) {
      familyW = crossedW;
      familyLevel = best;
      fatherAsFamily = true;
      // The father counted once, as the family name.
      fathers = null;
      reasons.push("family name as father's name");
    }
  }
  reasons.unshift(FAMILY_REASON[familyLevel]);
  let weight = familyW + givenW - (useSwap ? 1 : 0);
  parts?.push(
    { field: fatherAsFamily ? 'father_as_family' : 'family', outcome: familyLevel, bits: familyW },
    { field: 'given', outcome: givenLevel, bits: givenW },
  );
  if (useSwap) parts?.push({ field: 'order', outcome: 'swapped', bits: -1 });

  if (fathers) {
    const pw = model.patronymic[fathers];
    weight += pw;
    reasons.push(PATRONYMIC_REASON[fathers]);
    parts?.push({ field: 'patronymic', outcome: fathers, bits: pw });
  }
  if (a.sex && b.sex) {
    const sw = a.sex === b.sex ? model.sex.agree : model.sex.disagree;
    weight += sw;
    if (a.sex !== b.sex) reasons.push('different sex');
    parts?.push({ field: 'sex', outcome: a.sex === b.sex ? 'same' : 'different', bits: sw });
  }
  const dob = dobLevel(a, b);
  const dw = dob === 'missing' ? 0 : model.dob[dob];
  weight += dw;
  reasons.push(DOB_REASON[dob]);
  parts?.push({ field: 'birth', outcome: BIRTH_OUTCOME[dob], bits: dw });

  const givenDisagrees = givenLevel === 'disagree';
  let probability = 1 / (1 + 2 ** -(weight + model.priorLog2));
  // Siblings and twins share family name and often birth date; a plainly different given name
  // is never enough for an automatic match, whatever the other fields say.
  if (givenDisagrees) probability = Math.min(probability, model.distinctNameCeiling);
  return { probability, weight, reasons, givenDisagrees };
}

/** The odds that a compared pair is one person, as `compare` weighed them (finite where the probability rounds to 1). */
export function oddsOf(c: Comparison, model: MatchModel): number {
  const odds = 2 ** (c.weight + model.priorLog2);
  if (!c.givenDisagrees) return odds;
  return Math.min(odds, model.distinctNameCeiling / (1 - model.distinctNameCeiling));
}
