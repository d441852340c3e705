import type { DuplicateCandidate, Person, PersonSummary } from '@komek/domain';
import { nameKeys, scoreCandidate } from '@komek/matching';
import { deviceDb } from './db.ts';
import { openKey } from './device.ts';
import { open } from './vault.ts';

const PERSON_URL = /^\/api\/persons\/[0-9a-f-]{36}$/;
const PEOPLE_LIST = /^\/api\/persons\?/;

/** Everyone the device keeps: people opened or synced, and those in kept lists. */
export async function keptPeople(): Promise<PersonSummary[]> {
  const opened = openKey();
  if (!opened) return [];
  const rows = await deviceDb.answers.ofUser(opened.userId);
  const people = new Map<string, PersonSummary>();
  for (const row of rows) {
    const isPerson = PERSON_URL.test(row.url);
    if (!isPerson && !PEOPLE_LIST.test(row.url)) continue;
    const value = await open<unknown>(opened.key, row.sealed, `answer:${opened.userId}:${row.url}`).catch(
      () => null,
    );
    if (!value) continue;
    const found = isPerson ? [value as Person] : ((value as { items?: PersonSummary[] }).items ?? []);
    for (const p of found) if (!people.has(p.id) || isPerson) people.set(p.id, p);
  }
  return [...people.values()];
}

/**
 * Likely duplicates found on the device, offline, by the same scoring as the server's check
 * (`packages/matching`), among the people kept here.
 */
export async function localDuplicates(input: {
  givenName: string;
  familyName: string;
  birthDate?: string;
}): Promise<{ items: DuplicateCandidate[] }> {
  const keys = nameKeys(input.givenName, input.familyName);
  if (keys.length === 0) return { items: [] };
  const items = (await keptPeople())
    .map((person) => ({
      person,
      ...scoreCandidate(
        { keys, birthDate: input.birthDate },
        {
          keys: nameKeys(person.givenName, person.familyName, person.patronymic, person.latinName),
          birthDate: person.birthDate,
        },
      ),
    }))
    .filter((c) => c.score >= 0.3)
    .sort((a, b) => b.score - a.score)
    .slice(0, 10);
  return { items: items as DuplicateCandidate[] };
}
