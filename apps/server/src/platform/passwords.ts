import { hash, verify } from '@node-rs/argon2';

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
