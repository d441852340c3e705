import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BLOCKING_KEYS } from '../blocking.ts';
import type { KeyBlocks } from '../candidates.ts';
import type { ComparedBatch } from '../compare-batch.ts';
import {
  batchesOf,
  clustersOf,
  finishRun,
  type LinkOptions,
  type LinkRun,
  runHere,
  startRun,
  takeBatch,
} from '../linkage.ts';
import type { PreparedRecord } from '../record.ts';
import { blocksFromHashes } from './hashed-keys.ts';
import type { BatchRequest, KeysRequest, Reply, WorkerSetup } from './messages.ts';
import { shareRecords } from './shared-records.ts';

export interface ParallelOptions extends LinkOptions {
  /**
   * Comparing threads; by default one per core, or none beside this one for lists under
   * `SMALL_LISTS` records, where starting threads costs more than it saves.
   */
  threads?: number;
}

const SMALL_LISTS = 20_000;

/** Batches handed to a thread before its first answer comes back: enough to keep it busy. */
const QUEUED_PER_THREAD = 3;

/** Threads that take requests and answer in turn; the first thread error fails whatever waits. */
class Pool {
  readonly workers: Worker[];
  readonly load: number[];
  private readonly answered = new Map<number, ComparedBatch>();
  private keysDone = 0;
  private failure: unknown = null;
  private wake: (() => void) | null = null;

  constructor(threads: number, setup: WorkerSetup) {
    this.workers = Array.from(
      { length: threads },
      () => new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: setup }),
    );
    this.load = this.workers.map(() => 0);
    this.workers.forEach((worker, w) => {
      worker.on('message', (reply: Reply) => {
        this.load[w]!--;
        if (reply.kind === 'keys') this.keysDone++;
        else this.answered.set(reply.seq, reply.compared);
        this.poke();
      });
      worker.on('error', (error) => {
        this.failure ??= error;
        this.poke();
      });
    });
  }

  private poke() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Resolves once `ready()` holds, checking after each answer; rejects on a thread's error. */
  async until(ready: () => boolean) {
    for (;;) {
      if (this.failure) throw this.failure;
      if (ready()) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  send(w: number, request: KeysRequest | BatchRequest) {
    this.load[w]!++;
    this.workers[w]!.postMessage(request);
  }

  /**
   * Each key in force's blocks: the keys hashed by the threads, a slice of each list per thread,
   * then numbered here. The hashes are let go as soon as the blocks are formed.
   */
  async formBlocks(run: LinkRun): Promise<KeyBlocks[]> {
    const keyCount = run.keys.length;
    const sides = run.self ? (['left'] as const) : (['left', 'right'] as const);
    const out = { left: [] as Float64Array[], right: [] as Float64Array[] };
    let asked = 0;
    for (const side of sides) {
      const n = run[side].length;
      out[side] = Array.from({ length: keyCount }, () => new Float64Array(new SharedArrayBuffer(8 * n)));
      const slice = Math.ceil(n / this.workers.length);
      this.workers.forEach((_, w) => {
        const from = w * slice;
        if (from >= n) return;
        this.send(w, { kind: 'keys', side, from, to: Math.min(n, from + slice), out: out[side] });
        asked++;
      });
    }
    await this.until(() => this.keysDone === asked);
    const right = run.self ? out.left : out.right;
    return out.left.map((hashes, k) => blocksFromHashes(hashes, right[k]!, run.self));
  }

  take(seq: number) {
    const compared = this.answered.get(seq);
    this.answered.delete(seq);
    return compared;
  }

  close() {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Blocking keys are formed and pairs compared on `threads` threads; the pairs are listed on this
 * one, and batches taken back in the order they were made, so the result is the one `link`
 * gives, to the bit.
 */
async function runInParallel(
  leftRecords: PreparedRecord[],
  rightRecords: PreparedRecord[],
  self: boolean,
  options: ParallelOptions,
) {
  const small = leftRecords.length + (self ? 0 : rightRecords.length) < SMALL_LISTS;
  const threads = Math.max(1, options.threads ?? (small ? 1 : availableParallelism()));
  if (threads === 1) return runHere(leftRecords, rightRecords, self, options);
  const run = startRun(leftRecords, rightRecords, self, options);
  const left = shareRecords(run.left);
  const pool = new Pool(threads, {
    entry: new URL('./compare-worker.ts', import.meta.url).href,
    left,
    right: self ? left : shareRecords(run.right),
    keys: run.keys.map((k) => BLOCKING_KEYS.indexOf(k)),
    names: run.names,
    model: run.model,
    keepFrom: run.minProbability,
  });
  try {
    const formed = await pool.formBlocks(run);
    const sent = new Map<number, Int32Array>();
    let nextToTake = 0;
    /** Takes in the answered batches that are next in order. */
    const takeAnswered = () => {
      for (let compared = pool.take(nextToTake); compared; compared = pool.take(nextToTake)) {
        takeBatch(run, sent.get(nextToTake)!, compared);
        sent.delete(nextToTake++);
      }
    };
    let seq = 0;
    for (const batch of batchesOf(run, formed, options.onProgress)) {
      await pool.until(() => {
        takeAnswered();
        return Math.min(...pool.load) < QUEUED_PER_THREAD;
      });
      const w = pool.load.indexOf(Math.min(...pool.load));
      sent.set(seq, batch);
      pool.send(w, { kind: 'batch', seq: seq++, pairs: batch });
    }
    await pool.until(() => {
      takeAnswered();
      return nextToTake === seq;
    });
  } finally {
    await pool.close();
  }
  return finishRun(run);
}

/** `link`, with keys formed and pairs compared on worker threads. */
export const linkInParallel = (
  left: PreparedRecord[],
  right: PreparedRecord[],
  options: ParallelOptions = {},
) => runInParallel(left, right, false, options);

/** `dedupe`, with keys formed and pairs compared on worker threads. */
export async function dedupeInParallel(records: PreparedRecord[], options: ParallelOptions = {}) {
  const { pairs, stats } = await runInParallel(records, records, true, options);
  return { pairs, clusters: clustersOf(records.length, pairs), stats };
}
