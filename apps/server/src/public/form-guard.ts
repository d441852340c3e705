import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { safeEqual } from '../platform/crypto.ts';
import type { Platform } from '../platform/http.ts';
import { useNonce } from './help.repo.ts';

/*
 * The public form's protection without any outside service: a token made when the form is shown
 * (its time, a nonce, a keyed MAC). A request is taken only if its token is ours, is at least a
 * few seconds old (a person reads and types; a script posts at once), is not older than two hours,
 * and has not been used. A page elsewhere cannot read the token, so the form is CSRF-safe too.
 */

const MIN_AGE_MS = 3_000;
const MAX_AGE_MS = 2 * 3_600_000;

const mac = (platform: Platform, issued: string, nonce: string) =>
  platform.cipher.lookupHash(`${issued}.${nonce}`, 'help.form');

export function formToken(platform: Platform, now = Date.now()): string {
  const issued = String(now);
  const nonce = randomBytes(12).toString('base64url');
  return `${issued}.${nonce}.${mac(platform, issued, nonce)}`;
}

export type TokenVerdict = 'ok' | 'too_fast' | 'expired' | 'invalid';

export async function checkFormToken(
  platform: Platform,
  db: Db,
  token: string | undefined,
): Promise<TokenVerdict> {
  const [issued, nonce, given] = (token ?? '').split('.');
  if (!issued || !nonce || !given || !safeEqual(given, mac(platform, issued, nonce))) return 'invalid';
  const age = Date.now() - Number(issued);
  if (age < MIN_AGE_MS) return 'too_fast';
  if (age > MAX_AGE_MS) return 'expired';
  return (await useNonce(db, nonce)) ? 'ok' : 'expired';
}
