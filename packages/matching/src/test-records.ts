/** Records for the package's tests: one prepared from a few columns, and seeded list pairs. */
import { seededRandom } from './estimate.ts';
import { type PersonRecord, type PreparedRecord, prepareRecord } from './record.ts';

export const p = (
  id: string,
  firstName: string,
  lastName: string,
  dateOfBirth: string | null,
  extra: Partial<PersonRecord> = {},
) => prepareRecord({ id, firstName, lastName, dateOfBirth, ...extra });

const GIVEN = [
  ['Бакыт', 'Bakyt', 'm'],
  ['Айгуль', 'Aigul', 'f'],
  ['Азамат', 'Azamat', 'm'],
  ['Фатима', 'Fatima', 'f'],
  ['Мухаммад', 'Mohammad', 'm'],
  ['Зарина', 'Zarina', 'f'],
  ['Нурлан', 'Nurlan', 'm'],
  ['Гульнара', 'Gulnara', 'f'],
] as const;
const FAMILY = [
  ['Асанов', 'Asanov'],
  ['Жумабаев', 'Zhumabaev'],
  ['Каримов', 'Karimov'],
  ['Рахимов', 'Rakhimov'],
  ['Садыков', 'Sadykov'],
  ['Мамытов', 'Mamytov'],
] as const;

export interface ListOptions {
  /** Share of the left list written again on the right (default 0.7). */
  overlap?: number;
  /** Share of the rewritten whose birth year is one off, day and month kept (default 0.1). */
  yearSlip?: number;
  /** Share of the rewritten whose family name is another (a married name; default 0). */
  newFamily?: number;
  /**
   * `few` (default): eight given names and six family names, in Cyrillic on the left and Latin on
   * the right, so that blocks grow big; `many`: names made of syllables, in Latin on both sides,
   * most written once.
   */
  names?: 'few' | 'many';
}

const SYLLABLES = [
  'ba',
  'ky',
  'nur',
  'ai',
  'gul',
  'ma',
  'zha',
  'sa',
  'di',
  'ra',
  'ka',
  'to',
  'bek',
  'jan',
  'er',
  'mi',
];

/** Two lists from twelve birth years; a true pair's right record has id `R` + the left one's number. */
export function seededLists(size: number, seed: number, options: ListOptions = {}) {
  const { overlap = 0.7, yearSlip = 0.1, newFamily = 0, names = 'few' } = options;
  const next = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const word = () => Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join('');
  const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const made = () => {
    const w = capital(word());
    return [w, w] as const;
  };
  const left: PersonRecord[] = [];
  const right: PersonRecord[] = [];
  for (let e = 0; e < size; e++) {
    const g = names === 'few' ? pick(GIVEN) : ([...made(), next() < 0.5 ? 'm' : 'f'] as const);
    const f = names === 'few' ? pick(FAMILY) : made().map((w) => `${w}ov`);
    const year = 1960 + Math.floor(next() * 12);
    const rest = `-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
    const family = g[2] === 'f' ? `${f[0]}а` : f[0];
    left.push({ id: `L${e}`, firstName: g[0], lastName: family, sex: g[2], dateOfBirth: `${year}${rest}` });
    if (next() < overlap) {
      // Latin spelling, sometimes a slip of a letter, the year alone, a year off or another family name.
      const given = next() < 0.1 ? `${g[1]}a` : g[1];
      const latinFamily = next() < newFamily ? `${capital(word())}ov` : g[2] === 'f' ? `${f[1]}a` : f[1];
      const y = next() < yearSlip ? year + 1 : year;
      const date = next() < 0.2 ? String(y) : `${y}${rest}`;
      right.push({ id: `R${e}`, firstName: given, lastName: latinFamily, sex: g[2], dateOfBirth: date });
    }
  }
  return { left: left.map(prepareRecord), right: right.map(prepareRecord) } satisfies Record<
    string,
    PreparedRecord[]
  >;
}
