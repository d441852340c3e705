/**
 * A synthetic Central Asian population for measuring record linkage: households sharing a
 * surname, twins, namesakes, and each record written down the way a different office would
 * write it (Cyrillic, Russian-passport Latin, Uzbek Latin, informal Latin), with typos, swapped
 * name columns, partial and mistaken dates of birth. Seeded: the same seed gives the same files.
 */

import type { PersonRecord } from '@komek/matching';
import { transliterate } from '@komek/matching';
import { pickWeighted, type Rng, rng } from '../apps/server/src/seed/population.ts';
import type { ShownNames } from './linkage-afghan.ts';
import { twoLists } from './linkage-lists.ts';
import { TRADITIONS, type Tradition } from './linkage-traditions.ts';

export interface Entity {
  entityId: number;
  tradition: Tradition;
  given: string;
  familyStem: string;
  female: boolean;
  father: string;
  dob: string;
}

function surname(t: Tradition, r: Rng): string {
  // Two or three roots: surnames here derive from forefathers' names, so there are thousands.
  const one = r.pick(t.syllables);
  const two = r.pick(t.syllables).toLowerCase();
  const three = r.chance(0.3) ? r.pick(t.syllables).toLowerCase() : '';
  return `${one}${two}${three}${t.surnameSuffix}`;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Households of one to six people; about 3% of children are twins; 2% of people are namesakes of another. */
export function generateEntities(
  count: number,
  seed: number,
  { twins = 0.03, namesakes = 0.02 }: { twins?: number; namesakes?: number } = {},
): Entity[] {
  const r = rng(seed);
  const out: Entity[] = [];
  while (out.length < count) {
    const t = pickWeighted(r, TRADITIONS);
    const familyStem = surname(t, r);
    const father = r.pick(t.male);
    const parentYear = r.int(1945, 1995);
    const size = r.int(1, 6);
    for (let k = 0; k < size && out.length < count; k++) {
      const female = r.chance(0.5);
      const isChild = k >= 2;
      const born = isChild ? parentYear + r.int(20, 35) : parentYear + r.int(-3, 3);
      // Children of young parents would be born in the future; move them into the past instead.
      const year = born > 2025 ? 2025 - r.int(0, 15) : born;
      const dob = iso(new Date(Date.UTC(year, r.int(0, 11), r.int(1, 28))));
      const e: Entity = {
        entityId: out.length,
        tradition: t,
        given: givenName(t, female, r),
        familyStem,
        female,
        father: isChild ? father : r.pick(t.male),
        dob,
      };
      out.push(e);
      if (isChild && r.chance(twins) && out.length < count) {
        const twinFemale = r.chance(0.5);
        let given = givenName(t, twinFemale, r);
        while (given === e.given) given = givenName(t, twinFemale, r);
        out.push({ ...e, entityId: out.length, female: twinFemale, given });
      }
      if (r.chance(namesakes) && out.length < count) {
        out.push({
          ...e,
          entityId: out.length,
          dob: iso(new Date(Date.UTC(r.int(1945, 2020), r.int(0, 11), r.int(1, 28)))),
        });
      }
    }
  }
  return out;
}

type Convention = 'cyrillic' | 'ru_passport' | 'informal' | 'uzbek_latin';

function latinVariant(latin: string, convention: Convention, r: Rng): string {
  switch (convention) {
    case 'informal':
      return latin
        .replace(/Zh/g, 'J')
        .replace(/zh/g, 'j')
        .replace(/Kh/g, 'H')
        .replace(/kh/g, 'h')
        .replace(/(?<=[aeiou])y/g, r.chance(0.5) ? 'i' : 'y');
    case 'uzbek_latin':
      return latin
        .replace(/Zh/g, 'J')
        .replace(/zh/g, 'j')
        .replace(/Kh/g, 'X')
        .replace(/kh/g, 'x')
        .replace(/ov$/, r.chance(0.3) ? 'ow' : 'ov');
    default:
      return latin;
  }
}

function russianPatronymic(father: string, female: boolean): string {
  const ending = female ? 'на' : 'ич';
  if (father.endsWith('й')) return `${father.slice(0, -1)}ев${ending}`;
  if (/[аяеиоуыэюё]$/i.test(father)) return `${father.slice(0, -1)}ов${ending}`;
  return `${father}ов${ending}`;
}

/** Compound given names, as the region forms them (Нур+бек, Ай+гүл), for a realistic spread of names. */
const MALE_ENDINGS: Record<string, string[]> = {
  cyrillic: ['', '', 'бек', 'бай', 'жан', 'али'],
  latin: ['', '', 'bek', 'jon', 'ali'],
};
const FEMALE_ENDINGS: Record<string, string[]> = {
  cyrillic: ['', '', 'гүл', 'ай', 'жан', 'за'],
  latin: ['', '', 'xon', 'oy', 'gul'],
};
function givenName(t: Tradition, female: boolean, r: Rng): string {
  const base = r.pick(female ? t.female : t.male);
  const ending = r.pick((female ? FEMALE_ENDINGS : MALE_ENDINGS)[t.script]!);
  return ending && t.key !== 'russian' ? `${base}${ending}` : base;
}

function typo(word: string, r: Rng): string {
  if (word.length < 4) return word;
  const i = r.int(1, word.length - 2);
  switch (r.int(0, 3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    default:
      return word.slice(0, i) + r.pick(['a', 'e', 'i', 'o', 'u', 'а', 'о', 'и']) + word.slice(i + 1);
  }
}

export interface Difficulty {
  typo: number;
  swap: number;
  dobError: number;
  twins?: number;
  namesakes?: number;
  /** Share of lists' unknown days written 1 January rather than left out. */
  januaryDefault?: number;
  /** Share of Latin spellings in today's passport style (я ia, ю iu) or Turkmen/Turkish letters (ş, ç). */
  passportLatin?: number;
}
export const HARD: Difficulty = { typo: 0.12, swap: 0.03, dobError: 0.05 };
/**
 * Harder than the sets this model was built on: twice the twins and namesakes, more typos and
 * swapped columns, twice the date errors, 1 January for unknown days, passport and Turkic Latin.
 */
export const HARDER: Difficulty = {
  typo: 0.18,
  swap: 0.06,
  dobError: 0.1,
  twins: 0.06,
  namesakes: 0.05,
  januaryDefault: 0.5,
  passportLatin: 0.3,
};

/** Today's passports write я and ю as ia and iu; Turkmen and Turkish Latin write ş and ç. */
function passportSpelling(latin: string, r: Rng): string {
  const out = latin.replace(/ya/g, 'ia').replace(/yu/g, 'iu').replace(/Ya/g, 'Ia').replace(/Yu/g, 'Iu');
  return r.chance(0.5)
    ? out.replace(/sh/g, 'ş').replace(/ch/g, 'ç').replace(/Sh/g, 'Ş').replace(/Ch/g, 'Ç')
    : out;
}

/** One record of an entity as some office wrote it. */
export function renderRecord(
  e: Entity,
  id: string,
  r: Rng,
  d: Difficulty = HARD,
): { record: PersonRecord; shown: ShownNames } {
  const t = e.tradition;
  let given = e.given;
  let family = e.female ? `${e.familyStem}${t.femaleSuffix}` : e.familyStem;
  let patronymic: string | null = null;
  if (t.patronymic !== 'none' && r.chance(0.5)) {
    patronymic =
      t.patronymic === 'turkic'
        ? `${e.father} ${t.script === 'latin' ? (e.female ? 'qizi' : 'oʻgʻli') : e.female ? 'кызы' : 'уулу'}`
        : russianPatronymic(e.father, e.female);
  }
  const convention: Convention =
    t.script === 'latin'
      ? r.pick(['uzbek_latin', 'informal'] as const)
      : r.pick(['cyrillic', 'ru_passport', 'informal', 'uzbek_latin'] as const);
  if (convention !== 'cyrillic' && t.script === 'cyrillic') {
    given = latinVariant(transliterate(given), convention, r);
    family = latinVariant(transliterate(family), convention, r);
    patronymic = patronymic && latinVariant(transliterate(patronymic), convention, r);
  } else if (t.script === 'latin') {
    given = latinVariant(given, convention, r);
    family = latinVariant(family, convention, r);
  }
  if (d.passportLatin && convention !== 'cyrillic' && r.chance(d.passportLatin)) {
    given = passportSpelling(given, r);
    family = passportSpelling(family, r);
  }
  if (r.chance(d.typo)) {
    if (r.chance(0.5)) family = typo(family, r);
    else given = typo(given, r);
  }
  if (r.chance(0.1)) {
    given = given.toUpperCase();
    family = family.toUpperCase();
  }
  if (r.chance(d.swap)) [given, family] = [family, given];
  let dob: string | null = e.dob;
  if (r.chance(d.dobError)) {
    const [y, m, dd] = e.dob.split('-');
    dob = r.chance(0.6)
      ? `${Number(y) + (r.chance(0.5) ? 1 : -1)}-${m}-${dd}`
      : Number(dd) <= 12
        ? `${y}-${dd}-${m}`
        : e.dob;
  }
  const precision = r.next();
  dob =
    precision < 0.65 ? dob : precision < 0.75 ? dob.slice(0, 7) : precision < 0.93 ? dob.slice(0, 4) : null;
  if (dob && dob.length < 10 && d.januaryDefault && r.chance(d.januaryDefault))
    dob = `${dob.slice(0, 4)}-01-01`;
  return {
    record: {
      id,
      firstName: given,
      lastName: family,
      patronymic,
      sex: r.chance(0.9) ? (e.female ? 'f' : 'm') : null,
      dateOfBirth: dob,
    },
    // The names as a perfect normaliser would read them, in the tradition's own spelling.
    shown: {
      given: e.given,
      family: e.female ? `${e.familyStem}${t.femaleSuffix}` : e.familyStem,
      patronymic: patronymic ? e.father : '',
    },
  };
}

/**
 * Two lists to link: `overlap` of the left list's people appear again on the right, written
 * independently; the rest of the right list are other people of the same population.
 */
export function linkageFiles(size: number, seed: number, overlap = 0.5, d: Difficulty = HARD) {
  const entities = generateEntities(Math.ceil(size * (2 - overlap)), seed, d);
  const r = rng(seed + 1);
  const render = (e: Entity, id: string) => renderRecord(e, id, r, d);
  return twoLists(entities, size, overlap, r, render, render);
}
