import { BLOCKING_KEYS, type BlockingStats, familyNamesUnreliable } from './blocking.ts';
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
  /**
   * Blocks whose pair count exceeds this are split by their key's second key; parts still over
   * it are skipped (and counted), to bound the work.
   */
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

/**
 * A second key over both lists, read for a record the first time it is asked for: ids shared by
 * the two lists, -1 when the record lacks it.
 */
function lazySubKeys(
  key: (r: PreparedRecord) => string | null,
  left: PreparedRecord[],
  right: PreparedRecord[],
  self: boolean,
) {
  const ids = new Map<string, number>();
  const side = (records: PreparedRecord[]) => {
    const known = new Int32Array(records.length).fill(-2);
    return (x: number) => {
      let id = known[x]!;
      if (id !== -2) return id;
      const k = key(records[x]!);
      if (k === null) id = -1;
      else {
        id = ids.get(k) ?? ids.size;
        ids.set(k, id);
      }
      known[x] = id;
      return id;
    };
  };
  const l = side(left);
  return { left: l, right: self ? l : side(right) };
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
  // Bigger blocks are split by their second key: at 200,000 Afghan records a side a cap of 5,000
  // compares half the pairs of 250,000, at the same F1.
  const cap = options.maxBlockPairs ?? 5_000;
  const freq: Frequencies = frequenciesOf(self ? left : [...left, ...right]);
  const unreliable = familyNamesUnreliable(left, self ? [] : right);
  const inForce = BLOCKING_KEYS.filter((k) => unreliable || !k.onlyWhereFamilyNamesFail);
  const keys = inForce.map(({ key }) => blocksOf(key, left, right, self));
  // Second keys are read only for the records of blocks that get split: most never are.
  const subs = inForce.map(({ split }) => lazySubKeys(split, left, right, self));
  // Per key and block: 0 compared whole, 1 skipped, 2 split by the key's second key.
  const state = keys.map((k) => new Uint8Array(k.count));
  // Parts of split blocks still over the cap: `block:sub`, or `block:w` for the records lacking the second key.
  const skippedParts = keys.map(() => new Set<string>());
  const stats: BlockingStats = {
    candidatePairs: 0,
    splitBlocks: 0,
    skippedBlocks: 0,
    skippedPairs: 0,
    pairsByKey: keys.map(() => 0),
    keysInForce: inForce.map((k) => k.name),
  };
  const pairs: LinkedPair[] = [];
  const rivals = oneToOne ? new Rivals(left.length, right.length) : null;

  /** Whether an earlier key compared the pair already (each pair is compared once). */
  const earlierShared = (k: number, i: number, j: number) => {
    for (let e = 0; e < k; e++) {
      const id = keys[e]!.left[i]!;
      if (id < 0 || id !== keys[e]!.right[j]) continue;
      const st = state[e]![id];
      if (st === 0) return true;
      if (st === 1) continue;
      const si = subs[e]!.left(i);
      const sj = subs[e]!.right(j);
      if (si < 0 || sj < 0) {
        if (!skippedParts[e]!.has(`${id}:w`)) return true;
      } else if (si === sj && !skippedParts[e]!.has(`${id}:${si}`)) return true;
    }
    return false;
  };

  const visit = (k: number, i: number, j: number) => {
    if (earlierShared(k, i, j)) return;
    stats.candidatePairs++;
    stats.pairsByKey[k]!++;
    const comparison = compare(left[i]!, right[j]!, freq, model);
    options.onCandidate?.(i, j, comparison);
    // A sibling (another given name) is no rival: the name already tells them apart.
    if (rivals && !comparison.givenDisagrees) rivals.add(i, j, oddsOf(comparison, model));
    if (comparison.probability >= minProbability) pairs.push({ left: i, right: j, comparison });
  };
  const skip = (pairCount: number) => {
    stats.skippedBlocks++;
    stats.skippedPairs += pairCount;
  };

  /** A block over the cap, part by part: records agreeing on the second key, then those lacking it against all. */
  const splitBlock = (k: number, b: number, ls: number[], rs: number[]) => {
    state[k]![b] = 2;
    stats.splitBlocks++;
    const byPart = (records: number[], side: (x: number) => number) => {
      const parts = new Map<number, number[]>();
      const wild: number[] = [];
      for (const x of records) {
        const sub = side(x);
        if (sub < 0) wild.push(x);
        else {
          const part = parts.get(sub);
          if (part) part.push(x);
          else parts.set(sub, [x]);
        }
      }
      return { parts, wild };
    };
    const L = byPart(ls, subs[k]!.left);
    const R = self ? L : byPart(rs, subs[k]!.right);
    for (const [sub, lp] of L.parts) {
      const rp = R.parts.get(sub) ?? [];
      const size = self ? (lp.length * (lp.length - 1)) / 2 : lp.length * rp.length;
      if (size > cap) {
        skippedParts[k]!.add(`${b}:${sub}`);
        skip(size);
        continue;
      }
      for (let a = 0; a < lp.length; a++)
        for (let c = self ? a + 1 : 0; c < rp.length; c++) visit(k, lp[a]!, rp[c]!);
    }
    const known = (x: typeof L) => [...x.parts.values()].flat();
    const wildPairs = self
      ? (L.wild.length * (L.wild.length - 1)) / 2 + L.wild.length * (ls.length - L.wild.length)
      : L.wild.length * rs.length + (ls.length - L.wild.length) * R.wild.length;
    if (wildPairs > cap) {
      skippedParts[k]!.add(`${b}:w`);
      skip(wildPairs);
      return;
    }
    if (self) {
      const others = known(L);
      for (let a = 0; a < L.wild.length; a++) {
        for (let c = a + 1; c < L.wild.length; c++) visit(k, L.wild[a]!, L.wild[c]!);
        for (const o of others) visit(k, Math.min(L.wild[a]!, o), Math.max(L.wild[a]!, o));
      }
      return;
    }
    for (const i of L.wild) for (const j of rs) visit(k, i, j);
    for (const i of known(L)) for (const j of R.wild) visit(k, i, j);
  };

  const totalBlocks = keys.reduce((n, k) => n + k.count, 0);
  let done = 0;
  keys.forEach((blocks, k) => {
    const ls = membersOf(blocks.left, blocks.count);
    const rs = self ? ls : membersOf(blocks.right, blocks.count);
    for (let b = 0; b < blocks.count; b++, done++) {
      if (options.onProgress && done % 10_000 === 0) options.onProgress(done, totalBlocks);
      const l0 = ls.start[b]!;
      const l1 = ls.start[b + 1]!;
      const r0 = rs.start[b]!;
      const r1 = rs.start[b + 1]!;
      const size = self ? ((l1 - l0) * (l1 - l0 - 1)) / 2 : (l1 - l0) * (r1 - r0);
      if (size === 0) continue;
      if (size > cap) {
        splitBlock(k, b, Array.from(ls.items.subarray(l0, l1)), Array.from(rs.items.subarray(r0, r1)));
        continue;
      }
      for (let a = l0; a < l1; a++) {
        const i = ls.items[a]!;
        for (let c = self ? a + 1 : r0; c < r1; c++) visit(k, i, rs.items[c]!);
      }
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
