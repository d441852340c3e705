import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, seedAdmin } from '../test/server-process.ts';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

// The commands as an office runs them on its laptop (the embedded database, the server stopped).
describe.skipIf(!!process.env.TEST_DATABASE_URL)('komek backup, restore and backup:verify', () => {
  it('backs up a data folder, verifies the archive, and restores it into a fresh folder', async () => {
    const original = mkdtempSync(join(tmpdir(), 'komek-office-'));
    await seedAdmin({ dataDir: original });
    const env = (dataDir: string, keyB64 = key) => ({
      ...process.env,
      DATABASE_URL: '',
      KOMEK_DATA_DIR: dataDir,
      KOMEK_BACKUP_KEY: keyB64,
    });
    const komek = (args: string[], dataDir: string, keyB64?: string) =>
      run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
        cwd: serverDir,
        env: env(dataDir, keyB64),
      });
    const archive = join(original, 'office.kbk');
    const made = await komek(['backup', '--out', archive], original);
    expect(made.stdout).toContain('backup written');
    expect(statSync(archive).mode & 0o777).toBe(0o600);

    const verified = await komek(['backup:verify', archive], original);
    expect(verified.stdout).toMatch(/\d+ tables, \d+ rows/);
    expect(verified.stdout).toContain('verified');

    const fresh = mkdtempSync(join(tmpdir(), 'komek-restored-'));
    const restored = await komek(['restore', archive], fresh);
    expect(restored.stdout).toContain('restored the backup of');
    // Restoring over a database that is there is refused.
    const again = await komek(['restore', archive], fresh).catch((e: { code: number; stderr: string }) => e);
    expect(again).toMatchObject({ code: 1 });
    expect((again as { stderr: string }).stderr).toContain('is not empty');
    // Another key opens nothing.
    const wrong = await komek(['backup:verify', archive], original, randomBytes(32).toString('base64')).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((wrong as { stderr: string }).stderr).toContain('does not open with this key');
  }, 120_000);
});

const key = randomBytes(32).toString('base64');
