/**
 * A synthetic Afghan population, written down by an Afghan registry (Dari script or Latin, Solar
 * Hijri dates, often no family name) and by Tajik, Russian-speaking and international offices
 * (Tajik or Russian Cyrillic, other Latin spellings, Gregorian dates, 1 January for an unknown
 * day, the father's name made a surname). Seeded: the same seed gives the same files.
 */
import type { PersonRecord } from '@komek/matching';
import { toJalaali } from 'jalaali-js';
import { type Rng, rng } from '../apps/server/src/seed/population.ts';
import { AFGHAN_FAMILY, AFGHAN_FEMALE, AFGHAN_MALE, type AfghanName } from './linkage-afghan-names.ts';
import { twoLists } from './linkage-lists.ts';

/**
 * What a record shows, each name in one canonical spelling rather than as written: for the
 * decidable ceiling, and for linking the same lists spelled one way (what spelling costs).
 */
export interface ShownNames {
  given: string;
  family: string;
  patronymic: string;
}

export interface AfghanEntity {
  entityId: number;
  given: AfghanName;
  father: AfghanName;
  family: AfghanName | null;
  female: boolean;
  dob: string;
  /** Whether the person knows their day and month of birth; most know the year only. */
  knowsDay: boolean;
}

/** Family names formed from a forefather's name, as most Afghan family names are: Nabi → Nabizada, Ahmadi. */
const DERIVED_FAMILY: AfghanName[] = AFGHAN_MALE.filter((n) => !/[یاهو]$/.test(n.dari)).flatMap((n) => [
  {
    dari: `${n.dari}ی`,
    latin: n.latin.filter((l) => !l.includes(' ')).map((l) => `${l}i`),
    tajik: `${n.tajik}ӣ`,
    russian: `${n.russian}и`,
  },
  {
    dari: `${n.dari}زاده`,
    latin: n.latin.filter((l) => !l.includes(' ')).flatMap((l) => [`${l}zada`, `${l}zadeh`]),
    tajik: `${n.tajik}зода`,
    russian: `${n.russian}заде`,
  },
]);
const FAMILIES = [...AFGHAN_FAMILY, ...DERIVED_FAMILY];

/**
 * Two-part men's names (Mohammad Karim, Gul Ahmad, Sayed Jawid): apart in Dari and mostly in
 * Latin, one word in Tajik (Муҳаммадкарим) and either way in Russian.
 */
const FIRST_PARTS: AfghanName[] = [
  { dari: 'محمد', latin: ['Mohammad', 'Muhammad', 'Mohammed'], tajik: 'Муҳаммад', russian: 'Мухаммад' },
  { dari: 'گل', latin: ['Gul'], tajik: 'Гул', russian: 'Гуль' },
  { dari: 'نور', latin: ['Noor', 'Nur'], tajik: 'Нур', russian: 'Нур' },
  { dari: 'سید', latin: ['Sayed', 'Sayyid'], tajik: 'Сайид', russian: 'Саид' },
  { dari: 'میر', latin: ['Mir'], tajik: 'Мир', russian: 'Мир' },
];
function twoPart(first: AfghanName, second: AfghanName, r: Rng): AfghanName {
  const together = r.chance(0.5);
  return {
    dari: `${first.dari} ${second.dari}`,
    latin: first.latin.flatMap((a) => second.latin.map((b) => `${a} ${b}`)),
    tajik: `${first.tajik}${second.tajik.toLowerCase()}`,
    russian: together
      ? `${first.russian}${second.russian.toLowerCase()}`
      : `${first.russian} ${second.russian}`,
  };
}
function maleName(r: Rng): AfghanName {
  const base = zipf(AFGHAN_MALE, r);
  if (!r.chance(0.35) || base.latin[0]!.includes(' ')) return base;
  const first = zipf(FIRST_PARTS, r);
  return first.dari === base.dari ? base : twoPart(first, base, r);
}

/** Zipf-like: the n-th name is picked about 1/(n+3) as often as the first, as real name pools run. */
function zipf<T>(items: readonly T[], r: Rng): T {
  const total = items.reduce((s, _, i) => s + 1 / (i + 3), 0);
  let x = r.next() * total;
  for (let i = 0; i < items.length; i++) {
    x -= 1 / (i + 3);
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const canonical = (n: AfghanName) => n.latin[0]!;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Households of one to seven people; about 4 % of children are twins. */
export function generateAfghanEntities(count: number, seed: number): AfghanEntity[] {
  const r = rng(seed);
  const out: AfghanEntity[] = [];
  while (out.length < count) {
    // About one family in three has no family name on any paper.
    const family = r.chance(0.35) ? null : FAMILIES[Math.floor(r.next() * FAMILIES.length)]!;
    const father = maleName(r);
    const parentYear = r.int(1950, 1998);
    const size = r.int(1, 7);
    for (let k = 0; k < size && out.length < count; k++) {
      const female = r.chance(0.5);
      const isChild = k >= 2;
      const born = isChild ? parentYear + r.int(18, 35) : parentYear + r.int(-5, 5);
      const year = born > 2024 ? 2024 - r.int(0, 15) : born;
      const e: AfghanEntity = {
        entityId: out.length,
        given: female ? zipf(AFGHAN_FEMALE, r) : maleName(r),
        father: isChild ? father : maleName(r),
        family,
        female,
        dob: iso(new Date(Date.UTC(year, r.int(0, 11), r.int(1, 28)))),
        knowsDay: r.chance(0.6),
      };
      out.push(e);
      if (isChild && r.chance(0.04) && out.length < count) {
        const twinFemale = r.chance(0.5);
        const pick = () => (twinFemale ? zipf(AFGHAN_FEMALE, r) : maleName(r));
        let given = pick();
        while (given.dari === e.given.dari) given = pick();
        out.push({ ...e, entityId: out.length, female: twinFemale, given });
      }
    }
  }
  return out;
}

function typo(word: string, r: Rng): string {
  if (word.length < 5 || /[\u0600-\u06FF]/.test(word)) return word;
  const i = r.int(1, word.length - 2);
  return r.chance(0.5)
    ? word.slice(0, i) + word.slice(i + 1)
    : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const persianDigits = (s: string) => s.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]!);
const pad = (n: number) => String(n).padStart(2, '0');

function solarHijri(dob: string) {
  const [y, m, d] = dob.split('-').map(Number);
  return toJalaali(y!, m!, d!);
}

/** The Afghan registry: Dari script or Latin, the father's name, Solar Hijri dates. */
export function renderRegistry(
  e: AfghanEntity,
  id: string,
  r: Rng,
): { record: PersonRecord; shown: ShownNames } {
  const dari = r.chance(0.55);
  const write = (n: AfghanName) => (dari ? n.dari : r.pick(n.latin));
  let lastName = '';
  let familyShown = '';
  if (e.family) {
    lastName = write(e.family);
    familyShown = canonical(e.family);
  } else if (r.chance(0.5)) {
    lastName = write(e.father);
    familyShown = canonical(e.father);
  }
  // The tazkira always names the father; a copy now and then leaves it out.
  const patronymic = r.chance(0.93) ? write(e.father) : null;
  const sh = solarHijri(e.dob);
  const roll = r.next();
  let dateOfBirth: string | null;
  if (e.knowsDay && roll < 0.55) {
    const text = `${sh.jy}/${pad(sh.jm)}/${pad(sh.jd)}`;
    dateOfBirth = dari && r.chance(0.5) ? persianDigits(text) : text;
  } else if (e.knowsDay && roll < 0.7) dateOfBirth = e.dob;
  else if (roll < 0.8) dateOfBirth = e.dob.slice(0, 4);
  else if (roll < 0.93) dateOfBirth = dari && r.chance(0.5) ? persianDigits(String(sh.jy)) : String(sh.jy);
  else dateOfBirth = null;
  const sexWord = dari && r.chance(0.4) ? (e.female ? 'زن' : 'مرد') : e.female ? 'f' : 'm';
  return {
    record: {
      id,
      firstName: write(e.given),
      lastName,
      patronymic,
      sex: r.chance(0.92) ? sexWord : null,
      dateOfBirth,
    },
    shown: {
      given: canonical(e.given),
      family: familyShown,
      patronymic: patronymic ? canonical(e.father) : '',
    },
  };
}

const RUSSIFY = (family: string, female: boolean, ending: 'ов' | 'ев' = 'ов') =>
  `${family.replace(/[ӣи]$/, '')}${ending}${female ? 'а' : ''}`;

/** A Tajik, Russian-speaking or international office: Cyrillic or other Latin, Gregorian dates. */
export function renderList(e: AfghanEntity, id: string, r: Rng): { record: PersonRecord; shown: ShownNames } {
  const roll = r.next();
  const script = roll < 0.4 ? 'tajik' : roll < 0.65 ? 'russian' : 'latin';
  const write = (n: AfghanName) => (script === 'latin' ? r.pick(n.latin) : n[script]);
  let given = write(e.given);
  let family = '';
  if (e.family) {
    family = write(e.family);
    // A Tajik or Russian registry often gives -i family names the Russian ending.
    if (script !== 'latin' && /[ӣи]$/.test(family) && r.chance(0.3)) family = RUSSIFY(family, e.female);
  } else if (r.chance(0.7)) {
    // No family name: the office makes one of the father's name (Аҳмадов, Аҳмадзода, Ahmad).
    const father = write(e.father).replace(/ (\S)/g, (_, c: string) => c.toLowerCase());
    const how = r.next();
    family =
      script === 'latin'
        ? father
        : how < 0.45
          ? RUSSIFY(father, e.female)
          : how < 0.7 && script === 'tajik'
            ? `${father}зода`
            : father;
  }
  let patronymic: string | null = null;
  if (script !== 'latin' && r.chance(0.7)) {
    const father = write(e.father).replace(/ (\S)/g, (_, c: string) => c.toLowerCase());
    // Абдулло → Абдуллоевич, Алӣ → Алиевич, Аҳмад → Аҳмадович.
    const stem = father.replace(/ӣ$/, 'и');
    const ending = /[аоуиэ]$/i.test(stem) ? 'ев' : 'ов';
    patronymic = r.chance(0.6) ? `${stem}${ending}${e.female ? 'на' : 'ич'}` : father;
  } else if (script === 'latin' && r.chance(0.5)) patronymic = write(e.father);
  if (r.chance(0.08)) {
    if (r.chance(0.5) && family) family = typo(family, r);
    else given = typo(given, r);
  }
  if (r.chance(0.1)) {
    given = given.toUpperCase();
    family = family.toUpperCase();
  }
  if (family && r.chance(0.05)) [given, family] = [family, given];
  let dob: string | null = e.dob;
  if (r.chance(0.05)) dob = `${Number(dob.slice(0, 4)) + (r.chance(0.5) ? 1 : -1)}${dob.slice(4)}`;
  const precision = r.next();
  if (!e.knowsDay) {
    // An unknown day is written as 1 January by many offices, or the year alone.
    dob = precision < 0.45 ? `${dob.slice(0, 4)}-01-01` : precision < 0.9 ? dob.slice(0, 4) : null;
  } else dob = precision < 0.75 ? dob : precision < 0.92 ? dob.slice(0, 4) : null;
  return {
    record: {
      id,
      firstName: given,
      lastName: family,
      patronymic,
      sex: r.chance(0.9) ? (e.female ? 'f' : 'm') : null,
      dateOfBirth: dob,
    },
    shown: {
      given: canonical(e.given),
      family: !family ? '' : e.family ? canonical(e.family) : canonical(e.father),
      patronymic: patronymic ? canonical(e.father) : '',
    },
  };
}

/** Registry on the left, an office's list on the right; `overlap` of the registry reappears. */
export function afghanLinkageFiles(size: number, seed: number, overlap = 0.5) {
  const entities = generateAfghanEntities(Math.ceil(size * (2 - overlap)), seed);
  const r = rng(seed + 1);
  return twoLists(
    entities,
    size,
    overlap,
    r,
    (e, id) => renderRegistry(e, id, r),
    (e, id) => renderList(e, id, r),
  );
}
