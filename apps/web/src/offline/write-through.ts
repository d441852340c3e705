import { type CallInput, type Contract, fillPath, type ResponseOf } from '@komek/domain';
import { ApiError, call } from '../app/api.ts';
import type { OfflineWrite } from '../app/hooks.ts';
import { deliveredAnswer, discardChange, enqueue, flushOutbox, outboxItem } from './outbox.ts';
import { deviceState } from './state.ts';

/**
 * A write through the outbox: kept sealed on the device first, then sent at once when the network
 * allows. Refused while the user is still at the form, it comes back as that form's error;
 * otherwise it waits, and the screens show it as it will be.
 */
export async function writeThroughOutbox<C extends Contract>(
  contract: C,
  input: CallInput<C>,
  offline: OfflineWrite<C>,
) {
  const state = deviceState();
  if (state.kind !== 'open') return call(contract, input, { idempotencyKey: crypto.randomUUID() });
  const { params, body } = input as { params?: Record<string, unknown>; body?: unknown };
  const id = await enqueue(
    {
      method: contract.method as 'POST',
      path: fillPath(contract.path, params),
      body,
      kind: offline.kind,
      title: offline.title(input),
      target: offline.target?.(input),
      base: offline.base?.(input),
    },
    offline.createsId?.(input),
  );
  await flushOutbox();
  if (deliveredAnswer(id) === undefined && navigator.onLine) await flushOutbox();
  const delivered = deliveredAnswer(id);
  if (delivered) return delivered.answer as ResponseOf<C>;
  const item = await outboxItem(id);
  if (item && (item.state === 'rejected' || item.state === 'conflict')) {
    const problem = item.change.problem;
    await discardChange(id);
    if (problem) throw new ApiError(problem.status, problem.code, problem.message, problem.issues);
  }
  return offline.local(input, state.session.user);
}
