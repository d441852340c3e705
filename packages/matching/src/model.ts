import { oneSlipApart } from './edit-distance.ts';
import { jaroWinkler } from './jaro-winkler.ts';
import type { PreparedRecord } from './record.ts';

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
  };
  patronymic: { exact: number; close: number; disagree: number };
  sex: { agree: number; disagree: number };
  dob: {
    exact: number;
    monthYear: number;
    yearOnly: number;
    daySwap: number;
    dayDiff: number;
    monthDiff: number;
    yearOff1: number;
    yearOffFew: number;
    disagree: number;
  };
}

const w = (m: number, u: number) => Math.log2(m / u);

/** The chance that two people picked at random were born in the same year. */
const Y = 1 / 60;

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
  },
  patronymic: { exact: w(0.8, 0.04), close: w(0.12, 0.03), disagree: w(0.08, 0.93) },
  sex: { agree: w(0.97, 0.5), disagree: w(0.03, 0.5) },
  // Against two people picked at random, as the prior is: birth years spread over some sixty
  // years (Y), so sharing a year is already 1 in 60, and a whole date 1 in 22,000.
  dob: {
    exact: w(0.9, Y / 365),
    monthYear: w(0.92, Y / 12),
    yearOnly: w(0.9, Y),
    daySwap: w(0.02, Y / 132),
    dayDiff: w(0.03, Y / 12),
    monthDiff: w(0.04, Y * 0.92),
    yearOff1: w(0.05, 2 * Y),
    yearOffFew: w(0.003, 8 * Y),
    // Decades apart: a namesake, not a typing slip.
    disagree: w(0.0005, 0.8),
  },
};

export interface Frequencies {
  /** Share of records carrying each folded name token. */
  share(token: string): number;
}

export function frequenciesOf(records: Iterable<PreparedRecord>): Frequencies {
  const counts = new Map<string, number>();
  let total = 0;
  for (const r of records) {
    total++;
    for (const t of new Set(r.tokens)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  // Smoothed toward one in a thousand, as if 1,000 typical records were added: a small file does
  // not make every name look common, a large one speaks for itself.
  return { share: (token) => ((counts.get(token) ?? 0) + 1) / (total + 1000) };
}

const NAME_LEVELS = ['exact', 'slip', 'close', 'near', 'disagree', 'missing'] as const;
export type NameLevel = (typeof NAME_LEVELS)[number];

// Reasons are shared strings, not built per comparison: a million-record run keeps many pairs.
const reasonsFor = (field: string) =>
  Object.fromEntries(NAME_LEVELS.map((l) => [l, `${field} ${l}`])) as Record<NameLevel, string>;
const FAMILY_REASON = reasonsFor('family name');
const GIVEN_REASON = reasonsFor('given name');
const PATRONYMIC_REASON = reasonsFor('patronymic');

function nameLevel(a: string, b: string): NameLevel {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  if (a.length >= 4 && oneSlipApart(a, b)) return 'slip';
  const s = jaroWinkler(a, b);
  return s >= 0.94 ? 'close' : s >= 0.88 ? 'near' : 'disagree';
}

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

function dobWeight(a: PreparedRecord, b: PreparedRecord, model: MatchModel): [number, string] {
  const d = model.dob;
  if (!a.year || !b.year) return [0, 'dob missing'];
  const gap = Math.abs(a.year - b.year);
  if (gap === 1) return [d.yearOff1, 'birth year one apart'];
  if (gap <= 5 && gap > 1) return [d.yearOffFew, 'birth years a few apart'];
  if (gap > 5) return [d.disagree, 'different birth year'];
  if (!a.month || !b.month) return [d.yearOnly, 'same birth year'];
  if (a.month !== b.month) {
    if (a.day && b.day && a.month === b.day && a.day === b.month) return [d.daySwap, 'day and month swapped'];
    return [d.monthDiff, 'different birth month'];
  }
  if (!a.day || !b.day) return [d.monthYear, 'same birth month'];
  return a.day === b.day ? [d.exact, 'same date of birth'] : [d.dayDiff, 'different birth day'];
}

export interface Comparison {
  probability: number;
  weight: number;
  reasons: string[];
  /** Given names disagree outright: twins and siblings look like this. */
  givenDisagrees: boolean;
}

/** Compares two prepared records; names are aligned either way round, to survive swapped columns. */
export function compare(
  a: PreparedRecord,
  b: PreparedRecord,
  freq: Frequencies,
  model: MatchModel = DEFAULT_MODEL,
): Comparison {
  const direct = [nameLevel(a.family, b.family), nameLevel(a.given, b.given)] as const;
  const swapped = [nameLevel(a.family, b.given), nameLevel(a.given, b.family)] as const;
  const directW = nameWeight(direct[0], a.family, model, freq) + nameWeight(direct[1], a.given, model, freq);
  const swappedW =
    nameWeight(swapped[0], a.family, model, freq) + nameWeight(swapped[1], a.given, model, freq) - 1;
  const useSwap = swappedW > directW;
  const [familyLevel, givenLevel] = useSwap ? swapped : direct;
  let weight = useSwap ? swappedW : directW;
  const reasons = [FAMILY_REASON[familyLevel], GIVEN_REASON[givenLevel]];
  if (useSwap) reasons.push('names swapped');

  if (a.patronymic && b.patronymic) {
    const p = model.patronymic;
    const level =
      a.patronymic === b.patronymic
        ? 'exact'
        : jaroWinkler(a.patronymic, b.patronymic) >= 0.9
          ? 'close'
          : 'disagree';
    weight += level === 'exact' ? p.exact : level === 'close' ? p.close : p.disagree;
    reasons.push(PATRONYMIC_REASON[level]);
  }
  if (a.sex && b.sex) {
    weight += a.sex === b.sex ? model.sex.agree : model.sex.disagree;
    if (a.sex !== b.sex) reasons.push('different sex');
  }
  const [dw, dobReason] = dobWeight(a, b, model);
  weight += dw;
  reasons.push(dobReason);

  const givenDisagrees = givenLevel === 'disagree';
  let probability = 1 / (1 + 2 ** -(weight + model.priorLog2));
  // Siblings and twins share family name and often birth date; a plainly different given name
  // is never enough for an automatic match, whatever the other fields say.
  if (givenDisagrees) probability = Math.min(probability, model.matchThreshold - 0.01);
  return { probability, weight, reasons, givenDisagrees };
}
