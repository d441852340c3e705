import { parentPort, workerData } from 'node:worker_threads';
import { BLOCKING_KEYS } from '../blocking.ts';
import { compareBatch } from '../compare-batch.ts';
import { frequenciesFrom } from '../model.ts';
import { hashKeysInto } from './hashed-keys.ts';
import type { BatchRequest, KeysRequest, Reply, WorkerSetup } from './messages.ts';
import { recordReader } from './shared-records.ts';

const setup = workerData as WorkerSetup;
const freq = frequenciesFrom(setup.names);
const keys = setup.keys.map((k) => BLOCKING_KEYS[k]!.key);
const send = (reply: Reply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);

parentPort!.on('message', (request: KeysRequest | BatchRequest) => {
  if (request.kind === 'keys') {
    const at = recordReader(request.side === 'left' ? setup.left : setup.right, { keep: false });
    hashKeysInto(keys, at, request.from, request.to, request.out);
    send({ kind: 'keys' });
    return;
  }
  // Records are read afresh for each batch: holding every record read would copy the lists.
  const leftAt = recordReader(setup.left);
  const rightAt = setup.right === setup.left ? leftAt : recordReader(setup.right);
  const compared = compareBatch(request.pairs, leftAt, rightAt, freq, setup.model, setup.keepFrom);
  send({ kind: 'batch', seq: request.seq, compared }, [
    compared.weight.buffer,
    compared.probability.buffer,
    compared.givenDisagrees.buffer,
  ]);
});
