import type { PreparedRecord } from './record.ts';

/**
 * How common each name is in the lists being compared: agreeing on a rare name says more than
 * agreeing on a common one, and a spelling carried by a record or two is mostly a typo.
 */
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

/** How many records carry each folded name token, and of how many: what `Frequencies` is read from. */
export interface NameCounts {
  counts: Map<string, number>;
  total: number;
}

export function countNames(records: Iterable<PreparedRecord>): NameCounts {
  const counts = new Map<string, number>();
  let total = 0;
  for (const r of records) {
    total++;
    // The given name as compared may be two written words joined (Mohammad Karim).
    for (const t of new Set([...r.tokens, r.given])) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return { counts, total };
}

export function frequenciesFrom({ counts, total }: NameCounts): Frequencies {
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

export const frequenciesOf = (records: Iterable<PreparedRecord>): Frequencies =>
  frequenciesFrom(countNames(records));
