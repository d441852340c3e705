import { deviceDb } from './db.ts';
import { openKey } from './device.ts';
import { open, seal } from './vault.ts';

/** Enough for a field worker's people, cases and reference lists; the oldest go first past it. */
export const MAX_ANSWERS = 3000;

const COUNT_EVERY = 50;
let sinceCount = COUNT_EVERY - 1;

const context = (userId: string, url: string) => `answer:${userId}:${url}`;

/** Keeps an answer sealed on the device, to read when the network is gone. */
export async function remember(url: string, value: unknown): Promise<void> {
  const opened = openKey();
  if (!opened) return;
  const sealed = await seal(opened.key, value, context(opened.userId, url));
  await deviceDb.answers.put({ userId: opened.userId, url, sealed, storedAt: Date.now() });
  // Counted once in a while, not on every answer: a sync stores hundreds in a row.
  if (++sinceCount >= COUNT_EVERY) {
    sinceCount = 0;
    if ((await deviceDb.answers.countOf(opened.userId)) > MAX_ANSWERS)
      await deviceDb.answers.trim(opened.userId, MAX_ANSWERS);
  }
}

/** The answer kept for this address, if any. */
export async function recall<T>(url: string): Promise<T | undefined> {
  const opened = openKey();
  if (!opened) return undefined;
  const row = await deviceDb.answers.get(opened.userId, url);
  if (!row) return undefined;
  return open<T>(opened.key, row.sealed, context(opened.userId, url));
}

/** Changes a kept answer in place (a change written offline shows in the lists it belongs to). */
export async function amend<T>(url: string, change: (old: T | undefined) => T | undefined): Promise<void> {
  const next = change(await recall<T>(url));
  if (next !== undefined) await remember(url, next);
}
