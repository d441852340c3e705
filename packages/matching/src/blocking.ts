import { skeleton, soundOf } from './fold.ts';
import { familyStem, type PreparedRecord } from './record.ts';

const consonants = (s: string) => s.replace(/[aeiouy]/g, '').slice(0, 5);

/**
 * The name that sorts first (0) or last (1) of a record's two; a record with one name gives it
 * under both, so it meets a record that wrote it in either column (Mir Habeeb without a family
 * name; Нурҷамшедов Мирҳабиб with the columns swapped).
 */
const inOrder = (family: string, given: string, position: 0 | 1) =>
  family ? [family, given].sort()[position]! : given;

function nameInOrderWithDate(r: PreparedRecord, position: 0 | 1): string | null {
  if (!r.given || !r.day) return null;
  return `${inOrder(r.family, r.given, position)}|${r.year}-${r.month}-${r.day}`;
}

function skeletonInOrderWithYear(r: PreparedRecord, position: 0 | 1): string | null {
  if (!r.givenSk || !r.year) return null;
  return `${inOrder(r.familyStemSk && soundOf(r.familyStemSk), soundOf(r.givenSk), position)}|${r.year}`;
}

/**
 * Blocking keys, tried in this order; a pair is compared in the first block the two records
 * share, so no pair is scored twice. Each key survives a different kind of error:
 * a wrong birth year (names only), swapped columns (sorted names), typos (prefixes and
 * consonant skeletons), a changed family name on marriage (given name + full date), swapped
 * columns with a slip (either name in order + full date), a slip early in the family name (given
 * name + family initial + year), a slip in the given name when one side has no birth year (family
 * name + the given name's first two letters; the given name + the family name's first two letters).
 */
/**
 * A blocking key, and the second key that splits its blocks when they hold more pairs than the
 * cap (Asanov + 1984 among a million people): the pairs that agree on the second key are still
 * compared, instead of the whole block being skipped. Null when a record lacks that part: it is
 * compared with the whole block, if that stays under the cap.
 */
export interface BlockingKey {
  name: string;
  key: (r: PreparedRecord) => string | null;
  split: (r: PreparedRecord) => string | null;
  /**
   * Only for lists where family names cannot be relied on to meet (`familyNamesUnreliable`):
   * coarse keys that compare many pairs, worth it where family names are missing or written in
   * Perso-Arabic script, not where every record carries one in a script that folds.
   */
  onlyWhereFamilyNamesFail?: true;
}

/**
 * Whether a list pair needs the keys that do without family names: more than 5 % of records lack
 * one, or are written in Perso-Arabic script (where only consonant skeletons meet).
 */
export function familyNamesUnreliable(...lists: PreparedRecord[][]): boolean {
  let n = 0;
  let failing = 0;
  for (const list of lists)
    for (const r of list) {
      n++;
      if (!r.family || r.abjad) failing++;
    }
  return n > 0 && failing / n > 0.05;
}

// A Solar Hijri year alone spans two years: such a record belongs to no one year's part.
const yearOf = (r: PreparedRecord) => (r.year && !r.yearSpan ? String(r.year) : null);
const monthOf = (r: PreparedRecord) => (r.month ? String(r.month) : null);
const sexOf = (r: PreparedRecord) => r.sex || null;
const givenInitial = (r: PreparedRecord) => r.givenSk[0] ?? null;
const familyInitial = (r: PreparedRecord) => r.familyStemSk[0] ?? null;
const secondNameInitial = (r: PreparedRecord) => (r.familyStemSk || r.patronymicSk)[0] ?? null;

export const BLOCKING_KEYS: BlockingKey[] = [
  {
    name: 'family+year',
    split: givenInitial,
    key: (r) => (r.family && r.year ? `${r.family}|${r.year}` : null),
  },
  {
    name: 'names sorted',
    split: yearOf,
    key: (r) => (r.family && r.given ? [r.family, r.given].sort().join('|') : null),
  },
  {
    name: 'prefixes+year',
    split: monthOf,
    // In either order: the columns may be swapped as well as a name mistyped.
    key: (r) =>
      r.family && r.given && r.year
        ? `${[r.family.slice(0, 3), r.given.slice(0, 3)].sort().join('|')}|${r.year}`
        : null,
  },
  {
    name: 'skeletons',
    split: yearOf,
    key: (r) => (r.family && r.given ? [consonants(r.family), consonants(r.given)].sort().join('|') : null),
  },
  {
    name: 'given+date',
    split: familyInitial,
    key: (r) => (r.given && r.day ? `${r.given}|${r.year}-${r.month}-${r.day}` : null),
  },
  // Swapped columns and a slip in one name: whichever name sorts first (or last), with the date.
  { name: 'first name in order+date', split: sexOf, key: (r) => nameInOrderWithDate(r, 0) },
  { name: 'last name in order+date', split: sexOf, key: (r) => nameInOrderWithDate(r, 1) },
  {
    name: 'given+initial+year',
    split: monthOf,
    key: (r) => (r.family && r.given && r.year ? `${r.given}|${r.family[0]}|${r.year}` : null),
  },
  {
    name: 'family+given2',
    split: yearOf,
    key: (r) => (r.family && r.given ? `${r.family}|${r.given.slice(0, 2)}` : null),
  },
  // A slip in the family name when a side has no birth year: the given name and the family name's opening.
  {
    name: 'given+family2',
    split: yearOf,
    key: (r) => (r.family && r.given ? `${r.given}|${r.family.slice(0, 2)}` : null),
  },
  // Names as Perso-Arabic script writes them (consonants only), for Dari against Cyrillic or Latin:
  // the family name without the ending an office adds (Karimi, Каримов, کریمی → krm), on both
  // names, since the columns may be swapped.
  {
    name: 'name skeletons',
    split: yearOf,
    key: (r) =>
      r.familyStemSk && r.givenSk
        ? [soundOf(r.familyStemSk), soundOf(skeleton(familyStem(r.given)))].sort().join('|')
        : null,
  },
  // A person without a family name: given name and father's name, wherever the father's name is
  // written (the patronymic column, or the family-name column an office made of it).
  {
    name: "given+father's name skeletons",
    onlyWhereFamilyNamesFail: true,
    split: yearOf,
    key: (r) => {
      const second = r.patronymicSk || r.familyStemSk;
      return r.givenSk && second ? [r.givenSk, second].sort().join('|') : null;
    },
  },
  // A slip in the given name and nothing else to go by but the date (Zabiullah, Zabihullah).
  {
    name: 'given opening+date',
    split: sexOf,
    key: (r) =>
      r.givenSk && r.day ? `${soundOf(r.givenSk).slice(0, 2)}|${r.year}-${r.month}-${r.day}` : null,
  },
  // Both names spelled apart and one mistyped, the family name's sound and the date still meet.
  {
    name: 'family sound+date',
    split: sexOf,
    key: (r) => (r.familyStemSk && r.day ? `${soundOf(r.familyStemSk)}|${r.year}-${r.month}-${r.day}` : null),
  },
  // The same for names only their consonants can meet (عبدالله, Abdul Lah), with the year.
  {
    name: 'first skeleton in order+year',
    onlyWhereFamilyNamesFail: true,
    split: sexOf,
    key: (r) => skeletonInOrderWithYear(r, 0),
  },
  {
    name: 'last skeleton in order+year',
    onlyWhereFamilyNamesFail: true,
    split: sexOf,
    key: (r) => skeletonInOrderWithYear(r, 1),
  },
  {
    name: 'given skeleton+year',
    onlyWhereFamilyNamesFail: true,
    split: secondNameInitial,
    key: (r) => (r.givenSk && r.year ? `${r.givenSk}|${r.year}` : null),
  },
];

export interface BlockingStats {
  candidatePairs: number;
  /** Blocks over the cap compared part by part, by the key's second key. */
  splitBlocks: number;
  /** Blocks, or parts of split blocks, still over the cap: skipped, and their pairs counted. */
  skippedBlocks: number;
  skippedPairs: number;
  /** Pairs compared under each key in force (`keysInForce`), in key order. */
  pairsByKey: number[];
  keysInForce: string[];
}
