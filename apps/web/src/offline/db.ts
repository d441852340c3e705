import Dexie, { type Table } from 'dexie';
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

export class DeviceDb extends Dexie {
  profiles!: Table<Profile, string>;
  answers!: Table<CachedAnswer, [string, string]>;
  outbox!: Table<OutboxRow, string>;

  constructor(name = 'komek-device') {
    super(name);
    this.version(1).stores({
      profiles: 'userId, emailTag',
      answers: '[userId+url], userId, storedAt',
      outbox: 'id, userId, [userId+seq]',
    });
  }
}

export const deviceDb = new DeviceDb();
