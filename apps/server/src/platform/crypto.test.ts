import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldCipher, loadCipher } from './crypto.ts';

describe('field encryption', () => {
  const key = (id: string) => ({ id, key: randomBytes(32) });

  it('round-trips text in any script, with a fresh IV each time', () => {
    const cipher = new FieldCipher([key('a')]);
    const text = 'Паспорт AN 1234567 — Ҳасанов Ғайрат, پاسپورت';
    const one = cipher.encrypt(text, 'row-1');
    const two = cipher.encrypt(text, 'row-1');
    expect(one).not.toBe(two);
    expect(one).not.toContain('1234567');
    expect(FieldCipher.isSealed(one)).toBe(true);
    expect(cipher.decrypt(one, 'row-1')).toBe(text);
  });

  it('refuses a tampered value and a value moved to another row', () => {
    const cipher = new FieldCipher([key('a')]);
    const sealed = cipher.encrypt('secret', 'row-1');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'), 'row-1')).toThrow();
    expect(() => cipher.decrypt(sealed, 'row-2')).toThrow();
  });

  it('opens values sealed with an older key after rotation, and seals new ones with the newest', () => {
    const old = key('k1');
    const sealedOld = new FieldCipher([old]).encrypt('before rotation');
    const rotated = new FieldCipher([old, key('k2')]);
    expect(rotated.decrypt(sealedOld)).toBe('before rotation');
    expect(rotated.encrypt('after').split(':')[1]).toBe('k2');
    expect(() => new FieldCipher([key('k2')]).decrypt(sealedOld)).toThrow(/unknown encryption key/);
  });

  it('creates a key file readable by its owner only, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'komek-keys-'));
    const first = loadCipher({ dataDir: dir });
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
    const sealed = first.encrypt('kept');
    expect(loadCipher({ dataDir: dir }).decrypt(sealed)).toBe('kept');
  });

  it('takes keys from the environment', () => {
    const k = randomBytes(32).toString('base64');
    const cipher = loadCipher({ envKeys: `prod1:${k}`, dataDir: '/nonexistent' });
    expect(cipher.encrypt('x').split(':')[1]).toBe('prod1');
    expect(() => loadCipher({ envKeys: 'short:AAAA', dataDir: '/nonexistent' })).toThrow(/32 bytes/);
  });
});
