/**
 * The best F1 any linker could reach on a linkage set with these six columns: a true pair is
 * undecidable when another record of the same list is identical to one of its two after
 * normalisation (names by identity, not spelling; sex; the date as read). Picking among k such
 * records finds the right one 1 in k, so a perfect linker still loses 1 − 1/k.
 *
 * `lookAlikeCeiling` counts more: a record can also be undecidable when other records are not
 * identical to its counterpart but look the same *from it* — the fields it lacks cannot tell them
 * apart. Against "Aziz Karimov, born 1990", a list's "Aziz Karimov, 1990-05-03" and
 * "Aziz Karimov, 1990-07-08" agree alike; against a record without a date, every Aziz Karimov does.
 */
export interface NormalisedView {
  /** The names, by identity. */
  key: string;
  family: string;
  patronymic: string;
  sex: string;
  year: number;
  month: number;
  day: number;
  yearSpan: number;
}

export interface Ceiling {
  /** True pairs with an identical record beside one of theirs. */
  alike: number;
  /** Expected true pairs a perfect linker still gets wrong. */
  lost: number;
  /** Left records without a counterpart that are identical to a record on the right. */
  lookalikeOnly: number;
  f1: number;
}

const identity = (v: NormalisedView) =>
  [v.key, v.family, v.patronymic, v.sex, v.year, v.month, v.day, v.yearSpan].join('|');

function counts(views: NormalisedView[]) {
  const out = new Map<string, number>();
  for (const v of views) {
    const k = identity(v);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/**
 * For each true pair, how many records it must be picked among because they are written the same
 * as one of its two (1 when none), and the left records without a counterpart written the same as
 * a right record. `truth[i]` is the index of left record i's counterpart on the right, or -1.
 */
function identicalPicks(left: NormalisedView[], right: NormalisedView[], truth: number[]) {
  const rightCounts = counts(right);
  const leftCounts = counts(left);
  const k = new Float64Array(left.length).fill(1);
  let lookalikeOnly = 0;
  left.forEach((v, i) => {
    const j = truth[i]!;
    if (j < 0) {
      if (rightCounts.has(identity(v))) lookalikeOnly++;
      return;
    }
    // Either side may be the one written the same as another record of its list.
    k[i] = Math.max(rightCounts.get(identity(right[j]!))!, leftCounts.get(identity(v))!);
  });
  return { k, lookalikeOnly };
}

/** The ceiling from each true pair's pick among k records: a perfect linker loses 1 − 1/k. */
function ceilingOf(k: Float64Array, truth: number[], lookalikeOnly: number): Ceiling {
  let alike = 0;
  let lost = 0;
  let truePairs = 0;
  truth.forEach((j, i) => {
    if (j < 0) return;
    truePairs++;
    if (k[i]! > 1) {
      alike++;
      lost += 1 - 1 / k[i]!;
    }
  });
  return { alike, lost: Math.round(lost), lookalikeOnly, f1: truePairs ? 1 - lost / truePairs : 1 };
}

/** `truth[i]` is the index of left record i's counterpart on the right, or -1. */
export function decidableCeiling(left: NormalisedView[], right: NormalisedView[], truth: number[]): Ceiling {
  const { k, lookalikeOnly } = identicalPicks(left, right, truth);
  return ceilingOf(k, truth, lookalikeOnly);
}

/** What a record knows, field by field: the ones it lacks match anything on the other side. */
type Mask = number;
const FAMILY = 1;
const PATRONYMIC = 2;
const SEX = 4;
const precision = (v: NormalisedView) => (!v.year ? 0 : !v.month ? 1 : !v.day ? 2 : 3);
const maskOf = (v: NormalisedView): Mask =>
  (v.family ? FAMILY : 0) | (v.patronymic ? PATRONYMIC : 0) | (v.sex ? SEX : 0) | (precision(v) << 3);

/**
 * A record as another record with `mask` sees it: its names by identity, and of each other field
 * only what that record can compare — the value, or that it is missing; a date down to the
 * coarser of the two.
 */
function seenBy(mask: Mask, v: NormalisedView): string {
  const p = Math.min(mask >> 3, precision(v));
  const date =
    p === 0
      ? mask >> 3
        ? '∅'
        : '*'
      : [v.year, v.yearSpan, p > 1 ? v.month : '', p > 2 ? v.day : '', p].join('-');
  return [
    v.key,
    mask & FAMILY ? v.family || '∅' : '*',
    mask & PATRONYMIC ? v.patronymic || '∅' : '*',
    mask & SEX ? v.sex || '∅' : '*',
    date,
  ].join('|');
}

/** Whether two records agree wherever both are written: names by identity, then the rest. */
function agreeWhereWritten(a: NormalisedView, b: NormalisedView): boolean {
  const p = Math.min(precision(a), precision(b));
  return (
    a.key === b.key &&
    (!a.family || !b.family || a.family === b.family) &&
    (!a.patronymic || !b.patronymic || a.patronymic === b.patronymic) &&
    (!a.sex || !b.sex || a.sex === b.sex) &&
    // A Solar Hijri year alone stands for two Gregorian years.
    (p < 1 ||
      (b.year >= a.year && b.year <= a.year + a.yearSpan) ||
      (a.year >= b.year && a.year <= b.year + b.yearSpan)) &&
    (p < 2 || a.month === b.month) &&
    (p < 3 || a.day === b.day)
  );
}

/**
 * For each true pair whose two records agree wherever both are written: how many records of the
 * other list look to each of them exactly as its counterpart does (k on the right as the left
 * record sees them, k on the left as the right one does); a pick among the larger k loses
 * 1 − 1/k. Pairs that disagree somewhere (a wrong year) count as decidable, so this is still a
 * ceiling. One pass over each list per kind of record (what it has written), not one per pair.
 */
export function lookAlikeCeiling(left: NormalisedView[], right: NormalisedView[], truth: number[]): Ceiling {
  const { k, lookalikeOnly } = identicalPicks(left, right, truth);
  const byMask = new Map<Mask, number[]>();
  left.forEach((v, i) => {
    const j = truth[i]!;
    if (j < 0 || !agreeWhereWritten(v, right[j]!)) return;
    for (const m of [maskOf(v), -1 - maskOf(right[j]!)]) {
      const list = byMask.get(m) ?? [];
      list.push(i);
      byMask.set(m, list);
    }
  });
  for (const [m, pairs] of byMask) {
    // m >= 0: left records with that mask look at the right list; m < 0: right records at the left.
    const fromLeft = m >= 0;
    const mask = fromLeft ? m : -1 - m;
    const seen = new Map<string, number>();
    for (const v of fromLeft ? right : left) {
      const s = seenBy(mask, v);
      seen.set(s, (seen.get(s) ?? 0) + 1);
    }
    for (const i of pairs) {
      const counterpart = fromLeft ? right[truth[i]!]! : left[i]!;
      k[i] = Math.max(k[i]!, seen.get(seenBy(mask, counterpart)) ?? 1);
    }
  }
  return ceilingOf(k, truth, lookalikeOnly);
}
