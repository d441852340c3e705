/**
 * The best F1 any linker could reach on a linkage set with these six columns: a true pair is
 * undecidable when another record of the same list is identical to one of its two after
 * normalisation (names by identity, not spelling; sex; the date as read). Picking among k such
 * records finds the right one 1 in k, so a perfect linker still loses 1 − 1/k.
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

/** `truth[i]` is the index of left record i's counterpart on the right, or -1. */
export function decidableCeiling(left: NormalisedView[], right: NormalisedView[], truth: number[]): Ceiling {
  const rightCounts = counts(right);
  const leftCounts = counts(left);
  let alike = 0;
  let lost = 0;
  let lookalikeOnly = 0;
  let truePairs = 0;
  left.forEach((v, i) => {
    const j = truth[i]!;
    if (j < 0) {
      if (rightCounts.has(identity(v))) lookalikeOnly++;
      return;
    }
    truePairs++;
    // Either side may be the one written the same as another record of its list.
    const k = Math.max(rightCounts.get(identity(right[j]!))!, leftCounts.get(identity(v))!);
    if (k > 1) {
      alike++;
      lost += 1 - 1 / k;
    }
  });
  return { alike, lost: Math.round(lost), lookalikeOnly, f1: truePairs ? 1 - lost / truePairs : 1 };
}
