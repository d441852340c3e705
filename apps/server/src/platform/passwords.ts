import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError } from './errors.ts';

// argon2id is the library's default algorithm; OWASP's minimum cost (19 MiB, 2 passes), raise on bigger servers.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown emails cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('komek-timing-equaliser');
  await verifyPassword(await dummy, password);
}

// A bundled dictionary of common passwords, names and keyboard patterns: nothing leaves the machine.
const strength = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/**
 * Refuses what an attacker guesses first: common passwords, repeated characters, keyboard runs,
 * and the user's own email or name. zxcvbn's score 3 means about 10^8 guesses or more.
 */
export async function assertPasswordAcceptable(password: string, field: string, userInputs: string[] = []) {
  const words = userInputs
    .flatMap((v) => v.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length > 2);
  if (strength.check(password, words).score >= 3) return;
  throw new AppError('validation_failed', {
    issues: [{ path: field, in: 'body', code: 'password_too_weak', message: '' }],
  });
}
