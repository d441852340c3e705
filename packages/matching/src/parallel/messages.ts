import type { ComparedBatch } from '../compare-batch.ts';
import type { MatchModel, NameCounts } from '../model.ts';
import type { SharedRecords } from './shared-records.ts';

/** What every thread is given once: the lists, the keys in force, the run's name counts and model. */
export interface WorkerSetup {
  entry: string;
  left: SharedRecords;
  right: SharedRecords;
  /** The blocking keys in force, as places in `BLOCKING_KEYS`. */
  keys: number[];
  names: NameCounts;
  model: MatchModel;
  keepFrom: number;
}

/** Hash the keys in force of records `from` … `to - 1` of one list into `out` (shared, one array per key). */
export interface KeysRequest {
  kind: 'keys';
  side: 'left' | 'right';
  from: number;
  to: number;
  out: Float64Array[];
}

/** Compare a batch of pairs, `[left, right, …]` record numbers. */
export interface BatchRequest {
  kind: 'batch';
  seq: number;
  pairs: Int32Array;
}

export type Reply = { kind: 'keys' } | { kind: 'batch'; seq: number; compared: ComparedBatch };
