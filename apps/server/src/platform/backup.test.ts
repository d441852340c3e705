import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../db/connection.ts';
import { registerPerson } from '../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../test/harness.ts';
import { scratchDatabaseBeside } from './backup.repo.ts';
import { createBackup, openBackup, restoreBackup, verifyBackup } from './backup.ts';

const key = randomBytes(32);

describe('backup, restore and verify', () => {
  let t: TestApp;
  let s: Session;
  beforeAll(async () => {
    t = await createTestApp();
    s = (await t.signedIn('lawyer')).session;
  });
  afterAll(() => t.close());
  const familyNames = async (url?: string, pgliteDir?: string) => {
    const database = await openDatabase(url ? { url } : { dataDir: pgliteDir });
    try {
      return (
        await queryRows<{ family_name: string }>(database.db, sql`select family_name from persons order by 1`)
      ).map((r) => r.family_name);
    } finally {
      await database.close();
    }
  };

  it('takes a snapshot while people are being registered, restores it into a fresh place and verifies rows and the audit chain', async () => {
    const before = [];
    for (let i = 0; i < 5; i++) before.push(await registerPerson(t, s, { familyName: `Before${i}` }));
    // Writes go on while the snapshot is taken: it holds a consistent moment, whatever it catches of them.
    const during = Promise.all(
      Array.from({ length: 10 }, (_, i) => registerPerson(t, s, { familyName: `During${i}` })),
    );
    const archive = join(mkdtempSync(join(tmpdir(), 'komek-archive-')), 'office.kbk');
    const made = await createBackup(t.platform.database, t.platform.config.dataDir, key, archive);
    await during;
    expect(made.bytes).toBe(statSync(archive).size);

    const serverUrl = t.platform.database.connectionString;
    const verified = await verifyBackup(archive, key, t.platform.auditKeys, serverUrl);
    expect(verified.differing).toEqual([]);
    expect(verified.chains.length).toBeGreaterThan(0);
    expect(verified.chains.every((c) => c.ok)).toBe(true);
    // The organisation's chain holds at least the five registrations acknowledged before.
    expect(Math.max(...verified.chains.map((c) => c.checked))).toBeGreaterThanOrEqual(5);
    expect(verified.ok).toBe(true);

    // Every person acknowledged before the snapshot is in the restored copy, with the audit rows.
    const { manifest } = openBackup(readFileSync(archive), key);
    expect(manifest).toEqual(made.manifest);
    const dataDir = mkdtempSync(join(tmpdir(), 'komek-restored-'));
    let restored: string[];
    if (serverUrl) {
      const target = await scratchDatabaseBeside(serverUrl, 'komek_restored');
      try {
        await restoreBackup(archive, key, { databaseUrl: target.url, dataDir });
        restored = await familyNames(target.url);
      } finally {
        await target.drop();
      }
    } else {
      await restoreBackup(archive, key, { pgliteDir: join(dataDir, 'pglite'), dataDir });
      restored = await familyNames(undefined, join(dataDir, 'pglite'));
    }
    for (let i = 0; i < 5; i++) expect(restored).toContain(`Before${i}`);
    expect(restored.length).toBe(manifest.rows.persons);
    expect(manifest.rows.audit_log).toBeGreaterThanOrEqual(5);
  });

  it('refuses another key and an archive altered in a single byte, restoring nothing of it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'komek-archive-'));
    const path = join(folder, 'office.kbk');
    await createBackup(t.platform.database, t.platform.config.dataDir, key, path);
    const archive = readFileSync(path);
    expect(() => openBackup(archive, randomBytes(32))).toThrow(
      'does not open with this key, or it was altered',
    );
    const altered = Buffer.from(archive);
    altered[Math.floor(altered.length / 2)]! ^= 1;
    expect(() => openBackup(altered, key)).toThrow('does not open with this key, or it was altered');
    expect(() => openBackup(Buffer.from('not a backup at all, just words'), key)).toThrow(
      'not a Komek backup',
    );
    // From a file, as the commands read it: the whole archive is checked before anything is restored.
    const alteredPath = join(folder, 'altered.kbk');
    writeFileSync(alteredPath, altered);
    const dataDir = mkdtempSync(join(tmpdir(), 'komek-refused-'));
    const serverUrl = t.platform.database.connectionString;
    const target = serverUrl ? await scratchDatabaseBeside(serverUrl, 'komek_refused') : undefined;
    try {
      await expect(
        restoreBackup(alteredPath, key, {
          databaseUrl: target?.url,
          pgliteDir: join(dataDir, 'pglite'),
          dataDir,
        }),
      ).rejects.toThrow('does not open with this key, or it was altered');
      if (target)
        expect(await familyNames(target.url).catch(() => 'no persons table')).toBe('no persons table');
      else expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
      await expect(verifyBackup(path, randomBytes(32), t.platform.auditKeys, serverUrl)).rejects.toThrow(
        'does not open with this key',
      );
    } finally {
      await target?.drop();
    }
  });
});
