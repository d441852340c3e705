import { type KeyBlocks, numberBlocks } from '../candidates.ts';
import type { PreparedRecord } from '../record.ts';

/**
 * Blocking keys as numbers, so that threads can form them and hand them back through shared
 * memory: two 32-bit FNV-1a hashes of the key joined into 53 bits, -1 where the key cannot be
 * formed. Two keys hashing alike merely join two blocks: more pairs compared, none lost.
 */
export function hashKey(key: string | null): number {
  if (key === null) return -1;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff);
}

/** Writes records `from` … `to - 1`'s hashed keys, one array per key (`out[k][x]`). */
export function hashKeysInto(
  keys: Array<(r: PreparedRecord) => string | null>,
  recordAt: (x: number) => PreparedRecord,
  from: number,
  to: number,
  out: Float64Array[],
) {
  for (let x = from; x < to; x++) {
    const r = recordAt(x);
    for (let k = 0; k < keys.length; k++) out[k]![x] = hashKey(keys[k]!(r));
  }
}

/** Blocks from both lists' hashed keys, as `blocksOf` forms them from the keys themselves. */
export const blocksFromHashes = (left: Float64Array, right: Float64Array, self: boolean): KeyBlocks =>
  numberBlocks(
    (list, x) => {
      const h = (list ? right : left)[x]!;
      return h < 0 ? null : h;
    },
    [left.length, right.length],
    self,
  );
