import type { Finding } from './findings.ts';
import { soundOf } from './fold.ts';
import { priorFor } from './linkage.ts';
import { compare, DEFAULT_MODEL, type Frequencies, oddsOf } from './model.ts';
import { nameKeys } from './names.ts';
import { type PreparedRecord, prepareRecord } from './record.ts';

/** A person as the registration form and the register hold them. */
export interface PersonNames {
  givenName: string;
  familyName: string;
  patronymic?: string | null;
  /** The passport's Latin spelling, compared as another writing of the name. */
  latinName?: string | null;
  sex?: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD; Solar Hijri as `komek link` reads it. */
  birthDate?: string | null;
}

export interface RankedDuplicate<T> {
  item: T;
  /** The probability that this is the person, among the candidates shown. */
  score: number;
  findings: Finding[];
}

const asRecord = (id: string, p: PersonNames, latin = false) =>
  prepareRecord({
    id,
    // A Latin name is "Given Family" as the passport prints it.
    firstName: latin ? ((p.latinName ?? '').split(/\s+/)[0] ?? '') : p.givenName,
    lastName: latin ? (p.latinName ?? '').split(/\s+/).slice(1).join(' ') : p.familyName,
    patronymic: p.patronymic,
    sex: p.sex,
    dateOfBirth: p.birthDate,
  });

/**
 * The registration duplicate check and the in-app list matching, by the same model as `komek
 * link`: each candidate compared field by field (the closer of its own spelling and its Latin
 * one), with the organisation's name frequencies and a prior for a register of `population`
 * people; then, since a person is at most one of them, each candidate's odds shared with its
 * rivals (five namesakes born the same year are none of them in particular).
 */
export function rankDuplicates<T>(
  query: PersonNames,
  candidates: Array<{ item: T; names: PersonNames }>,
  freq: Frequencies,
  population: number,
  {
    floor = 0.05,
    limit = 10,
    priorShift = 0,
  }: {
    floor?: number;
    limit?: number;
    /** Bits the organisation's review verdicts add to the prior (negative when they reject more). */
    priorShift?: number;
  } = {},
): Array<RankedDuplicate<T>> {
  const model = { ...DEFAULT_MODEL, priorLog2: priorFor(population) + priorShift };
  const q = asRecord('query', query);
  const scored = candidates.map(({ item, names }) => {
    const forms = [asRecord('candidate', names)];
    if (names.latinName?.trim()) forms.push(asRecord('candidate', names, true));
    let best: { odds: number; findings: Finding[] } | null = null;
    for (const form of forms) {
      const findings: Finding[] = [];
      const odds = oddsOf(compare(q, form, freq, model, findings), model);
      if (!best || odds > best.odds) best = { odds, findings };
    }
    return { item, ...best! };
  });
  const total = scored.reduce((sum, c) => sum + c.odds, 0);
  return scored
    .map((c) => ({ item: c.item, score: c.odds / (1 + total), findings: c.findings }))
    .filter((c) => c.score >= floor)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** Sound keys start with this mark, beside the name keys in the same index. */
const SOUND = '~';
const soundsOf = (r: PreparedRecord) =>
  [r.givenSk && SOUND + soundOf(r.givenSk), r.familyStemSk && SOUND + soundOf(r.familyStemSk)].filter(
    (k): k is string => Boolean(k),
  );

/**
 * The given and family names' sound keys (`~` and a consonant skeleton, sound-alike letters as
 * one): the same for محمد کریمی, Муҳаммад Каримов and Mohammad Karimi, which share no name key.
 */
export function soundKeys(p: PersonNames): string[] {
  const keys = new Set(soundsOf(asRecord('k', p)));
  if (p.latinName?.trim()) for (const k of soundsOf(asRecord('k', p, true))) keys.add(k);
  return [...keys].sort();
}

/** What the register stores per person for search and the duplicate check: name keys, then sound keys. */
export function storedNameKeys(p: PersonNames & { aliases?: string[] }): string[] {
  return [
    ...nameKeys(p.givenName, p.familyName, p.patronymic, p.latinName, ...(p.aliases ?? [])),
    ...soundKeys(p),
  ];
}
