import { type Comparison, compare, type Frequencies, type MatchModel } from './model.ts';
import type { PreparedRecord } from './record.ts';

/**
 * A batch of candidate pairs as compared: every pair's weight, probability and sibling flag, and
 * the reasons only for the pairs that may be kept (the rest are needed as rivals alone). Typed
 * arrays, so a batch crosses from a worker thread without copying.
 */
export interface ComparedBatch {
  weight: Float64Array<ArrayBuffer>;
  probability: Float64Array<ArrayBuffer>;
  givenDisagrees: Uint8Array<ArrayBuffer>;
  /** Reasons of the pairs at or above the kept probability, by the pair's place in the batch. */
  reasons: Map<number, string[]>;
}

/**
 * Compares `pairs` (`[left, right, …]`, record numbers in the two lists, read through `leftAt`
 * and `rightAt`). Reasons are kept
 * for pairs at or above `keepFrom` alone: hundreds of millions of pairs are compared at a million
 * a side, and their reasons would cross between threads for nothing.
 */
export function compareBatch(
  pairs: Int32Array,
  leftAt: (x: number) => PreparedRecord,
  rightAt: (x: number) => PreparedRecord,
  freq: Frequencies,
  model: MatchModel,
  keepFrom: number,
): ComparedBatch {
  const n = pairs.length / 2;
  const out: ComparedBatch = {
    weight: new Float64Array(n),
    probability: new Float64Array(n),
    givenDisagrees: new Uint8Array(n),
    reasons: new Map(),
  };
  for (let x = 0; x < n; x++) {
    const c = compare(leftAt(pairs[2 * x]!), rightAt(pairs[2 * x + 1]!), freq, model);
    out.weight[x] = c.weight;
    out.probability[x] = c.probability;
    out.givenDisagrees[x] = c.givenDisagrees ? 1 : 0;
    if (c.probability >= keepFrom) out.reasons.set(x, c.reasons);
  }
  return out;
}

/** Pair `x` of a compared batch as a `Comparison` again. */
export const comparisonAt = (batch: ComparedBatch, x: number): Comparison => ({
  weight: batch.weight[x]!,
  probability: batch.probability[x]!,
  givenDisagrees: batch.givenDisagrees[x] === 1,
  reasons: batch.reasons.get(x) ?? [],
});
