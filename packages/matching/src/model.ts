import { oneSlipApart } from './edit-distance.ts';
import { jaroWinkler } from './jaro-winkler.ts';
import { fitsPersoArabic } from './perso-arabic.ts';
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
  // A different father's name is strong evidence of a different person (Равшанович ~ Ulugʻbek oʻgʻli).
  patronymic: { exact: w(0.8, 0.04), close: w(0.12, 0.03), disagree: w(0.01, 0.93) },
  sex: { agree: w(0.97, 0.5), disagree: w(0.03, 0.5) },
  // Against two people picked at random, as the prior is: birth years spread over some sixty
  // years (Y), so sharing a year is already 1 in 60, and a whole date 1 in 22,000.
  dob: {
    exact: w(0.9, Y / 365),
    monthYear: w(0.92, Y / 12),
    yearOnly: w(0.9, Y),
    daySwap: w(0.02, Y / 132),
    dayDiff: w(0.005, Y / 12),
    monthDiff: w(0.005, (Y * 11) / 365),
    // Against a random pair this is weak, but the pairs compared already share names: it is how
    // a sibling or a namesake born the same year looks, and weighs against.
    monthDayDiff: w(0.002, Y * 0.9),
    monthDiffPartial: w(0.01, (Y * 11) / 12),
    yearOff1SameDay: w(0.03, (2 * Y) / 365),
    yearOff1: w(0.05, 2 * Y),
    yearOff1Differs: w(0.004, 2 * Y),
    yearOffFew: w(0.003, 8 * Y),
    // Decades apart: a namesake, not a typing slip.
    disagree: w(0.0005, 0.8),
  },
  distinctNameCeiling: 0.89,
};

export interface Frequencies {
  /** Share of records carrying each folded name token. */
  share(token: string): number;
  /**
   * True when the lists are large enough to tell and the token is carried by one or two records:
   * a slip of the keyboard makes such names (Shhloay, Aan), parents seldom do.
   */
  unheardOf(token: string): boolean;
  /** True when the lists are large enough to tell and many records carry the token: a name people are given. */
  known(token: string): boolean;
}

/** Below this many records a name seen once may well be a real one. */
const FREQUENCIES_TELL_FROM = 2000;

export function frequenciesOf(records: Iterable<PreparedRecord>): Frequencies {
  const counts = new Map<string, number>();
  let total = 0;
  for (const r of records) {
    total++;
    // The given name as compared may be two written words joined (Mohammad Karim).
    for (const t of new Set([...r.tokens, r.given])) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  // Smoothed toward one in a thousand, as if 1,000 typical records were added: a small file does
  // not make every name look common, a large one speaks for itself.
  return {
    share: (token) => ((counts.get(token) ?? 0) + 1) / (total + 1000),
    unheardOf: (token) => total >= FREQUENCIES_TELL_FROM && (counts.get(token) ?? 0) <= 2,
    // One in 5,000 records: a typing slip of even the commonest name is rarer than that.
    known: (token) => {
      const n = counts.get(token) ?? 0;
      return total >= FREQUENCIES_TELL_FROM && n >= 5 && n >= total / 5000;
    },
  };
}

const NAME_LEVELS = ['exact', 'slip', 'close', 'near', 'disagree', 'missing'] as const;
export type NameLevel = (typeof NAME_LEVELS)[number];

// Reasons are shared strings, not built per comparison: a million-record run keeps many pairs.
const reasonsFor = (field: string) =>
  Object.fromEntries(NAME_LEVELS.map((l) => [l, `${field} ${l}`])) as Record<NameLevel, string>;
const FAMILY_REASON = reasonsFor('family name');
const GIVEN_REASON = reasonsFor('given name');
const PATRONYMIC_REASON = reasonsFor('patronymic');

/** One name of a record with its skeleton and, for a family name, its stem. */
interface NameForm {
  folded: string;
  sk: string;
  stem?: string;
  stemSk?: string;
  /** Written in Perso-Arabic script. */
  arabic: boolean;
}

/** Same skeleton: the same name, unless one is Perso-Arabic and its long vowels rule the other out. */
function sameSkeletonName(a: NameForm, b: NameForm): boolean {
  if (a.arabic === b.arabic) return true;
  return a.arabic ? fitsPersoArabic(a.folded, b.folded) : fitsPersoArabic(b.folded, a.folded);
}

// A v between vowels is the و that Latin may write as a vowel (Daud, Довуд).
const vowelShape = (x: string) => x.replace(/[aeiouvy]+/g, '*');
const OPENING_VOWEL = /^[aeiou]/;
const sameOpening = (x: string, y: string) =>
  x[0] === y[0] || (OPENING_VOWEL.test(x) && OPENING_VOWEL.test(y));

function nameLevel(a: NameForm, b: NameForm, abjad: boolean): NameLevel {
  if (!a.folded || !b.folded) return 'missing';
  if (a.folded === b.folded) return 'exact';
  // Perso-Arabic letters against Latin ones differ by every short vowel: no slip to count there.
  if (a.arabic === b.arabic && a.folded.length >= 4 && oneSlipApart(a.folded, b.folded)) return 'slip';
  // Perso-Arabic script writes no short vowels: its skeleton is all there is to compare.
  if (abjad) {
    if (a.sk === b.sk && sameSkeletonName(a, b)) return 'exact';
    // The opening letter stays: اکرم (Akram) is not کریم (Karim) with a letter more.
    // Three consonants a letter apart are two names (کریمی, Kasim, Qureshi).
    if (a.sk.length >= 4 && a.sk[0] === b.sk[0] && oneSlipApart(a.sk, b.sk)) return 'slip';
  } else if (a.sk === b.sk && a.sk.length >= 4 && sameOpening(a.folded, b.folded)) {
    // Vowels spelled apart (Zabihullah, Забеҳулло; Ebrahimi, Иброҳимӣ); short names stay apart
    // (the twins Асан, Үсөн).
    return 'close';
  } else if (a.sk.length >= 4 && sameOpening(a.folded, b.folded) && soundAlike(a.sk, b.sk)) {
    // A consonant as another language hears it: Ibrahim, Ибрагим; Narges, Наргиз.
    return 'close';
  } else if (
    a.sk !== b.sk &&
    a.sk.length >= 3 &&
    sameOpening(a.folded, b.folded) &&
    a.sk.replace(/h/g, '') === b.sk.replace(/h/g, '')
  ) {
    // A silent h written or not (Zabiullah, Zabihullah, Забеҳулло).
    return 'close';
  } else if (
    (a.folded[0] === b.folded[0] || (a.folded.length >= 5 && sameOpening(a.folded, b.folded))) &&
    a.folded.length >= 4 &&
    vowelShape(a.folded) === vowelShape(b.folded)
  ) {
    // Every vowel in its place, only its colour changed, as Tajik writes the long a (Fatema,
    // Фотима; Zahra, Зуҳро); Zahir and Zahra have their vowels elsewhere.
    return 'close';
  }
  // Karimi, Karimov, Каримзода: one family name with the ending each office gives it.
  if (
    a.stem &&
    b.stem &&
    (a.stem === b.stem ||
      (a.stem.length >= 4 && oneSlipApart(a.stem, b.stem)) ||
      (abjad && a.stemSk === b.stemSk))
  )
    return 'close';
  // Same consonants, other long vowels (حسین, Hasan): another name.
  if (abjad) return a.sk !== b.sk && jaroWinkler(a.sk, b.sk) >= 0.94 ? 'close' : 'disagree';
  const s = jaroWinkler(a.folded, b.folded);
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
  // A Solar Hijri year alone stands for two Gregorian years.
  const gap =
    b.year > a.year ? Math.max(0, b.year - a.year - a.yearSpan) : Math.max(0, a.year - b.year - b.yearSpan);
  const full = a.month && b.month && a.day && b.day;
  if (gap === 1) {
    if (!full) return [d.yearOff1, 'birth year one apart'];
    return a.month === b.month && a.day === b.day
      ? [d.yearOff1SameDay, 'birth year one apart, same day']
      : [d.yearOff1Differs, 'birth year one apart, another day'];
  }
  if (gap <= 5 && gap > 1) return [d.yearOffFew, 'birth years a few apart'];
  if (gap > 5) return [d.disagree, 'different birth year'];
  if (!a.month || !b.month) return [d.yearOnly, 'same birth year'];
  if (a.month !== b.month) {
    if (!full) return [d.monthDiffPartial, 'different birth month'];
    if (a.month === b.day && a.day === b.month) return [d.daySwap, 'day and month swapped'];
    return a.day === b.day
      ? [d.monthDiff, 'different birth month']
      : [d.monthDayDiff, 'different birth month and day'];
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

const given = (r: PreparedRecord): NameForm => ({ folded: r.given, sk: r.givenSk, arabic: r.abjad });
const family = (r: PreparedRecord): NameForm => ({
  folded: r.family,
  sk: r.familySk,
  stem: r.familyStem,
  stemSk: r.familyStemSk,
  arabic: r.abjad,
});
const father = (r: PreparedRecord): NameForm => ({
  folded: r.patronymic,
  sk: r.patronymicSk,
  arabic: r.abjad,
});

/** Consonants that spellings of one name trade (Ibrahim, Ибрагим; Qasim, Kasim). */
const SOUND_ALIKE = new Set([
  'hg',
  'gh',
  'hk',
  'kh',
  'sz',
  'zs',
  'jz',
  'zj',
  'dt',
  'td',
  'bp',
  'pb',
  'vf',
  'fv',
]);
const VOWEL = /[aeiouy]/;

/** Same length, one consonant traded for one that sounds alike. */
function soundAlike(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  let i = 0;
  while (x[i] === y[i]) i++;
  return i < x.length && SOUND_ALIKE.has(x[i]! + y[i]!) && x.slice(i + 1) === y.slice(i + 1);
}

/**
 * A man's and a woman's form (Aziz, Aziza), or one consonant changed for another that no
 * spelling trades for it (Karim, Kasim): two names, not one mistyped. A vowel changed (Rushana,
 * Roshana) is a spelling.
 */
function twoNamesALetterApart(x: string, y: string): boolean {
  if (x === `${y}a` || y === `${x}a`) return true;
  if (x.length !== y.length) return false;
  let i = 0;
  while (x[i] === y[i]) i++;
  const p = x[i]!;
  const q = y[i]!;
  if (x.slice(i + 1) !== y.slice(i + 1) || VOWEL.test(p) || VOWEL.test(q)) return false;
  return !SOUND_ALIKE.has(p + q);
}

const AGREES: ReadonlySet<NameLevel> = new Set(['exact', 'slip', 'close']);

/**
 * Compares two prepared records; names are aligned either way round, to survive swapped columns,
 * and a family name may meet the other record's father's name: a person without a family name is
 * often written with the father's name in its place.
 */
export function compare(
  a: PreparedRecord,
  b: PreparedRecord,
  freq: Frequencies,
  model: MatchModel = DEFAULT_MODEL,
): Comparison {
  const abjad = a.abjad || b.abjad;
  const level = (x: NameForm, y: NameForm) => nameLevel(x, y, abjad);
  const weigh = (l: NameLevel, token: string) => nameWeight(l, token, model, freq);
  // A given name nobody else has beside one everybody has is a mistyped name, not a sibling's;
  // two names both in wide use a letter apart are two names (Karim, Kasim; Aziz, Aziza).
  const asNames = (l: NameLevel, x: string, y: string): NameLevel =>
    l === 'disagree' && freq.unheardOf(x) !== freq.unheardOf(y)
      ? 'near'
      : l === 'slip' && freq.known(x) && freq.known(y) && twoNamesALetterApart(x, y)
        ? 'disagree'
        : l;
  const direct = [level(family(a), family(b)), asNames(level(given(a), given(b)), a.given, b.given)] as const;
  const swapped = [level(family(a), given(b)), level(given(a), family(b))] as const;
  const directW = weigh(direct[0], a.family) + weigh(direct[1], a.given);
  const swappedW = weigh(swapped[0], a.family) + weigh(swapped[1], a.given) - 1;
  const useSwap = swappedW > directW;
  let [familyLevel, givenLevel] = useSwap ? swapped : direct;
  let weight = useSwap ? swappedW : directW;
  const reasons: string[] = [GIVEN_REASON[givenLevel]];
  if (useSwap) reasons.push('names swapped');

  let fatherUsed = false;
  if (!useSwap && !AGREES.has(familyLevel) && (a.patronymic || b.patronymic)) {
    const crossed = [
      [asNames(level(family(a), father(b)), a.family, b.patronymic), a.family],
      [asNames(level(father(a), family(b)), a.patronymic, b.family), b.family],
    ] as const;
    const [best, token] = crossed.find(([l]) => l === 'exact') ?? crossed.find(([l]) => AGREES.has(l)) ?? [];
    if (best && token) {
      weight += weigh(best, token) - 1 - weigh(familyLevel, a.family);
      familyLevel = best;
      fatherUsed = true;
      reasons.push("family name as father's name");
    }
  }
  reasons.unshift(FAMILY_REASON[familyLevel]);

  if (a.patronymic && b.patronymic && !fatherUsed) {
    const p = model.patronymic;
    const l = asNames(level(father(a), father(b)), a.patronymic, b.patronymic);
    const agreement = l === 'exact' ? 'exact' : l === 'slip' || l === 'close' ? 'close' : 'disagree';
    weight += agreement === 'exact' ? p.exact : agreement === 'close' ? p.close : p.disagree;
    reasons.push(PATRONYMIC_REASON[agreement]);
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
  if (givenDisagrees) probability = Math.min(probability, model.distinctNameCeiling);
  return { probability, weight, reasons, givenDisagrees };
}

/** The odds that a compared pair is one person, as `compare` weighed them (finite where the probability rounds to 1). */
export function oddsOf(c: Comparison, model: MatchModel): number {
  const odds = 2 ** (c.weight + model.priorLog2);
  if (!c.givenDisagrees) return odds;
  return Math.min(odds, model.distinctNameCeiling / (1 - model.distinctNameCeiling));
}
