import { skeleton, soundOf } from './fold.ts';
import { familyStem, type PreparedRecord } from './record.ts';

const consonants = (s: string) => s.replace(/[aeiouy]/g, '').slice(0, 5);

function nameInOrderWithDate(r: PreparedRecord, position: 0 | 1): string | null {
  if (!r.family || !r.given || !r.day) return null;
  return `${[r.family, r.given].sort()[position]}|${r.year}-${r.month}-${r.day}`;
}

/**
 * Blocking keys, tried in this order; a pair is compared in the first block the two records
 * share, so no pair is scored twice. Each key survives a different kind of error:
 * a wrong birth year (names only), swapped columns (sorted names), typos (prefixes and
 * consonant skeletons), a changed family name on marriage (given name + full date), swapped
 * columns with a slip (either name in order + full date), a slip early in the family name (given
 * name + family initial + year), a slip in the given name when one side has no birth year (family
 * name + the given name's first two letters).
 */
export const BLOCKING_KEYS: Array<{ name: string; key: (r: PreparedRecord) => string | null }> = [
  { name: 'family+year', key: (r) => (r.family && r.year ? `${r.family}|${r.year}` : null) },
  { name: 'names sorted', key: (r) => (r.family && r.given ? [r.family, r.given].sort().join('|') : null) },
  {
    name: 'prefixes+year',
    key: (r) =>
      r.family && r.given && r.year ? `${r.family.slice(0, 3)}|${r.given.slice(0, 3)}|${r.year}` : null,
  },
  {
    name: 'skeletons',
    key: (r) => (r.family && r.given ? [consonants(r.family), consonants(r.given)].sort().join('|') : null),
  },
  { name: 'given+date', key: (r) => (r.given && r.day ? `${r.given}|${r.year}-${r.month}-${r.day}` : null) },
  // Swapped columns and a slip in one name: whichever name sorts first (or last), with the date.
  { name: 'first name in order+date', key: (r) => nameInOrderWithDate(r, 0) },
  { name: 'last name in order+date', key: (r) => nameInOrderWithDate(r, 1) },
  {
    name: 'given+initial+year',
    key: (r) => (r.family && r.given && r.year ? `${r.given}|${r.family[0]}|${r.year}` : null),
  },
  { name: 'family+given2', key: (r) => (r.family && r.given ? `${r.family}|${r.given.slice(0, 2)}` : null) },
  // Names as Perso-Arabic script writes them (consonants only), for Dari against Cyrillic or Latin:
  // the family name without the ending an office adds (Karimi, Каримов, کریمی → krm), on both
  // names, since the columns may be swapped.
  {
    name: 'name skeletons',
    key: (r) =>
      r.familyStemSk && r.givenSk
        ? [soundOf(r.familyStemSk), soundOf(skeleton(familyStem(r.given)))].sort().join('|')
        : null,
  },
  // A person without a family name: given name and father's name, wherever the father's name is
  // written (the patronymic column, or the family-name column an office made of it).
  {
    name: "given+father's name skeletons",
    key: (r) => {
      const second = r.patronymicSk || r.familyStemSk;
      return r.givenSk && second ? [r.givenSk, second].sort().join('|') : null;
    },
  },
  // A slip in the given name and nothing else to go by but the date (Zabiullah, Zabihullah).
  {
    name: 'given opening+date',
    key: (r) =>
      r.givenSk && r.day ? `${soundOf(r.givenSk).slice(0, 2)}|${r.year}-${r.month}-${r.day}` : null,
  },
  { name: 'given skeleton+year', key: (r) => (r.givenSk && r.year ? `${r.givenSk}|${r.year}` : null) },
];

export interface BlockingStats {
  candidatePairs: number;
  skippedBlocks: number;
  skippedPairs: number;
}
