import type { Contract, FieldIssue } from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import { ApiError, call, isOffline } from '../app/api.ts';
import { remember } from './answers.ts';
import { deviceDb, type OutboxRow, type OutboxState } from './db.ts';
import { deviceState, openKey, subscribeDevice } from './device.ts';
import { open, seal } from './vault.ts';

export type ChangeKind =
  | 'person'
  | 'personEdit'
  | 'case'
  | 'consultation'
  | 'note'
  | 'task'
  | 'taskDone'
  | 'attachment'
  | 'followUp'
  | 'activity';

/** A change as the user made it, sealed on the device until the server has it. */
export interface OutboxChange {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The address with its ids filled in, e.g. `/cases/0193…/interventions`. */
  path: string;
  body?: unknown;
  writtenAt: string;
  kind: ChangeKind;
  /** What the list shows: a name, a case number. */
  title: string;
  /** The record this change creates or edits, to read after a conflict (`/persons/0193…`). */
  target?: string;
  /** The record as it was when the user began the edit, to show what each side changed. */
  base?: unknown;
  problem?: { status: number; code: string; message: string; issues: FieldIssue[]; theirs?: unknown };
}

export interface OutboxItem {
  id: string;
  seq: number;
  state: OutboxState;
  attempts: number;
  dependsOn: string[];
  /** Null when the sealed change cannot be opened (a damaged store): it can still be exported. */
  change: OutboxChange | null;
}

const context = (row: Pick<OutboxRow, 'id' | 'userId'>) => `outbox:${row.userId}:${row.id}`;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
export function subscribeOutbox(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let lastSeq = 0;
const nextSeq = () => {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
};

function mustOpen() {
  const opened = openKey();
  if (!opened) throw new ApiError(0, 'device_locked', 'device locked');
  return opened;
}

async function rowsOf(userId: string): Promise<OutboxRow[]> {
  return deviceDb.outbox.ofUser(userId);
}

/**
 * Puts a change in the outbox and tries to send it at once. The change waits, sealed, until the
 * server has it; a change that names a record another waiting change creates is sent after it.
 */
export async function enqueue(change: Omit<OutboxChange, 'writtenAt'>, createsId?: string): Promise<string> {
  const { userId, key } = mustOpen();
  const id = createsId ?? uuidv7();
  const text = JSON.stringify([change.path, change.body]);
  const waiting = await rowsOf(userId);
  const dependsOn = waiting.filter((r) => r.createsId && text.includes(r.createsId)).map((r) => r.id);
  const full: OutboxChange = { ...change, writtenAt: new Date().toISOString() };
  const row: OutboxRow = {
    id,
    userId,
    seq: nextSeq(),
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: 0,
    dependsOn,
    createsId: createsId ?? null,
    sealed: { iv: new Uint8Array(0), data: new ArrayBuffer(0) },
  };
  row.sealed = await seal(key, full, context(row));
  await deviceDb.outbox.put(row);
  notify();
  return id;
}

/** One waiting change, opened; undefined when it is gone or cannot be opened. */
export async function outboxItem(
  id: string,
): Promise<{ state: OutboxState; change: OutboxChange } | undefined> {
  const opened = openKey();
  const row = opened ? await deviceDb.outbox.get(id) : undefined;
  if (!opened || !row) return undefined;
  const change = await open<OutboxChange>(opened.key, row.sealed, context(row)).catch(() => null);
  return change ? { state: row.state, change } : undefined;
}

/** Every waiting change of the user at the screen, oldest first. */
export async function outboxItems(): Promise<OutboxItem[]> {
  const opened = openKey();
  if (!opened) return [];
  const rows = await rowsOf(opened.userId);
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      seq: row.seq,
      state: row.state,
      attempts: row.attempts,
      dependsOn: row.dependsOn.filter((d) => rows.some((r) => r.id === d)),
      change: await open<OutboxChange>(opened.key, row.sealed, context(row)).catch(() => null),
    })),
  );
}

export async function waitingCount(): Promise<number> {
  const opened = openKey();
  return opened ? deviceDb.outbox.countOf(opened.userId) : 0;
}

/** The user edits a change that waits or was refused; it goes back in line as it was. */
export async function reviseChange(
  id: string,
  revise: (change: OutboxChange) => OutboxChange,
): Promise<void> {
  const { key } = mustOpen();
  const row = await deviceDb.outbox.get(id);
  if (!row) return;
  const next = revise(await open<OutboxChange>(key, row.sealed, context(row)));
  await deviceDb.outbox.update(id, {
    sealed: await seal(key, { ...next, problem: undefined }, context(row)),
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: 0,
  });
  notify();
  void flushOutbox();
}

/** The user gives a change up; changes that needed it stay, and say so. */
export async function discardChange(id: string): Promise<void> {
  await deviceDb.outbox.delete(id);
  notify();
}

const delivered = new Map<string, unknown>();
/**
 * The server's answer to a change sent in this page's life, for the form that made it; boxed, as
 * an answer with no body (204) is delivered all the same.
 */
export const deliveredAnswer = (id: string): { answer: unknown } | undefined =>
  delivered.has(id) ? { answer: delivered.get(id) } : undefined;

type Outcome =
  | { kind: 'delivered'; answer: unknown }
  | { kind: 'retry'; stop: boolean }
  | { kind: 'refused'; state: 'rejected' | 'conflict'; problem: NonNullable<OutboxChange['problem']> };

const asContract = (change: OutboxChange) =>
  ({ method: change.method, path: change.path }) as unknown as Contract;
const read = (path: string) => call({ method: 'GET', path } as unknown as Contract, {});

async function send(row: OutboxRow, change: OutboxChange): Promise<Outcome> {
  try {
    const answer = await call(asContract(change), { body: change.body } as never, {
      idempotencyKey: row.id,
      writtenAt: change.writtenAt,
    });
    return { kind: 'delivered', answer };
  } catch (error) {
    if (!(error instanceof ApiError)) return { kind: 'retry', stop: true };
    if (isOffline(error) || error.status === 401 || error.code === 'csrf_failed')
      return { kind: 'retry', stop: true };
    if (error.status >= 500 || error.status === 429) return { kind: 'retry', stop: false };
    const problem = { status: error.status, code: error.code, message: error.message, issues: error.issues };
    if (error.status === 409 && change.target) {
      // A create whose answer was lost finds its record there: it arrived once, and that is enough.
      const theirs = await read(change.target).catch(() => undefined);
      if (row.createsId && theirs !== undefined) return { kind: 'delivered', answer: theirs };
      return { kind: 'refused', state: 'conflict', problem: { ...problem, theirs } };
    }
    return { kind: 'refused', state: 'rejected', problem };
  }
}

const backoff = (attempts: number) => Math.min(300_000, 2_000 * 2 ** attempts) * (0.75 + Math.random() / 2);

let flushing: Promise<number> | null = null;

/** Sends what can go, in the order it was written; the number delivered. One run at a time. */
export function flushOutbox(): Promise<number> {
  flushing ??= flushOnce().finally(() => {
    flushing = null;
  });
  return flushing;
}

async function flushOnce(): Promise<number> {
  const opened = openKey();
  if (!opened || (deviceState().kind === 'open' && !navigator.onLine)) return 0;
  const rows = await rowsOf(opened.userId);
  const present = new Set(rows.map((r) => r.id));
  let count = 0;
  for (const row of rows) {
    if (row.state !== 'waiting' || row.nextAttemptAt > Date.now()) continue;
    if (row.dependsOn.some((d) => present.has(d))) continue;
    const change = await open<OutboxChange>(opened.key, row.sealed, context(row)).catch(() => null);
    if (!change) continue;
    await deviceDb.outbox.update(row.id, { state: 'sending' });
    const outcome = await send(row, change);
    if (outcome.kind === 'delivered') {
      await deviceDb.outbox.delete(row.id);
      present.delete(row.id);
      delivered.set(row.id, outcome.answer);
      if (change.target) await remember(`/api${change.target}`, outcome.answer).catch(() => {});
      count++;
    } else if (outcome.kind === 'retry') {
      await deviceDb.outbox.update(row.id, {
        state: 'waiting',
        attempts: row.attempts + 1,
        nextAttemptAt: Date.now() + backoff(row.attempts),
      });
      if (outcome.stop) break;
    } else {
      const sealed = await seal(opened.key, { ...change, problem: outcome.problem }, context(row));
      await deviceDb.outbox.update(row.id, { state: outcome.state, sealed });
    }
    notify();
  }
  if (count > 0) for (const listener of deliveredListeners) listener(count);
  return count;
}

const deliveredListeners = new Set<(count: number) => void>();
/** Told after a run that delivered something, so that screens read the server's versions. */
export function onDelivered(listener: (count: number) => void) {
  deliveredListeners.add(listener);
  return () => deliveredListeners.delete(listener);
}

/** Sends what waits now, not at its next try: the network is back, or the user asked. */
export async function sendNow(): Promise<number> {
  const opened = openKey();
  if (opened) {
    await deviceDb.outbox.modifyOfUser(opened.userId, (row) => {
      row.nextAttemptAt = 0;
      // Cut off mid-send (the page was closed): the same key makes sending again safe.
      if (row.state === 'sending') row.state = 'waiting';
    });
  }
  return flushOutbox();
}

/** Sends when the network returns, when the store opens, and every little while if something waits. */
export function startOutbox(): () => void {
  const kick = () => void sendNow();
  window.addEventListener('online', kick);
  const stop = subscribeDevice(() => {
    if (deviceState().kind === 'open') kick();
  });
  const timer = window.setInterval(() => void flushOutbox(), 20_000);
  // The store may have opened before this started (it loads after the first screen).
  if (deviceState().kind === 'open') kick();
  return () => {
    window.removeEventListener('online', kick);
    stop();
    window.clearInterval(timer);
  };
}

/** Everything waiting, as a file the user can keep or hand over when the device store fails. */
export async function exportOutbox(): Promise<Blob> {
  const opened = openKey();
  const rows = opened ? await rowsOf(opened.userId) : await deviceDb.outbox.all();
  const items = await Promise.all(
    rows.map(async (row) => {
      const change = opened
        ? await open<OutboxChange>(opened.key, row.sealed, context(row)).catch(() => null)
        : null;
      return change
        ? { id: row.id, state: row.state, change }
        : {
            id: row.id,
            state: row.state,
            unreadable: true,
            sealed: base64(row.sealed.data),
            iv: base64(row.sealed.iv),
          };
    }),
  );
  return new Blob([JSON.stringify({ exportedAt: new Date().toISOString(), items }, null, 2)], {
    type: 'application/json',
  });
}

function base64(bytes: ArrayBuffer | Uint8Array): string {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}
