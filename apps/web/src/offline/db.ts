import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Sealed, Wrapped } from './vault.ts';

/** One user's keys on this device; everything personal in the other tables is sealed under them. */
export interface Profile {
  userId: string;
  emailTag: string;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  byPassword: Wrapped;
  bySession: Wrapped | null;
  /** The signed-in user (name, role, organisation), to open the app offline. */
  session: Sealed;
  lastSyncAt: string | null;
  /** The server's time the next sync asks "changed since" (the device's clock may be wrong). */
  syncCursor?: string | null;
}

/** An API answer kept for reading offline, under its address. */
export interface CachedAnswer {
  userId: string;
  url: string;
  sealed: Sealed;
  storedAt: number;
}

export type OutboxState = 'waiting' | 'sending' | 'rejected' | 'conflict';

/** One change written on the device, waiting to be sent; only its state and order are in clear. */
export interface OutboxRow {
  id: string;
  userId: string;
  seq: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  /** Outbox ids this change needs on the server first (a consultation on a case made offline). */
  dependsOn: string[];
  /** The id of the record this change creates, when it creates one (the device chose it). */
  createsId: string | null;
  sealed: Sealed;
}

interface DeviceSchema extends DBSchema {
  profiles: { key: string; value: Profile; indexes: { emailTag: string } };
  answers: { key: [string, string]; value: CachedAnswer; indexes: { userId: string; storedAt: number } };
  outbox: { key: string; value: OutboxRow; indexes: { userId: string; '[userId+seq]': [string, number] } };
}
type Db = IDBPDatabase<DeviceSchema>;

// The layout Dexie gave this database (its version 1 is IndexedDB's 10, and these index names),
// so that a store made by an earlier build opens as it is, with what waits in it.
const VERSION = 10;
let opening: Promise<Db> | null = null;
const db = (): Promise<Db> =>
  (opening ??= openDB<DeviceSchema>('komek-device', VERSION, {
    upgrade(database) {
      const names = database.objectStoreNames;
      if (!names.contains('profiles'))
        database.createObjectStore('profiles', { keyPath: 'userId' }).createIndex('emailTag', 'emailTag');
      if (!names.contains('answers')) {
        const answers = database.createObjectStore('answers', { keyPath: ['userId', 'url'] });
        answers.createIndex('userId', 'userId');
        answers.createIndex('storedAt', 'storedAt');
      }
      if (!names.contains('outbox')) {
        const outbox = database.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('userId', 'userId');
        outbox.createIndex('[userId+seq]', ['userId', 'seq']);
      }
    },
    // Another tab opened a newer build: let it have the database, and reopen on the next use.
    blocking() {
      void opening?.then((d) => d.close());
      opening = null;
    },
  }));

/** Changes some fields of a row, in one transaction; nothing when the row is gone. */
async function patch<S extends 'profiles' | 'outbox'>(
  store: S,
  key: DeviceSchema[S]['key'],
  change: (row: DeviceSchema[S]['value']) => void,
): Promise<void> {
  const tx = (await db()).transaction(store, 'readwrite');
  const row = await tx.store.get(key);
  if (row) {
    change(row);
    await tx.store.put(row);
  }
  await tx.done;
}

const ofUser = (userId: string) => IDBKeyRange.only(userId);
const seqOf = (userId: string) => IDBKeyRange.bound([userId, -Infinity], [userId, Infinity]);

/** The device's three tables, as the offline modules use them. */
export const deviceDb = {
  profiles: {
    get: async (userId: string) => (await db()).get('profiles', userId),
    put: async (row: Profile) => void (await (await db()).put('profiles', row)),
    byEmailTag: async (tag: string) => (await db()).getFromIndex('profiles', 'emailTag', tag),
    count: async () => (await db()).count('profiles'),
    update: (userId: string, fields: Partial<Profile>) =>
      patch('profiles', userId, (row) => Object.assign(row, fields)),
    /** Every profile forgets its session wrapping: the session it opened with is over. */
    forgetSessions: async () => {
      const tx = (await db()).transaction('profiles', 'readwrite');
      for (const row of await tx.store.getAll()) await tx.store.put({ ...row, bySession: null });
      await tx.done;
    },
  },
  answers: {
    get: async (userId: string, url: string) => (await db()).get('answers', [userId, url]),
    put: async (row: CachedAnswer) => void (await (await db()).put('answers', row)),
    countOf: async (userId: string) => (await db()).countFromIndex('answers', 'userId', ofUser(userId)),
    ofUser: async (userId: string) => (await db()).getAllFromIndex('answers', 'userId', ofUser(userId)),
    /** Keeps the newest `keep` answers of a user. */
    trim: async (userId: string, keep: number) => {
      const tx = (await db()).transaction('answers', 'readwrite');
      const rows = await tx.store.index('userId').getAll(ofUser(userId));
      rows.sort((a, b) => a.storedAt - b.storedAt);
      for (const row of rows.slice(0, Math.max(0, rows.length - keep)))
        await tx.store.delete([row.userId, row.url]);
      await tx.done;
    },
    clear: async () => (await db()).clear('answers'),
  },
  outbox: {
    get: async (id: string) => (await db()).get('outbox', id),
    put: async (row: OutboxRow) => void (await (await db()).put('outbox', row)),
    delete: async (id: string) => (await db()).delete('outbox', id),
    /** A user's changes in the order they were written. */
    ofUser: async (userId: string) => (await db()).getAllFromIndex('outbox', '[userId+seq]', seqOf(userId)),
    countOf: async (userId: string) => (await db()).countFromIndex('outbox', 'userId', ofUser(userId)),
    all: async () => (await db()).getAll('outbox'),
    update: (id: string, fields: Partial<OutboxRow>) =>
      patch('outbox', id, (row) => Object.assign(row, fields)),
    /** Changes every row of a user, in one transaction. */
    modifyOfUser: async (userId: string, change: (row: OutboxRow) => void) => {
      const tx = (await db()).transaction('outbox', 'readwrite');
      for (const row of await tx.store.index('userId').getAll(ofUser(userId))) {
        change(row);
        await tx.store.put(row);
      }
      await tx.done;
    },
  },
  /** Everything of one user, in one transaction. */
  wipe: async (userId: string) => {
    const tx = (await db()).transaction(['profiles', 'answers', 'outbox'], 'readwrite');
    const answers = tx.objectStore('answers');
    for (const key of await answers.index('userId').getAllKeys(ofUser(userId))) await answers.delete(key);
    const outbox = tx.objectStore('outbox');
    for (const key of await outbox.index('userId').getAllKeys(ofUser(userId))) await outbox.delete(key);
    await tx.objectStore('profiles').delete(userId);
    await tx.done;
  },
};
