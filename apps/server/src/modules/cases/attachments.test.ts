import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedFileChunks } from '../../db/schema/index.ts';
import { readSealedChunks } from '../../platform/sealed-files.repo.ts';
import { readSealedFile } from '../../platform/sealed-files.ts';
import { openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('Паспорт серии AN 1234567')]);

describe('case attachments and saved views', () => {
  let t: TestApp;
  let s: Session;
  let caseId: string;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const signed = await t.signedIn('lawyer');
    s = signed.session;
    orgId = signed.org.id;
    const person = await registerPerson(t, s);
    caseId = (await openCase(t, s, [person.id])).id;
  });
  afterAll(() => t.close());

  const upload = (payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/attachments`, headers: s.headers, payload });

  it('stores a file sealed in the database and gives it back intact, auditing the download', async () => {
    const res = await upload({
      filename: 'паспорт.pdf',
      mimeType: 'application/pdf',
      contentBase64: PDF.toString('base64'),
    });
    expect(res.statusCode).toBe(201);
    const { id, sizeBytes } = res.json();
    expect(sizeBytes).toBe(PDF.length);
    const stored = (await readSealedChunks(t.db, id))!;
    expect(stored.includes(Buffer.from('AN 1234567'))).toBe(false);
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    // Nothing on this node's disk: another node reads the same file.
    expect(existsSync(join(t.platform.config.dataDir, 'attachments', orgId, id))).toBe(false);
    const back = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/attachments/${id}`,
      headers: s.headers,
    });
    expect(back.rawPayload.equals(PDF)).toBe(true);
    expect(back.headers['content-disposition']).toContain(encodeURIComponent('паспорт.pdf'));
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/attachments`,
      headers: s.headers,
    });
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([id]);
  });

  it('refuses other types, content that does not match its type, path tricks and empty files', async () => {
    const exe = Buffer.from('MZ\x90\x00 this is not a pdf').toString('base64');
    const cases = [
      [{ filename: 'x.exe', mimeType: 'application/x-msdownload', contentBase64: exe }, 'mimeType'],
      [{ filename: 'x.pdf', mimeType: 'application/pdf', contentBase64: exe }, 'mimeType'],
      [{ filename: '../../etc/passwd', mimeType: 'text/plain', contentBase64: 'aGVsbG8=' }, 'filename'],
      [{ filename: 'x.txt', mimeType: 'text/plain', contentBase64: '***' }, 'contentBase64'],
    ] as const;
    for (const [payload, path] of cases) {
      const res = await upload(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe(path);
    }
    // Refused uploads leave nothing behind: one file, the first test's.
    const files = await t.db
      .selectDistinct({ id: sealedFileChunks.fileId })
      .from(sealedFileChunks)
      .where(eq(sealedFileChunks.orgId, orgId));
    expect(files).toHaveLength(1);
  });

  it('still reads a file kept on disk before files moved into the database', async () => {
    const id = uuidv7();
    const { keyId, sealed } = t.platform.cipher.encryptBuffer(PDF, `case_attachments:${id}`);
    mkdirSync(join(t.platform.config.dataDir, 'attachments', orgId), { recursive: true });
    writeFileSync(join(t.platform.config.dataDir, 'attachments', orgId, id), sealed);
    const back = await readSealedFile(t.platform, 'case_attachments', { id, orgId, keyId });
    expect(back.equals(PDF)).toBe(true);
  });

  it('saves, lists and deletes a user own case-list views', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/saved-views',
      headers: s.headers,
      payload: {
        module: 'cases',
        name: 'Emergencies in Aravan',
        filters: { priority: 'emergency', districtId: 'KG-O-ARAVAN' },
      },
    });
    expect(created.statusCode).toBe(201);
    const other = await t.signedIn('lawyer');
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/saved-views?module=cases',
      headers: other.session.headers,
    });
    expect(theirs.json().items).toEqual([]);
    const stolen = await t.app.inject({
      method: 'DELETE',
      url: `/api/saved-views/${created.json().id}`,
      headers: other.session.headers,
    });
    expect(stolen.statusCode).toBe(404);
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/saved-views?module=cases',
      headers: s.headers,
    });
    expect(mine.json().items[0].filters).toEqual({ priority: 'emergency', districtId: 'KG-O-ARAVAN' });
  });
});
