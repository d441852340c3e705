import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/connection.ts';
import { attachToCase, openCase, registerPerson } from '../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../test/harness.ts';
import { startObjectStore } from '../test/object-store.ts';
import { FieldCipher } from './crypto.ts';
import { type FileStore, s3Files } from './file-store.ts';
import { rotateKeys } from './key-rotation.ts';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(4000)]);

/** Sealed files in an S3-compatible object store (s3rver, an S3 server on loopback). */
describe('files in an object store (KOMEK_S3_URL)', () => {
  let s3: Awaited<ReturnType<typeof startObjectStore>>;
  let store: FileStore;
  let t: TestApp;
  let session: Session;
  beforeAll(async () => {
    s3 = await startObjectStore('komek-files');
    store = await s3Files(s3.url);
    t = await createTestApp();
    t.platform.files = store;
    t.platform.cipher = new FieldCipher([k1]);
    session = (await t.signedIn('lawyer')).session;
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  const upload = async () => {
    const person = await registerPerson(t, session);
    const c = await openCase(t, session, [person.id]);
    return { caseId: c.id, id: await attachToCase(t, session, c.id, PDF) };
  };
  const download = (a: { caseId: string; id: string }) =>
    t.app.inject({
      method: 'GET',
      url: `/api/cases/${a.caseId}/attachments/${a.id}`,
      headers: session.headers,
    });

  it('keeps an upload sealed in the bucket, not in the database, and gives it back', async () => {
    const a = await upload();
    const object = await store.get(t.db, a.id);
    expect(object).not.toBeNull();
    expect(object!.includes(Buffer.from('%PDF'))).toBe(false);
    expect(object!.length).toBe(PDF.length + 28);
    const chunks = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from sealed_file_chunks where file_id = ${a.id}`,
    );
    expect(chunks[0]!.n).toBe(0);
    expect((await download(a)).rawPayload.equals(PDF)).toBe(true);
  });

  it('reseals the objects on key rotation; a file resealed but not yet recorded still opens', async () => {
    const a = await upload();
    const rotating = new FieldCipher([k1, k2]);
    // A rotation stopped between the object and its row: bytes under k2, the row still says k1.
    await store.replace(t.db, a.id, rotating.encryptBuffer(PDF, `case_attachments:${a.id}`).sealed);
    t.platform.cipher = rotating;
    expect((await download(a)).rawPayload.equals(PDF)).toBe(true);

    const result = await rotateKeys(t.platform.database, rotating, undefined, store);
    expect(result.unopened).toEqual({});
    const [row] = await queryRows<{ key_id: string }>(
      t.db,
      sql`select key_id from case_attachments where id = ${a.id}`,
    );
    expect(row!.key_id).toBe('k2');
    // Every attachment now opens with k2 alone.
    t.platform.cipher = new FieldCipher([k2]);
    expect((await download(a)).rawPayload.equals(PDF)).toBe(true);
    t.platform.cipher = rotating;
  });

  it('refuses to start against a store that does not answer', async () => {
    await expect(s3Files('http://key:secret@127.0.0.1:1/komek-files')).rejects.toThrow(
      /KOMEK_S3_URL .* did not answer/,
    );
    await expect(s3Files('http://127.0.0.1:1/komek-files')).rejects.toThrow(/access key and secret/);
  });
});
