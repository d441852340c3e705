import type { Comparison } from './model.ts';

export interface LinkedPair {
  left: number;
  right: number;
  comparison: Comparison;
  /** Linking one-to-one: the summed odds of the free candidates that competed with this pair. */
  rivalOdds?: number;
}

/** Pairs whose odds are below this are no rival worth tracking one by one; they are summed. */
const RIVAL_FLOOR = 0.02;

/**
 * The candidates each record competes with. Linking two lists where each holds a person once, a
 * pair is only as likely as its share of the odds on both of its sides: a Fatima born 1962
 * beside five such Fatimas on the other list is none of them in particular. A rival taken by
 * its own, likelier partner stops competing (explained away).
 */
export class Rivals {
  private readonly sumLeft: Float64Array;
  private readonly sumRight: Float64Array;
  // Typed and grown by doubling: at a million records a side, tens of millions of rivals are kept,
  // and arrays of JS numbers held them at half again the bytes, and more while growing.
  private l = new Int32Array(1024);
  private r = new Int32Array(1024);
  private odds = new Float64Array(1024);
  private n = 0;

  constructor(leftSize: number, rightSize: number) {
    this.sumLeft = new Float64Array(leftSize);
    this.sumRight = new Float64Array(rightSize);
  }

  add(i: number, j: number, odds: number) {
    this.sumLeft[i]! += odds;
    this.sumRight[j]! += odds;
    if (odds < RIVAL_FLOOR) return;
    if (this.n === this.l.length) this.grow();
    this.l[this.n] = i;
    this.r[this.n] = j;
    this.odds[this.n] = odds;
    this.n++;
  }

  private grow() {
    const size = this.l.length * 2;
    const l = new Int32Array(size);
    const r = new Int32Array(size);
    const odds = new Float64Array(size);
    l.set(this.l);
    r.set(this.r);
    odds.set(this.odds);
    this.l = l;
    this.r = r;
    this.odds = odds;
  }

  /** Greedy one-to-one assignment, likeliest pair first, each judged against its free rivals. */
  assign(pairs: LinkedPair[], oddsOf: (c: Comparison) => number, minProbability: number): LinkedPair[] {
    const byLeft = csr(this.l.subarray(0, this.n), this.sumLeft.length);
    const byRight = csr(this.r.subarray(0, this.n), this.sumRight.length);
    const sorted = pairs
      .map((p) => ({ p, odds: oddsOf(p.comparison) }))
      .sort((a, b) => b.odds - a.odds || b.p.comparison.weight - a.p.comparison.weight);
    const takenLeft = new Uint8Array(this.sumLeft.length);
    const takenRight = new Uint8Array(this.sumRight.length);
    const kept: LinkedPair[] = [];
    for (const { p, odds } of sorted) {
      if (takenLeft[p.left] || takenRight[p.right]) continue;
      const own = p.comparison.givenDisagrees ? 0 : 2 * odds;
      const rivals = Math.max(0, this.sumLeft[p.left]! + this.sumRight[p.right]! - own);
      const probability = odds / (1 + odds + rivals);
      if (probability < minProbability) continue;
      takenLeft[p.left] = 1;
      takenRight[p.right] = 1;
      kept.push({ ...p, comparison: { ...p.comparison, probability }, rivalOdds: rivals });
      // Whoever competed with these two for their partners competes no more.
      for (let k = byLeft.start[p.left]!; k < byLeft.start[p.left + 1]!; k++) {
        const e = byLeft.items[k]!;
        this.sumRight[this.r[e]!]! -= this.odds[e]!;
      }
      for (let k = byRight.start[p.right]!; k < byRight.start[p.right + 1]!; k++) {
        const e = byRight.items[k]!;
        this.sumLeft[this.l[e]!]! -= this.odds[e]!;
      }
    }
    return kept;
  }
}

/** Entries grouped by record: record x's entries are items[start[x]] … items[start[x + 1] - 1]. */
function csr(owner: Int32Array, size: number) {
  const start = new Int32Array(size + 1);
  for (const x of owner) start[x + 1]!++;
  for (let x = 0; x < size; x++) start[x + 1]! += start[x]!;
  const next = start.slice(0, size);
  const items = new Int32Array(owner.length);
  owner.forEach((x, e) => {
    items[next[x]!++] = e;
  });
  return { start, items };
}
