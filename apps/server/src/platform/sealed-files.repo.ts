import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { sealedFileChunks } from '../db/schema/index.ts';

/** A megabyte a row: large enough to keep a file in few rows, small enough for any driver. */
const CHUNK_BYTES = 1024 * 1024;

export async function insertSealedFile(db: Db, fileId: string, orgId: string, sealed: Buffer) {
  const rows = [];
  for (let offset = 0, chunk = 0; offset < sealed.length; offset += CHUNK_BYTES, chunk++)
    rows.push({ fileId, orgId, chunk, data: sealed.subarray(offset, offset + CHUNK_BYTES) });
  await db.insert(sealedFileChunks).values(rows);
}

/** The sealed bytes, or null for a file kept on disk before files moved into the database. */
export async function readSealedChunks(db: Db, fileId: string): Promise<Buffer | null> {
  const rows = await db
    .select({ data: sealedFileChunks.data })
    .from(sealedFileChunks)
    .where(eq(sealedFileChunks.fileId, fileId))
    .orderBy(asc(sealedFileChunks.chunk));
  // PGlite answers bytea as a Uint8Array, node-postgres as a Buffer.
  return rows.length === 0 ? null : Buffer.concat(rows.map((r) => Buffer.from(r.data)));
}

/** Puts resealed bytes in place of a file's chunks (key rotation), in the caller's transaction. */
export async function rewriteSealedFile(db: Db, fileId: string, sealed: Buffer) {
  const [first] = await db
    .select({ orgId: sealedFileChunks.orgId })
    .from(sealedFileChunks)
    .where(eq(sealedFileChunks.fileId, fileId))
    .limit(1);
  if (!first) return false;
  await db.delete(sealedFileChunks).where(eq(sealedFileChunks.fileId, fileId));
  await insertSealedFile(db, fileId, first.orgId, sealed);
  return true;
}
