import type { Finding } from './findings.ts';
import { compare, DEFAULT_LEVELS, dobLevel, type Frequencies, type MatchModel, type MU } from './model.ts';
import type { NameLevel } from './name-level.ts';
import type { PreparedRecord } from './record.ts';

/**
 * Weights estimated for one pair of lists (Fellegi–Sunter, u and m per list pair): u, each
 * level's chance for two people picked at random, counted on random pairs of the two lists; m,
 * its chance for the same person, learnt from pairs drawn by one field about the others (pairs
 * drawn by a field say nothing true of that field's m: that is how EM on blocked pairs
 * collapses). The names' m by expectation–maximisation, u held fixed, on pairs born the same day;
 * the dates' m counted on names each list writes once (drawn by names, the date is the one field
 * left, and EM cannot split a mixture on one field). Each estimate is drawn toward its default by
 * pseudo-counts and moves a weight by at most `MAX_SHIFT_BITS`; an estimate that contradicts
 * itself keeps the defaults, and says why.
 */
export interface Estimate {
  model: MatchModel;
  /** Random pairs counted for u. */
  random: number;
  /** The pairs learnt from: drawn by birth date (EM), and pairs whose names each list writes once. */
  sessions: Array<{
    drawnBy: 'birth date' | 'names written once';
    pairs: number;
    iterations?: number;
    matchShare?: number;
  }>;
  /** Why default weights were kept, where they were. */
  keptDefaults: string[];
}

type NameKey = 'exact' | 'slip' | 'close' | 'near' | 'disagree';
type Field = 'name' | 'patronymic' | 'sex' | 'dob';

/** One field's level in one pair; for an exact name, u is that name's own share of the lists. */
interface Seen {
  field: Field;
  level: string;
  uExact?: number;
}

/** A weight moves at most this far from its default, however the lists look. */
export const MAX_SHIFT_BITS = 2;
/** Pseudo-counts drawing m and u toward their defaults: what few observations say counts for little. */
const M_PRIOR = 200;
const U_PRIOR = 2000;

/** The fields' levels of a compared pair, from its findings. */
function levelsOf(a: PreparedRecord, b: PreparedRecord, parts: Finding[], model: MatchModel): Seen[] {
  const seen: Seen[] = [];
  for (const f of parts) {
    if (f.field === 'family' || f.field === 'given' || f.field === 'father_as_family') {
      const level = f.outcome as NameLevel;
      if (level === 'missing') continue;
      // An exact name's weight is log2(mExact / its share): the share is read back from it.
      const bits = f.field === 'father_as_family' ? f.bits + 1 : f.bits;
      seen.push(
        level === 'exact'
          ? { field: 'name', level, uExact: model.name.mExact / 2 ** bits }
          : { field: 'name', level },
      );
    } else if (f.field === 'patronymic') seen.push({ field: 'patronymic', level: f.outcome });
    else if (f.field === 'sex')
      seen.push({ field: 'sex', level: f.outcome === 'same' ? 'agree' : 'disagree' });
  }
  // The level itself, not its finding: two levels ("a different month", days known or not) share one.
  const dob = dobLevel(a, b);
  if (dob !== 'missing') seen.push({ field: 'dob', level: dob });
  return seen;
}

/** A seeded generator (mulberry32), so that an estimate is the same on every run. */
export function seededRandom(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const column = (levels: Record<string, MU>, i: 0 | 1) =>
  Object.fromEntries(Object.entries(levels).map(([k, mu]) => [k, mu[i]]));

/** The defaults as m and u per field and level (no u for an exact name: it is the name's own share). */
function defaultsOf(model: MatchModel): Record<'m' | 'u', Record<Field, Record<string, number>>> {
  const n = model.name;
  const names = { slip: n.slip, close: n.close, near: n.near, disagree: n.disagree };
  const side = (i: 0 | 1) => ({
    name: column(names, i),
    patronymic: column(DEFAULT_LEVELS.patronymic, i),
    sex: column(DEFAULT_LEVELS.sex, i),
    dob: column(DEFAULT_LEVELS.dob, i),
  });
  const m = side(0);
  return { m: { ...m, name: { exact: n.mExact, ...m.name } }, u: side(1) };
}

/** Each field's share over its levels, drawn toward `prior` by `strength` pseudo-counts. */
function shares(
  counts: Record<Field, Record<string, number>>,
  prior: Record<Field, Record<string, number>>,
  strength: number,
) {
  const out = structuredClone(prior);
  for (const field of Object.keys(prior) as Field[]) {
    const levels = Object.keys(prior[field]);
    const total = levels.reduce((s, l) => s + (counts[field][l] ?? 0), 0);
    const priorTotal = levels.reduce((s, l) => s + prior[field][l]!, 0);
    for (const l of levels)
      out[field][l] =
        ((counts[field][l] ?? 0) + (strength * prior[field][l]!) / priorTotal) / (total + strength);
  }
  return out;
}

const emptyCounts = (): Record<Field, Record<string, number>> => ({
  name: {},
  patronymic: {},
  sex: {},
  dob: {},
});

/** Up to `count` of the pairs of the two lists sharing `key`, each pair once, a uniform sample (reservoir). */
function pairsSharing(
  left: PreparedRecord[],
  right: PreparedRecord[],
  key: (r: PreparedRecord) => string | null,
  count: number,
  random: () => number,
): Array<[PreparedRecord, PreparedRecord]> {
  const byKey = new Map<string, PreparedRecord[]>();
  for (const r of right) {
    const k = key(r);
    if (k === null) continue;
    const group = byKey.get(k);
    if (group) group.push(r);
    else byKey.set(k, [r]);
  }
  const kept: Array<[PreparedRecord, PreparedRecord]> = [];
  let seen = 0;
  for (const a of left)
    for (const b of byKey.get(key(a) ?? '') ?? []) {
      const at = seen < count ? seen : Math.floor(random() * (seen + 1));
      seen++;
      if (at < count) kept[at] = [a, b];
    }
  return kept;
}

/** Pairs whose family and given names, as folded, each list writes once: near-certain pairs where the names are rare. */
function pairsWrittenOnce(
  left: PreparedRecord[],
  right: PreparedRecord[],
): Array<[PreparedRecord, PreparedRecord]> {
  const once = (records: PreparedRecord[]) => {
    const seen = new Map<string, PreparedRecord | null>();
    for (const r of records) {
      if (!r.family || !r.given) continue;
      const k = `${r.family}|${r.given}`;
      seen.set(k, seen.has(k) ? null : r);
    }
    return seen;
  };
  const rightOnce = once(right);
  const out: Array<[PreparedRecord, PreparedRecord]> = [];
  for (const [k, a] of once(left)) {
    const b = rightOnce.get(k);
    if (a && b) out.push([a, b]);
  }
  return out;
}

/**
 * Estimates the weights for a list pair: u on `randomPairs` random pairs; the names' m by EM on
 * `sessionPairs` pairs born the same day, the dates' m on up to as many pairs of names written
 * once on each list. `base` gives the defaults and all that is not a weight.
 */
export function estimateModel(
  left: PreparedRecord[],
  right: PreparedRecord[],
  freq: Frequencies,
  base: MatchModel,
  { randomPairs = 100_000, sessionPairs = 50_000, seed = 1 } = {},
): Estimate {
  const defaults = defaultsOf(base);
  const random = seededRandom(seed);
  const observe = (a: PreparedRecord, b: PreparedRecord) => {
    const parts: Finding[] = [];
    compare(a, b, freq, base, parts);
    return levelsOf(a, b, parts, base);
  };

  // u: random pairs of the two lists; a true pair among them is one in a list's length.
  const uCounts = emptyCounts();
  for (let x = 0; x < randomPairs; x++) {
    const a = left[Math.floor(random() * left.length)]!;
    const b = right[Math.floor(random() * right.length)]!;
    for (const s of observe(a, b))
      if (s.field !== 'name' || s.level !== 'exact')
        uCounts[s.field][s.level] = (uCounts[s.field][s.level] ?? 0) + 1;
  }
  const u = shares(uCounts, defaults.u, U_PRIOR);
  const uOf = (s: Seen) => s.uExact ?? u[s.field][s.level]!;

  /** EM over pairs drawn by one field, learning the m of the others. */
  const session = (pairs: Array<[PreparedRecord, PreparedRecord]>, learns: Field[]) => {
    const seen = pairs.map(([a, b]) => observe(a, b).filter((s) => learns.includes(s.field)));
    const logU = seen.map((xs) => xs.reduce((sum, s) => sum + Math.log(uOf(s)), 0));
    let m = defaults.m;
    let share = 0.5;
    let iterations = 0;
    while (iterations < 50 && seen.length) {
      iterations++;
      const mCounts = emptyCounts();
      let matches = 0;
      seen.forEach((xs, i) => {
        let logM = 0;
        for (const s of xs) logM += Math.log(m[s.field][s.level]!);
        const p = 1 / (1 + Math.exp(Math.log(1 - share) + logU[i]! - Math.log(share) - logM));
        matches += p;
        for (const s of xs) mCounts[s.field][s.level] = (mCounts[s.field][s.level] ?? 0) + p;
      });
      m = shares(mCounts, defaults.m, M_PRIOR);
      const next = Math.min(0.999, Math.max(1e-4, matches / seen.length));
      const moved = Math.abs(next - share);
      share = next;
      if (moved < 1e-5) break;
    }
    return { m, share, iterations, pairs: seen.length };
  };
  const fullDate = (r: PreparedRecord) => (r.day ? `${r.year}-${r.month}-${r.day}` : null);
  const byDate = session(pairsSharing(left, right, fullDate, sessionPairs, random), [
    'name',
    'patronymic',
    'sex',
  ]);
  // Drawn by names, the date is the one field left to learn from (sex follows the given name):
  // EM cannot tell a mixture from one field and settles on "all one person". Names each list
  // writes once are near-certain pairs instead, where rare: the dates' m is counted on them.
  const unique = pairsWrittenOnce(left, right).slice(0, sessionPairs);
  const dobCounts = emptyCounts();
  for (const [a, b] of unique) {
    const level = dobLevel(a, b);
    if (level !== 'missing') dobCounts.dob[level] = (dobCounts.dob[level] ?? 0) + 1;
  }

  const keptDefaults: string[] = [];
  const bitsOf = (m: Record<Field, Record<string, number>>, field: Field, level: string) =>
    Math.log2(m[field][level]! / u[field][level]!);
  /** Why the names' EM is not to be trusted, if it is not. */
  const doubt =
    byDate.pairs < 500
      ? `only ${byDate.pairs} pairs to learn from`
      : byDate.share <= 0.002 || byDate.share >= 0.998
        ? `EM found ${(byDate.share * 100).toFixed(1)} % of pairs to be one person`
        : // Agreeing must weigh for and disagreeing against: else EM settled on another kind of pair.
          !(byDate.m.name.exact! > byDate.m.name.disagree! && bitsOf(byDate.m, 'name', 'disagree') < 0)
          ? 'EM settled on something other than the same person'
          : null;
  if (doubt) keptDefaults.push(`names: ${doubt}`);
  const namesM = doubt ? null : byDate.m;
  const datesM = unique.length >= 500 ? shares(dobCounts, defaults.m, M_PRIOR) : null;
  if (!datesM) keptDefaults.push(`dates: only ${unique.length} pairs of names written once on each list`);

  const shift = (estimated: number, current: number) =>
    current + Math.max(-MAX_SHIFT_BITS, Math.min(MAX_SHIFT_BITS, estimated - current));
  const weighed = <K extends string>(m: typeof namesM, field: Field, current: Record<K, number>) =>
    m
      ? (Object.fromEntries(
          Object.entries<number>(current).map(([k, c]) => [k, shift(bitsOf(m, field, k), c)]),
        ) as Record<K, number>)
      : current;
  /** A name level as [m, u] whose weight has moved by no more than the bound. */
  const nameLevel = (m: NonNullable<typeof namesM>, level: Exclude<NameKey, 'exact'>): [number, number] => {
    const [m0, u0] = base.name[level];
    return [u0 * 2 ** shift(bitsOf(m, 'name', level), Math.log2(m0 / u0)), u0];
  };
  return {
    random: randomPairs,
    sessions: [
      { drawnBy: 'birth date', pairs: byDate.pairs, iterations: byDate.iterations, matchShare: byDate.share },
      { drawnBy: 'names written once', pairs: unique.length },
    ],
    keptDefaults,
    model: {
      ...base,
      name: namesM
        ? {
            ...base.name,
            mExact: 2 ** shift(Math.log2(namesM.name.exact!), Math.log2(base.name.mExact)),
            slip: nameLevel(namesM, 'slip'),
            close: nameLevel(namesM, 'close'),
            near: nameLevel(namesM, 'near'),
            disagree: nameLevel(namesM, 'disagree'),
          }
        : base.name,
      patronymic: weighed(namesM, 'patronymic', base.patronymic),
      sex: weighed(namesM, 'sex', base.sex),
      dob: weighed(datesM, 'dob', base.dob),
    },
  };
}
