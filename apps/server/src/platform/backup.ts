import { spawn } from 'node:child_process';
import { createDecipheriv } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Database, newestMigration, openDatabase } from '../db/connection.ts';
import { CHECKPOINT_FILE, verifyAllChains } from './audit-checkpoints.ts';
import type { AuditKeys } from './audit-keys.ts';
import { exportSnapshot, rowCounts, scratchDatabaseBeside } from './backup.repo.ts';
import {
  MAGIC as ARCHIVE_MAGIC,
  archiveFormat,
  archivePlaintext,
  checkArchive,
  collect,
  MAGIC_V1,
  readArchive,
  writeArchive,
} from './backup-archive.ts';

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

/** One of Debian's PostgreSQL client tools at work; `done` settles when it has exited, with its errors. */
function pgToolAt(name: string, args: string[]) {
  const child = spawn(pgTool(name), args);
  let err = '';
  child.stderr.on('data', (c: Buffer) => {
    err += c;
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${name}: ${err.trim()}`))));
  });
  return { child, done };
}

/** pg_dump of an exported snapshot, as a stream. */
function pgDump(url: string, snapshot: string) {
  const { child, done } = pgToolAt('pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--snapshot=${snapshot}`,
    `--dbname=${url}`,
  ]);
  return { stream: child.stdout as AsyncIterable<Buffer>, done };
}

/**
 * A consistent snapshot of the database with its row counts and the audit checkpoints, sealed with
 * the backup key into `out`. PostgreSQL: in one read-only repeatable-read transaction the rows are
 * counted and its snapshot exported to pg_dump, whose output is sealed as it streams (the archive
 * never sits in memory). PGlite: its data folder as a tarball, taken between queries while the
 * server runs, the rows counted from that very tarball.
 */
export async function createBackup(
  database: Database,
  dataDir: string,
  key: Buffer,
  out: string,
): Promise<{ bytes: number; manifest: BackupManifest }> {
  const checkpoints = existsSync(join(dataDir, CHECKPOINT_FILE))
    ? readFileSync(join(dataDir, CHECKPOINT_FILE))
    : Buffer.alloc(0);
  const manifestOf = (rows: Record<string, number>): BackupManifest => ({
    version: 1,
    kind: database.kind,
    createdAt: new Date().toISOString(),
    migration: newestMigration().tag,
    rows,
  });
  const header = (m: BackupManifest) => [Buffer.from(JSON.stringify(m)), checkpoints];
  if (database.kind === 'postgres') {
    return database.root.transaction(
      async (tx) => {
        const manifest = manifestOf(await rowCounts(tx));
        const dump = pgDump(database.connectionString!, await exportSnapshot(tx));
        const [bytes] = await Promise.all([
          writeArchive(out, key, archivePlaintext(header(manifest), dump.stream)),
          dump.done,
        ]);
        return { bytes, manifest };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }
  const dump = Buffer.from(await (await database.dumpDataDir!()).arrayBuffer());
  const copy = await openDatabase({ loadDataDir: blobOf(dump) });
  let manifest: BackupManifest;
  try {
    manifest = manifestOf(await rowCounts(copy.db));
  } finally {
    await copy.close();
  }
  const bytes = await writeArchive(out, key, archivePlaintext(header(manifest), dump));
  return { bytes, manifest };
}

/**
 * Opens an archive held in memory (a download, a test); refuses one made with another key or
 * altered in any byte. Reads this format and the earlier one (`KOMEKBK1`, every part
 * length-prefixed).
 */
export function openBackup(archive: Buffer, key: Buffer) {
  const magic = archive.subarray(0, 8);
  const v2 = magic.equals(ARCHIVE_MAGIC);
  if (archive.length < 8 + 28 || (!v2 && !magic.equals(MAGIC_V1)))
    throw new Error('This is not a Komek backup.');
  const decipher = createDecipheriv('aes-256-gcm', key, archive.subarray(8, 20));
  decipher.setAAD(magic);
  decipher.setAuthTag(archive.subarray(archive.length - 16));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(archive.subarray(20, archive.length - 16)), decipher.final()]);
  } catch {
    throw new Error('The backup does not open with this key, or it was altered.');
  }
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < (v2 ? 2 : 3); i++) {
    const n = Number(plain.readBigUInt64BE(at));
    parts.push(plain.subarray(at + 8, at + 8 + n));
    at += 8 + n;
  }
  if (v2) parts.push(plain.subarray(at));
  const [manifest, checkpoints, dump] = parts as [Buffer, Buffer, Buffer];
  return { manifest: JSON.parse(manifest.toString('utf8')) as BackupManifest, checkpoints, dump };
}

/**
 * An archive's manifest, checkpoints and dump (as a stream), after its tag has been checked in a
 * first pass over the file: nothing of an altered archive reaches a database.
 */
async function openArchiveFile(path: string, key: Buffer) {
  const format = archiveFormat(path);
  if (format === null) throw new Error('This is not a Komek backup.');
  if (format === 1) {
    const { manifest, checkpoints, dump } = openBackup(readFileSync(path), key);
    return { manifest, checkpoints, dump: archivePlaintext([], dump) };
  }
  await checkArchive(path, key);
  const { parts, dump } = await readArchive(path, key, 2);
  const [manifest, checkpoints] = parts as [Buffer, Buffer];
  return { manifest: JSON.parse(manifest.toString('utf8')) as BackupManifest, checkpoints, dump };
}

/** pg_restore reading the dump from its standard input, as it streams out of the archive. */
async function pgRestore(databaseUrl: string, dump: AsyncIterable<Buffer>) {
  const { child, done } = pgToolAt('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    `--dbname=${databaseUrl}`,
  ]);
  await Promise.all([pipeline(Readable.from(dump), child.stdin), done]);
}

/**
 * Restores the archive at `path` into an empty target: a PostgreSQL database (pg_restore) or a
 * PGlite data folder that does not exist yet. The audit checkpoints go back into `dataDir`.
 */
export async function restoreBackup(
  path: string,
  key: Buffer,
  target: { databaseUrl?: string; pgliteDir?: string; dataDir: string },
) {
  const { manifest, checkpoints, dump } = await openArchiveFile(path, key);
  if (manifest.kind === 'postgres') {
    if (!target.databaseUrl)
      throw new Error('This backup is of a PostgreSQL database: set DATABASE_URL to an empty one.');
    await pgRestore(target.databaseUrl, dump);
  } else {
    if (!target.pgliteDir)
      throw new Error('This backup is of an embedded database: restore it into a data folder.');
    if (existsSync(target.pgliteDir) && readdirSync(target.pgliteDir).length > 0)
      throw new Error(`${target.pgliteDir} is not empty: restore into a fresh data folder.`);
    const database = await openDatabase({
      dataDir: target.pgliteDir,
      loadDataDir: blobOf(await collect(dump)),
    });
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
export async function verifyBackup(path: string, key: Buffer, auditKeys: AuditKeys, serverUrl?: string) {
  const { manifest, checkpoints, dump } = await openArchiveFile(path, key);
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
    await pgRestore(scratch.url, dump);
    database = await openDatabase({ url: scratch.url });
  } else {
    database = await openDatabase({ loadDataDir: blobOf(await collect(dump)) });
  }
  if (checkpoints.length > 0) writeFileSync(join(dataDir, CHECKPOINT_FILE), checkpoints);
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
