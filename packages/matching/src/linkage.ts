import { BLOCKING_KEYS, type BlockingStats } from './blocking.ts';
import {
  type Comparison,
  compare,
  DEFAULT_MODEL,
  type Frequencies,
  frequenciesOf,
  type MatchModel,
} from './model.ts';
import type { PreparedRecord } from './record.ts';

export interface LinkOptions {
  model?: MatchModel;
  /** Blocks whose pair count exceeds this are skipped (and counted), to bound the work. */
  maxBlockPairs?: number;
  /** Keep pairs at or above this probability (defaults to the model's match threshold). */
  minProbability?: number;
  onProgress?: (done: number, total: number) => void;
  /** Sees every compared pair (for measuring blocking and baselines). */
  onCandidate?: (left: number, right: number, comparison: Comparison) => void;
}

export interface LinkedPair {
  left: number;
  right: number;
  comparison: Comparison;
}

function keysOf(records: PreparedRecord[]): Array<Array<string | null>> {
  return BLOCKING_KEYS.map(({ key }) => records.map(key));
}

function index(keys: Array<string | null>): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k === null) return;
    const list = blocks.get(k);
    if (list) list.push(i);
    else blocks.set(k, [i]);
  });
  return blocks;
}

/** log2 of the prior odds that a record's counterpart is one given record of a list this long. */
export function priorFor(otherListSize: number, expectedShare = 0.5): number {
  return Math.log2(expectedShare / Math.max(otherListSize, 1000));
}

/**
 * Links two lists (`self` = false) or finds duplicates inside one (`self` = true), returning the
 * pairs at or above the threshold, each compared once.
 */
function run(
  left: PreparedRecord[],
  right: PreparedRecord[],
  self: boolean,
  options: LinkOptions,
): { pairs: LinkedPair[]; stats: BlockingStats } {
  // The chance that two records picked at random are the same person falls as the other list
  // grows: in a million people, "Bakyt Asanov, born 1984" is no longer unique. The prior says so.
  const model = options.model ?? {
    ...DEFAULT_MODEL,
    priorLog2: priorFor(self ? left.length - 1 : right.length),
  };
  const minProbability = options.minProbability ?? model.matchThreshold;
  const cap = options.maxBlockPairs ?? 250_000;
  const freq: Frequencies = frequenciesOf(self ? left : [...left, ...right]);
  const leftKeys = keysOf(left);
  const rightKeys = self ? leftKeys : keysOf(right);
  const skipped: Array<Set<string>> = BLOCKING_KEYS.map(() => new Set());
  const stats: BlockingStats = { candidatePairs: 0, skippedBlocks: 0, skippedPairs: 0 };
  const pairs: LinkedPair[] = [];

  const earlierShared = (k: number, i: number, j: number) => {
    for (let e = 0; e < k; e++) {
      const key = leftKeys[e]![i];
      if (key != null && key === rightKeys[e]![j] && !skipped[e]!.has(key)) return true;
    }
    return false;
  };

  BLOCKING_KEYS.forEach((_, k) => {
    const leftBlocks = index(leftKeys[k]!);
    const rightBlocks = self ? leftBlocks : index(rightKeys[k]!);
    let done = 0;
    for (const [key, ls] of leftBlocks) {
      done++;
      const rs = rightBlocks.get(key);
      if (!rs) continue;
      const size = self ? (ls.length * (ls.length - 1)) / 2 : ls.length * rs.length;
      if (size === 0) continue;
      if (size > cap) {
        skipped[k]!.add(key);
        stats.skippedBlocks++;
        stats.skippedPairs += size;
        continue;
      }
      for (let a = 0; a < ls.length; a++) {
        const i = ls[a]!;
        for (let b = self ? a + 1 : 0; b < rs.length; b++) {
          const j = rs[b]!;
          if (earlierShared(k, i, j)) continue;
          stats.candidatePairs++;
          const comparison = compare(left[i]!, right[j]!, freq, model);
          options.onCandidate?.(i, j, comparison);
          if (comparison.probability >= minProbability) pairs.push({ left: i, right: j, comparison });
        }
      }
      if (options.onProgress && done % 10_000 === 0)
        options.onProgress(k * leftBlocks.size + done, BLOCKING_KEYS.length * leftBlocks.size);
    }
  });
  return { pairs, stats };
}

export const link = (left: PreparedRecord[], right: PreparedRecord[], options: LinkOptions = {}) =>
  run(left, right, false, options);

/** Duplicates inside one list, grouped into clusters (connected matched pairs). */
export function dedupe(records: PreparedRecord[], options: LinkOptions = {}) {
  const { pairs, stats } = run(records, records, true, options);
  const parent = records.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const p of pairs) parent[find(p.left)] = find(p.right);
  const clusters = records.map((_, i) => find(i));
  return { pairs, clusters, stats };
}
