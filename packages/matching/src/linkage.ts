import { BLOCKING_KEYS, type BlockingStats } from './blocking.ts';
import { type Explanation, explainPair } from './explain.ts';
import {
  type Comparison,
  compare,
  DEFAULT_MODEL,
  type Frequencies,
  frequenciesOf,
  type MatchModel,
  oddsOf,
} from './model.ts';
import { type LinkedPair, Rivals } from './one-to-one.ts';
import type { PreparedRecord } from './record.ts';

export interface LinkOptions {
  model?: MatchModel;
  /** Blocks whose pair count exceeds this are skipped (and counted), to bound the work. */
  maxBlockPairs?: number;
  /**
   * Each record is linked to one record of the other list at most: the likeliest pairs are taken
   * first, from the model's one-to-one threshold. On by default for two lists; turn it off when
   * a list may hold the same person twice. Dedupe never uses it.
   */
  oneToOne?: boolean;
  /** Keep pairs at or above this probability (defaults to the model's threshold for the mode). */
  minProbability?: number;
  onProgress?: (done: number, total: number) => void;
  /** Sees every compared pair (for measuring blocking and baselines). */
  onCandidate?: (left: number, right: number, comparison: Comparison) => void;
}

/**
 * One blocking key over both lists, as numbers: each record's block (-1 when the key cannot be
 * formed). A million records keep six of these as typed arrays instead of twelve million strings.
 */
interface KeyBlocks {
  left: Int32Array;
  right: Int32Array;
  count: number;
}

function blocksOf(
  key: (r: PreparedRecord) => string | null,
  left: PreparedRecord[],
  right: PreparedRecord[],
  self: boolean,
): KeyBlocks {
  const ids = new Map<string, number>();
  const idsOf = (records: PreparedRecord[]) => {
    const out = new Int32Array(records.length).fill(-1);
    for (let i = 0; i < records.length; i++) {
      const k = key(records[i]!);
      if (k === null) continue;
      let id = ids.get(k);
      if (id === undefined) {
        id = ids.size;
        ids.set(k, id);
      }
      out[i] = id;
    }
    return out;
  };
  const l = idsOf(left);
  return { left: l, right: self ? l : idsOf(right), count: ids.size };
}

/** The records of each block, contiguous: block b holds items[start[b]] … items[start[b + 1] - 1]. */
function membersOf(ids: Int32Array, count: number) {
  const start = new Int32Array(count + 1);
  for (const id of ids) if (id >= 0) start[id + 1]!++;
  for (let b = 0; b < count; b++) start[b + 1]! += start[b]!;
  const next = start.slice(0, count);
  const items = new Int32Array(start[count]!);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id >= 0) items[next[id]!++] = i;
  }
  return { start, items };
}

/**
 * Some lists write 1 January when only the year is known. One birthday in 365 falls there; when
 * a list has many more than that (over 2 % of its full dates), its 1 January dates are read as
 * "year known, day unknown". Returns the list unchanged otherwise.
 */
export function januaryFirstAsYear(records: PreparedRecord[]): {
  records: PreparedRecord[];
  share: number;
  defaulted: boolean;
} {
  let full = 0;
  let first = 0;
  for (const r of records) {
    if (!r.day) continue;
    full++;
    if (r.month === 1 && r.day === 1) first++;
  }
  const share = full ? first / full : 0;
  if (share <= 0.02) return { records, share, defaulted: false };
  return {
    records: records.map((r) => (r.month === 1 && r.day === 1 ? { ...r, month: 0, day: 0 } : r)),
    share,
    defaulted: true,
  };
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
  leftAsGiven: PreparedRecord[],
  rightAsGiven: PreparedRecord[],
  self: boolean,
  options: LinkOptions,
): { pairs: LinkedPair[]; stats: BlockingStats; explain: (pair: LinkedPair) => Explanation } {
  const left = januaryFirstAsYear(leftAsGiven).records;
  const right = self ? left : januaryFirstAsYear(rightAsGiven).records;
  // The chance that two records picked at random are the same person falls as the other list
  // grows: in a million people, "Bakyt Asanov, born 1984" is no longer unique. The prior says so.
  const base = options.model ?? {
    ...DEFAULT_MODEL,
    priorLog2: priorFor(self ? left.length - 1 : right.length),
  };
  const oneToOne = !self && options.oneToOne !== false;
  const minProbability = options.minProbability ?? (oneToOne ? base.oneToOneThreshold : base.matchThreshold);
  // Siblings are kept below the threshold actually in force, not only below the match threshold.
  const model = {
    ...base,
    distinctNameCeiling: Math.min(base.distinctNameCeiling, minProbability - 0.01),
  };
  const cap = options.maxBlockPairs ?? 250_000;
  const freq: Frequencies = frequenciesOf(self ? left : [...left, ...right]);
  const keys = BLOCKING_KEYS.map(({ key }) => blocksOf(key, left, right, self));
  const skipped = keys.map((k) => new Uint8Array(k.count));
  const stats: BlockingStats = { candidatePairs: 0, skippedBlocks: 0, skippedPairs: 0 };
  const pairs: LinkedPair[] = [];
  const rivals = oneToOne ? new Rivals(left.length, right.length) : null;

  const earlierShared = (k: number, i: number, j: number) => {
    for (let e = 0; e < k; e++) {
      const id = keys[e]!.left[i]!;
      if (id >= 0 && id === keys[e]!.right[j] && !skipped[e]![id]) return true;
    }
    return false;
  };

  const totalBlocks = keys.reduce((n, k) => n + k.count, 0);
  let done = 0;
  keys.forEach((blocks, k) => {
    const ls = membersOf(blocks.left, blocks.count);
    const rs = self ? ls : membersOf(blocks.right, blocks.count);
    for (let b = 0; b < blocks.count; b++, done++) {
      const l0 = ls.start[b]!;
      const l1 = ls.start[b + 1]!;
      const r0 = rs.start[b]!;
      const r1 = rs.start[b + 1]!;
      const size = self ? ((l1 - l0) * (l1 - l0 - 1)) / 2 : (l1 - l0) * (r1 - r0);
      if (size === 0) continue;
      if (size > cap) {
        skipped[k]![b] = 1;
        stats.skippedBlocks++;
        stats.skippedPairs += size;
        continue;
      }
      for (let a = l0; a < l1; a++) {
        const i = ls.items[a]!;
        for (let c = self ? a + 1 : r0; c < r1; c++) {
          const j = rs.items[c]!;
          if (earlierShared(k, i, j)) continue;
          stats.candidatePairs++;
          const comparison = compare(left[i]!, right[j]!, freq, model);
          options.onCandidate?.(i, j, comparison);
          // A sibling (another given name) is no rival: the name already tells them apart.
          if (rivals && !comparison.givenDisagrees) rivals.add(i, j, oddsOf(comparison, model));
          if (comparison.probability >= minProbability) pairs.push({ left: i, right: j, comparison });
        }
      }
      if (options.onProgress && done % 10_000 === 0) options.onProgress(done, totalBlocks);
    }
  });
  const explain = (pair: LinkedPair) => explainPair(left[pair.left]!, right[pair.right]!, freq, model, pair);
  if (!rivals) return { pairs, stats, explain };
  return { pairs: rivals.assign(pairs, (c) => oddsOf(c, model), minProbability), stats, explain };
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
