import type { DuplicateCandidate, Person, PersonSummary } from '@komek/domain';
import { frequenciesOf, nameKeys, prepareRecord, rankDuplicates } from '@komek/matching';
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
 * Likely duplicates found on the device, offline, by the same model as the server's check and
 * `komek link` (`packages/matching`), among the people kept here and with their name frequencies.
 */
export async function localDuplicates(input: {
  givenName: string;
  familyName: string;
  birthDate?: string;
}): Promise<{ items: DuplicateCandidate[] }> {
  if (nameKeys(input.givenName, input.familyName).length === 0) return { items: [] };
  const kept = await keptPeople();
  const freq = frequenciesOf(
    kept.map((p) =>
      prepareRecord({ id: p.id, firstName: p.givenName, lastName: p.familyName, patronymic: p.patronymic }),
    ),
  );
  const ranked = rankDuplicates(
    input,
    kept.map((person) => ({ item: person, names: person })),
    freq,
    kept.length,
  );
  return { items: ranked.map(({ item, score, findings }) => ({ person: item, score, findings })) };
}
