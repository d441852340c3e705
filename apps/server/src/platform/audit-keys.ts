import { randomBytes } from 'node:crypto';
import { readKeyring } from './crypto.ts';

export interface AuditKey {
  id: string;
  key: Buffer;
}

/**
 * The keys that seal audit rows and checkpoints. They are never stored in the database: whoever
 * can rewrite the audit table still cannot forge a seal. Newest last; older keys verify old rows.
 */
export class AuditKeys {
  readonly current: AuditKey;
  private readonly all: Map<string, Buffer>;

  constructor(keys: AuditKey[]) {
    if (keys.length === 0) throw new Error('at least one audit key is needed');
    for (const { id, key } of keys) {
      if (key.length < 32) throw new Error(`audit key ${id} must be at least 32 bytes`);
      if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`audit key id "${id}" has bad characters`);
    }
    this.all = new Map(keys.map((k) => [k.id, k.key]));
    this.current = keys.at(-1)!;
  }

  byId(id: string): Buffer | undefined {
    return this.all.get(id);
  }
}

/** From KOMEK_AUDIT_KEYS ("id:base64,id:base64", newest last), else `audit-keys.json` in the data folder. */
export const loadAuditKeys = (options: { envKeys?: string; dataDir: string }): AuditKeys =>
  new AuditKeys(readKeyring({ ...options, file: 'audit-keys.json', idPrefix: 'a' }));

export const testAuditKeys = () => new AuditKeys([{ id: 'test', key: randomBytes(32) }]);
