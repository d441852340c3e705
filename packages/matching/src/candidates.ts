import { BLOCKING_KEYS, type BlockingKey, type BlockingStats, familyNamesUnreliable } from './blocking.ts';
import type { PreparedRecord } from './record.ts';

/**
 * One blocking key over both lists, as numbers: each record's block (-1 when the key cannot be
 * formed). A million records keep six of these as typed arrays instead of twelve million strings.
 */
export interface KeyBlocks {
  left: Int32Array;
  right: Int32Array;
  count: number;
}

/**
 * Blocks numbered from a key per record of each list (`keyOf(list, x)`: 0 left, 1 right; null when
 * the key cannot be formed), in order of first appearance, left list first.
 */
export function numberBlocks<K>(
  keyOf: (list: 0 | 1, x: number) => K | null,
  counts: [number, number],
  self: boolean,
): KeyBlocks {
  const ids = new Map<K, number>();
  const idsOf = (list: 0 | 1) => {
    const out = new Int32Array(counts[list]).fill(-1);
    for (let x = 0; x < out.length; x++) {
      const k = keyOf(list, x);
      if (k === null) continue;
      let id = ids.get(k);
      if (id === undefined) {
        id = ids.size;
        ids.set(k, id);
      }
      out[x] = id;
    }
    return out;
  };
  const l = idsOf(0);
  return { left: l, right: self ? l : idsOf(1), count: ids.size };
}

/** One blocking key's blocks, the key formed from each record. */
export const blocksOf = (
  key: (r: PreparedRecord) => string | null,
  left: PreparedRecord[],
  right: PreparedRecord[],
  self: boolean,
) => numberBlocks((list, x) => key((list ? right : left)[x]!), [left.length, right.length], self);

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

/** The blocking keys a list pair needs: those doing without family names only where these fail. */
export const keysInForce = (left: PreparedRecord[], right: PreparedRecord[], self: boolean) => {
  const unreliable = familyNamesUnreliable(left, self ? [] : right);
  return BLOCKING_KEYS.filter((k) => unreliable || !k.onlyWhereFamilyNamesFail);
};

/** Candidate pairs are handed on in batches of about this many, each pair as two numbers (left, right). */
const BATCH_PAIRS = 20_000;

/**
 * The pairs worth comparing, from every blocking key in force, each pair once, in batches of
 * `[left, right, left, right, …]`. Blocks over the cap are split by their key's second key; parts
 * still over it are skipped and counted in `stats`. Which pairs come out depends on the lists
 * alone, never on how the pairs compare, so the batches can be compared anywhere, in any order.
 */
export function* candidateBatches(
  left: PreparedRecord[],
  right: PreparedRecord[],
  self: boolean,
  cap: number,
  /** The blocking keys in force, and each one's blocks (formed here or by threads). */
  inForce: BlockingKey[],
  keys: KeyBlocks[],
  stats: BlockingStats,
  onProgress?: (done: number, total: number) => void,
): Generator<Int32Array> {
  stats.keysInForce = inForce.map((k) => k.name);
  stats.pairsByKey = inForce.map(() => 0);
  // Second keys are read only for the records of blocks that get split: most never are.
  const subs = inForce.map(({ split }) => lazySubKeys(split, left, right, self));
  // Per key and block: 0 compared whole, 1 skipped, 2 split by the key's second key.
  const state = keys.map((k) => new Uint8Array(k.count));
  // Parts of split blocks still over the cap: `block:sub`, or `block:w` for the records lacking the second key.
  const skippedParts = keys.map(() => new Set<string>());
  let batch: number[] = [];
  const full = () => batch.length >= 2 * BATCH_PAIRS;
  const flush = () => {
    const out = Int32Array.from(batch);
    batch = [];
    return out;
  };

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
    batch.push(i, j);
  };
  const skip = (pairCount: number) => {
    stats.skippedBlocks++;
    stats.skippedPairs += pairCount;
  };

  /** A block over the cap, part by part: records agreeing on the second key, then those lacking it against all. */
  function* splitBlock(k: number, b: number, ls: number[], rs: number[]): Generator<Int32Array> {
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
      if (full()) yield flush();
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
  }

  const totalBlocks = keys.reduce((n, k) => n + k.count, 0);
  let done = 0;
  for (let k = 0; k < keys.length; k++) {
    const blocks = keys[k]!;
    const ls = membersOf(blocks.left, blocks.count);
    const rs = self ? ls : membersOf(blocks.right, blocks.count);
    for (let b = 0; b < blocks.count; b++, done++) {
      if (onProgress && done % 10_000 === 0) onProgress(done, totalBlocks);
      const l0 = ls.start[b]!;
      const l1 = ls.start[b + 1]!;
      const r0 = rs.start[b]!;
      const r1 = rs.start[b + 1]!;
      const size = self ? ((l1 - l0) * (l1 - l0 - 1)) / 2 : (l1 - l0) * (r1 - r0);
      if (size === 0) continue;
      if (size > cap) {
        yield* splitBlock(k, b, Array.from(ls.items.subarray(l0, l1)), Array.from(rs.items.subarray(r0, r1)));
      } else
        for (let a = l0; a < l1; a++) {
          const i = ls.items[a]!;
          for (let c = self ? a + 1 : r0; c < r1; c++) visit(k, i, rs.items[c]!);
        }
      if (full()) yield flush();
    }
  }
  if (batch.length) yield flush();
}
