import { execFile, spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Database, newestMigration, openDatabase } from '../db/connection.ts';
import { CHECKPOINT_FILE, verifyAllChains } from './audit-checkpoints.ts';
import type { AuditKeys } from './audit-keys.ts';
import { exportSnapshot, rowCounts, scratchDatabaseBeside } from './backup.repo.ts';

const MAGIC = Buffer.from('KOMEKBK1');

// Our buffers are never shared memory; the DOM's Blob type (web tests load this file) wants that said.
const blobOf = (bytes: Buffer) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

export interface BackupManifest {
  version: 1;
  kind: 'pglite' | 'postgres';
  createdAt: string;
  migration: string;
  /** Rows per table at the moment of the snapshot, which a restored copy must hold exactly. */
  rows: Record<string, number>;
}

/** The key an administrator keeps apart from the machine: KOMEK_BACKUP_KEY, 32 bytes in base64. */
export function backupKey(encoded: string | undefined): Buffer {
  const key = Buffer.from(encoded ?? '', 'base64');
  if (key.length !== 32)
    throw new Error(
      'Set KOMEK_BACKUP_KEY to 32 random bytes in base64 (keep a copy away from this machine).',
    );
  return key;
}

/** Debian's PostgreSQL client tools, newest version first. */
function pgTool(name: string): string {
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions)
    if (existsSync(`/usr/lib/postgresql/${v}/bin/${name}`)) return `/usr/lib/postgresql/${v}/bin/${name}`;
  return name;
}

function pgDump(url: string, snapshot: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(pgTool('pg_dump'), [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--snapshot=${snapshot}`,
      `--dbname=${url}`,
    ]);
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => {
      err += c;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`pg_dump: ${err.trim()}`)),
    );
  });
}

/**
 * A consistent snapshot of the database with its row counts and the audit checkpoints, sealed with
 * the backup key. PostgreSQL: pg_dump on a snapshot exported from a repeatable-read transaction in
 * which the rows are counted. PGlite: its data folder as a tarball, taken between queries while the
 * server runs, the rows counted from that very tarball.
 */
export async function createBackup(database: Database, dataDir: string, key: Buffer): Promise<Buffer> {
  let dump: Buffer;
  let rows: Record<string, number>;
  if (database.kind === 'postgres') {
    [dump, rows] = await database.root
      .transaction(
        async (tx) => {
          const snapshot = await exportSnapshot(tx);
          return [await pgDump(database.connectionString!, snapshot), await rowCounts(tx)] as const;
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      )
      .then((r) => [r[0], r[1]] as [Buffer, Record<string, number>]);
  } else {
    dump = Buffer.from(await (await database.dumpDataDir!()).arrayBuffer());
    const copy = await openDatabase({ loadDataDir: blobOf(dump) });
    try {
      rows = await rowCounts(copy.db);
    } finally {
      await copy.close();
    }
  }
  const manifest: BackupManifest = {
    version: 1,
    kind: database.kind,
    createdAt: new Date().toISOString(),
    migration: newestMigration().tag,
    rows,
  };
  const checkpoints = existsSync(join(dataDir, CHECKPOINT_FILE))
    ? readFileSync(join(dataDir, CHECKPOINT_FILE))
    : Buffer.alloc(0);
  return seal(key, [Buffer.from(JSON.stringify(manifest)), checkpoints, dump]);
}

const length = (b: Buffer) => {
  const n = Buffer.alloc(8);
  n.writeBigUInt64BE(BigInt(b.length));
  return n;
};

function seal(key: Buffer, parts: Buffer[]): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(MAGIC);
  const body = Buffer.concat([
    cipher.update(Buffer.concat(parts.flatMap((p) => [length(p), p]))),
    cipher.final(),
  ]);
  return Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]);
}

/** Opens an archive; refuses one made with another key or altered in any byte. */
export function openBackup(archive: Buffer, key: Buffer) {
  if (archive.length < MAGIC.length + 28 || !archive.subarray(0, MAGIC.length).equals(MAGIC))
    throw new Error('This is not a Komek backup.');
  const iv = archive.subarray(8, 20);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(archive.subarray(archive.length - 16));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(archive.subarray(20, archive.length - 16)), decipher.final()]);
  } catch {
    throw new Error('The backup does not open with this key, or it was altered.');
  }
  const parts: Buffer[] = [];
  for (let at = 0; at < plain.length; ) {
    const n = Number(plain.readBigUInt64BE(at));
    parts.push(plain.subarray(at + 8, at + 8 + n));
    at += 8 + n;
  }
  const [manifest, checkpoints, dump] = parts as [Buffer, Buffer, Buffer];
  return { manifest: JSON.parse(manifest.toString('utf8')) as BackupManifest, checkpoints, dump };
}

/**
 * Restores into an empty target: a PostgreSQL database (pg_restore) or a PGlite data folder that
 * does not exist yet. The audit checkpoints go back into `dataDir`.
 */
export async function restoreBackup(
  archive: Buffer,
  key: Buffer,
  target: { databaseUrl?: string; pgliteDir?: string; dataDir: string },
) {
  const { manifest, checkpoints, dump } = openBackup(archive, key);
  if (manifest.kind === 'postgres') {
    if (!target.databaseUrl)
      throw new Error('This backup is of a PostgreSQL database: set DATABASE_URL to an empty one.');
    const work = mkdtempSync(join(tmpdir(), 'komek-restore-'));
    try {
      writeFileSync(join(work, 'dump'), dump, { mode: 0o600 });
      await promisify(execFile)(pgTool('pg_restore'), [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        `--dbname=${target.databaseUrl}`,
        join(work, 'dump'),
      ]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  } else {
    if (!target.pgliteDir)
      throw new Error('This backup is of an embedded database: restore it into a data folder.');
    if (existsSync(target.pgliteDir) && readdirSync(target.pgliteDir).length > 0)
      throw new Error(`${target.pgliteDir} is not empty: restore into a fresh data folder.`);
    const database = await openDatabase({ dataDir: target.pgliteDir, loadDataDir: blobOf(dump) });
    await database.close();
  }
  if (checkpoints.length > 0)
    writeFileSync(join(target.dataDir, CHECKPOINT_FILE), checkpoints, { mode: 0o600 });
  return manifest;
}

/**
 * Restores into a scratch database (in memory for PGlite; beside `serverUrl` for PostgreSQL) and
 * checks that every table holds the rows the backup counted and that every audit chain verifies
 * against the checkpoints it carries. The scratch copy is dropped again.
 */
export async function verifyBackup(archive: Buffer, key: Buffer, auditKeys: AuditKeys, serverUrl?: string) {
  const { manifest, checkpoints, dump } = openBackup(archive, key);
  const dataDir = mkdtempSync(join(tmpdir(), 'komek-verify-'));
  let database: Database;
  let drop = async () => {};
  if (manifest.kind === 'postgres') {
    if (!serverUrl)
      throw new Error(
        'Verifying a PostgreSQL backup needs DATABASE_URL: a scratch database is made beside it.',
      );
    const scratch = await scratchDatabaseBeside(serverUrl, 'komek_verify');
    drop = scratch.drop;
    await restoreBackup(archive, key, { databaseUrl: scratch.url, dataDir });
    database = await openDatabase({ url: scratch.url });
  } else {
    database = await openDatabase({ loadDataDir: blobOf(dump) });
    if (checkpoints.length > 0) writeFileSync(join(dataDir, CHECKPOINT_FILE), checkpoints);
  }
  try {
    const found = await rowCounts(database.db);
    const tables = [...new Set([...Object.keys(manifest.rows), ...Object.keys(found)])].sort();
    const differing = tables
      .filter((t) => manifest.rows[t] !== found[t])
      .map((table) => ({ table, expected: manifest.rows[table] ?? 0, found: found[table] ?? 0 }));
    const chains = await verifyAllChains({ database, auditKeys, config: { dataDir } });
    return {
      ok: differing.length === 0 && chains.ok,
      manifest,
      tables: tables.length,
      rows: Object.values(found).reduce((a, b) => a + b, 0),
      differing,
      chains: chains.chains.map((c) => ({ chain: c.chain, ok: c.ok, checked: c.checked })),
    };
  } finally {
    await database.close();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
