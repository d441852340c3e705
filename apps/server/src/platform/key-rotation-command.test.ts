import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../test/server-process.ts';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const key = () => randomBytes(32).toString('base64');

// The command as an administrator runs it after adding a key (on the embedded pass; the
// resealing itself is tested on both databases in key-rotation.test.ts).
describe.skipIf(!!process.env.TEST_DATABASE_URL)('komek keys:rotate', () => {
  it('reseals the demo under a new key with progress, then finds nothing left', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'komek-rotate-'));
    const [a, b] = [key(), key()];
    const komek = (args: string[], keys: string) =>
      run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
        cwd: serverDir,
        env: { ...process.env, DATABASE_URL: '', KOMEK_DATA_DIR: dataDir, KOMEK_ENCRYPTION_KEYS: keys },
      });
    await komek(['seed', '--demo'], `a:${a}`);
    const rotated = await komek(['keys:rotate'], `a:${a},b:${b}`);
    expect(rotated.stdout).toContain('resealing under key "b"');
    expect(rotated.stdout).toMatch(/^persons\.phone_enc: \d+ of \d+$/m);
    const [, count] = /resealed (\d+) values and files under "b"/.exec(rotated.stdout) ?? [];
    expect(Number(count)).toBeGreaterThan(100);
    const again = await komek(['keys:rotate'], `a:${a},b:${b}`);
    expect(again.stdout).toContain('resealed 0 values and files');
  }, 120_000);
});
