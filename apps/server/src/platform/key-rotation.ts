import type { Database, Db } from '../db/connection.ts';
import type { FieldCipher } from './crypto.ts';
import { databaseFiles, type FileStore } from './file-store.ts';
import {
  countStale,
  countStaleFiles,
  replaceValue,
  type SealedColumn,
  type SealedFiles,
  setFileKey,
  staleFiles,
  staleValues,
  textColumns,
} from './key-rotation.repo.ts';

/**
 * Where a sealed value's context differs from the rule `<table>.<column without _enc>:<row id>`
 * that every other one follows (the seal binds a value to its place; these were bound otherwise).
 */
const EXCEPTIONS: Record<string, Pick<SealedColumn, 'idColumn' | 'context'>> = {
  // Both the secret being set up and the one in use are bound to the user as `totp_secret`.
  'users.totp_pending_secret': { idColumn: 'id', context: (id) => `users.totp_secret:${id}` },
  // An event's note is bound to its referral, so the thread reads with one context.
  'referral_events.note_enc': { idColumn: 'referral_id', context: (id) => `referral_events.note:${id}` },
  // The kept chat export's name is bound to the sealed file, not to the import row.
  'messenger_imports.filename_enc': {
    idColumn: 'file_id',
    context: (id) => `messenger_imports.filename:${id}`,
  },
};
/** Sealed columns whose names do not end in `_enc`. */
const OTHER_SEALED = new Set(['users.totp_secret', 'users.totp_pending_secret', 'intake_items.outcome_note']);

/** Tables of sealed files: their seal binds `<table>:<file id>`, their row names the key. */
export const SEALED_FILES: SealedFiles[] = [
  { table: 'case_attachments', idColumn: 'id', keyColumn: 'key_id' },
  { table: 'activity_attachments', idColumn: 'id', keyColumn: 'key_id' },
  { table: 'messenger_imports', idColumn: 'file_id', keyColumn: 'file_key_id' },
];

/** Every sealed text column of the schema, found by name, with the context its values carry. */
export async function sealedColumns(db: Db): Promise<SealedColumn[]> {
  return (await textColumns(db))
    .filter(({ table, column }) => column.endsWith('_enc') || OTHER_SEALED.has(`${table}.${column}`))
    .map(({ table, column }) => ({
      table,
      column,
      idColumn: 'id',
      context: (id: string) => `${table}.${column.replace(/_enc$/, '')}:${id}`,
      ...EXCEPTIONS[`${table}.${column}`],
    }));
}

export interface RotationProgress {
  place: string;
  done: number;
  total: number;
}

export interface RotationResult {
  resealed: number;
  /** Values or files that did not open with any key held, by place: left as they are. */
  unopened: Record<string, number>;
  /** Files still on disk from before files moved into the database: left under their key. */
  onDisk: number;
}

const BATCH = 200;

/**
 * Reseals every sealed value and file under the newest key (the last of KOMEK_ENCRYPTION_KEYS).
 * Resumable: it only ever looks for what is not yet under the newest key, so a run stopped half
 * way is finished by running it again. Each batch commits on its own; a value changed by someone
 * meanwhile is left for the next run rather than overwritten. A value that opens with no key is
 * counted and left alone, never lost. Older keys stay needed until a run reports nothing left.
 */
export async function rotateKeys(
  database: Database,
  cipher: FieldCipher,
  onProgress: (p: RotationProgress) => void = () => {},
  files: FileStore = databaseFiles,
  batchSize = BATCH,
): Promise<RotationResult> {
  const newest = cipher.newestKeyId;
  const result: RotationResult = { resealed: 0, unopened: {}, onDisk: 0 };
  const fail = (place: string) => {
    result.unopened[place] = (result.unopened[place] ?? 0) + 1;
  };
  for (const c of await sealedColumns(database.root)) {
    const place = `${c.table}.${c.column}`;
    const total = await countStale(database.root, c, newest);
    if (total === 0) continue;
    let done = 0;
    for (let after = ''; ; ) {
      const batch = await staleValues(database.root, c, newest, after, batchSize);
      if (batch.length === 0) break;
      await database.root.transaction(async (tx) => {
        for (const { row, bound, value } of batch) {
          let plain: string;
          try {
            plain = cipher.decrypt(value, c.context(bound));
          } catch {
            fail(place);
            continue;
          }
          if (await replaceValue(tx as Db, c, row, value, cipher.encrypt(plain, c.context(bound))))
            result.resealed++;
        }
      });
      after = batch.at(-1)!.row;
      done += batch.length;
      onProgress({ place, done, total });
    }
  }
  for (const f of SEALED_FILES) {
    const total = await countStaleFiles(database.root, f, newest);
    if (total === 0) continue;
    let done = 0;
    for (let after = ''; ; ) {
      // Files are up to 25 MB: a few at a time.
      const batch = await staleFiles(database.root, f, newest, after, 10);
      if (batch.length === 0) break;
      for (const { id, key_id } of batch) {
        await database.root.transaction(async (tx) => {
          const sealed = await files.get(tx as Db, id);
          if (!sealed) {
            result.onDisk++;
            return;
          }
          let plain: Buffer;
          try {
            plain = cipher.decryptBuffer(sealed, key_id, `${f.table}:${id}`);
          } catch {
            fail(f.table);
            return;
          }
          const resealed = cipher.encryptBuffer(plain, `${f.table}:${id}`);
          // Bytes first, then the key that names them: in the database both commit together; in an
          // object store a stop between the two leaves a file under a key its row does not name
          // yet, which still opens (a file is tried with every key held) and is redone next run.
          if (!(await files.replace(tx as Db, id, resealed.sealed))) return;
          await setFileKey(tx as Db, f, id, key_id, resealed.keyId);
          result.resealed++;
        });
      }
      after = batch.at(-1)!.id;
      done += batch.length;
      onProgress({ place: f.table, done, total });
    }
  }
  return result;
}
