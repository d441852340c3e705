import type { BlockingKey, BlockingStats } from './blocking.ts';
import { blocksOf, candidateBatches, type KeyBlocks, keysInForce } from './candidates.ts';
import { type ComparedBatch, compareBatch, comparisonAt } from './compare-batch.ts';
import { type Estimate, estimateModel } from './estimate.ts';
import { type Explanation, explainPair } from './explain.ts';
import {
  type Comparison,
  countNames,
  DEFAULT_MODEL,
  type Frequencies,
  frequenciesFrom,
  type MatchModel,
  type NameCounts,
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
  /**
   * Linking two lists, estimate the weights for this list pair first (`estimateModel`: u from
   * random pairs, m by EM). Not when a model is given.
   */
  estimate?: boolean;
  /** Keep pairs at or above this probability (defaults to the model's threshold for the mode). */
  minProbability?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Sees every compared pair (for measuring blocking and baselines); the comparison's reasons
   * are given for the pairs at or above the kept probability alone.
   */
  onCandidate?: (left: number, right: number, comparison: Comparison) => void;
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

/** One linking run under way: its lists, model and frequencies, and what it has found so far. */
export interface LinkRun {
  left: PreparedRecord[];
  right: PreparedRecord[];
  self: boolean;
  model: MatchModel;
  minProbability: number;
  cap: number;
  /** The blocking keys in force for these lists. */
  keys: BlockingKey[];
  names: NameCounts;
  freq: Frequencies;
  stats: BlockingStats;
  pairs: LinkedPair[];
  rivals: Rivals | null;
  onCandidate?: LinkOptions['onCandidate'];
  /** The weights estimated for this list pair, when they were. */
  estimate?: Estimate;
}

/**
 * Reads 1 January defaults, sets the prior for the lists' size, the caps and keys in force, and
 * estimates the weights for the list pair when asked.
 */
export function startRun(
  leftAsGiven: PreparedRecord[],
  rightAsGiven: PreparedRecord[],
  self: boolean,
  options: LinkOptions,
): LinkRun {
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
  const names = countNames(self ? left : [...left, ...right]);
  const freq = frequenciesFrom(names);
  // Siblings are kept below the threshold actually in force, not only below the match threshold.
  const model = { ...base, distinctNameCeiling: Math.min(base.distinctNameCeiling, minProbability - 0.01) };
  const estimate =
    !self && !options.model && options.estimate ? estimateModel(left, right, freq, model) : undefined;
  return {
    left,
    right,
    self,
    model: estimate?.model ?? model,
    minProbability,
    // Bigger blocks are split by their second key: at 200,000 Afghan records a side a cap of 5,000
    // compares half the pairs of 250,000, at the same F1.
    cap: options.maxBlockPairs ?? 5_000,
    keys: keysInForce(left, right, self),
    names,
    freq,
    stats: {
      candidatePairs: 0,
      splitBlocks: 0,
      skippedBlocks: 0,
      skippedPairs: 0,
      pairsByKey: [],
      keysInForce: [],
    },
    pairs: [],
    rivals: oneToOne ? new Rivals(left.length, right.length) : null,
    onCandidate: options.onCandidate,
    estimate,
  };
}

/** Each blocking key in force's blocks, formed on this thread. */
export const formBlocksHere = (run: LinkRun) =>
  run.keys.map(({ key }) => blocksOf(key, run.left, run.right, run.self));

/** The run's candidate pairs in batches, from the blocks of its keys. */
export const batchesOf = (run: LinkRun, formed: KeyBlocks[], onProgress?: LinkOptions['onProgress']) =>
  candidateBatches(run.left, run.right, run.self, run.cap, run.keys, formed, run.stats, onProgress);

/** Takes in a compared batch; batches must come in the order they were made, so that runs agree to the bit. */
export function takeBatch(run: LinkRun, batch: Int32Array, compared: ComparedBatch) {
  for (let x = 0; x < batch.length / 2; x++) {
    const i = batch[2 * x]!;
    const j = batch[2 * x + 1]!;
    const probability = compared.probability[x]!;
    if (!run.onCandidate && !run.rivals && probability < run.minProbability) continue;
    const comparison = comparisonAt(compared, x);
    run.onCandidate?.(i, j, comparison);
    // A sibling (another given name) is no rival: the name already tells them apart.
    if (run.rivals && !comparison.givenDisagrees) run.rivals.add(i, j, oddsOf(comparison, run.model));
    if (probability >= run.minProbability) run.pairs.push({ left: i, right: j, comparison });
  }
}

/** Links one-to-one where asked, and explains any pair the way it was judged. */
export function finishRun(run: LinkRun): {
  pairs: LinkedPair[];
  stats: BlockingStats;
  explain: (pair: LinkedPair) => Explanation;
  estimate?: Estimate;
} {
  const { left, right, freq, model, rivals } = run;
  const explain = (pair: LinkedPair) => explainPair(left[pair.left]!, right[pair.right]!, freq, model, pair);
  const pairs = rivals ? rivals.assign(run.pairs, (c) => oddsOf(c, model), run.minProbability) : run.pairs;
  return { pairs, stats: run.stats, explain, estimate: run.estimate };
}

/**
 * Links two lists (`self` = false) or finds duplicates inside one (`self` = true), returning the
 * pairs at or above the threshold, each compared once, on this thread (`linkInParallel` spreads
 * the comparing over worker threads, with the same result).
 */
export function runHere(
  left: PreparedRecord[],
  right: PreparedRecord[],
  self: boolean,
  options: LinkOptions,
) {
  const state = startRun(left, right, self, options);
  const formed = formBlocksHere(state);
  const leftAt = (x: number) => state.left[x]!;
  const rightAt = (x: number) => state.right[x]!;
  for (const batch of batchesOf(state, formed, options.onProgress))
    takeBatch(
      state,
      batch,
      compareBatch(batch, leftAt, rightAt, state.freq, state.model, state.minProbability),
    );
  return finishRun(state);
}

export const link = (left: PreparedRecord[], right: PreparedRecord[], options: LinkOptions = {}) =>
  runHere(left, right, false, options);

/** Duplicates inside one list, grouped into clusters (connected matched pairs). */
export function dedupe(records: PreparedRecord[], options: LinkOptions = {}) {
  const { pairs, stats } = runHere(records, records, true, options);
  return { pairs, clusters: clustersOf(records.length, pairs), stats };
}

/** Each record's cluster (a record of it), from the matched pairs: connected records are one person. */
export function clustersOf(count: number, pairs: LinkedPair[]): number[] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const p of pairs) parent[find(p.left)] = find(p.right);
  return parent.map((_, i) => find(i));
}
