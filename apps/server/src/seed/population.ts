import type { PersonInput } from '@komek/domain';
import { transliterate } from '@komek/matching';
import { DARI_LATIN, NAME_STYLES, type NameStyle } from './names-data.ts';

/** Small, seedable PRNG (mulberry32): the same seed gives the same population on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

/** Picks an item with probability proportional to its weight. */
export function pickWeighted<T extends { weight: number }>(r: Rng, items: readonly T[]): T {
  let x = r.next() * items.reduce((sum, item) => sum + item.weight, 0);
  for (const item of items) {
    x -= item.weight;
    if (x < 0) return item;
  }
  return items[0]!;
}

function feminine(surname: string, style: NameStyle): string {
  if (!style.femaleSuffix) return surname;
  return /(ов|ев|ёв|ин|ov|ev|in|yev)$/i.test(surname) ? `${surname}${style.femaleSuffix}` : surname;
}

const DISTRICTS = ['KG-O-KARASUU', 'KG-O-ARAVAN', 'KG-B-KADAMJAY', 'KG-J-AKSY', 'KG-J-ALABUKA'];

const STATUS_BY_STYLE: Record<
  string,
  Array<[PersonInput['nationalityStatus'], PersonInput['populationType']]>
> = {
  kyrgyz: [
    ['citizen', 'border_community'],
    ['undetermined_nationality', 'undetermined_nationality'],
    ['at_risk_of_statelessness', 'at_risk_of_statelessness'],
    ['kairylman_applicant', 'others'],
  ],
  uzbek: [
    ['citizen', 'border_community'],
    ['migrant', 'migrants'],
    ['stateless', 'stateless'],
    ['undetermined_nationality', 'undetermined_nationality'],
  ],
  tajik: [
    ['migrant', 'migrants'],
    ['stateless', 'stateless'],
    ['citizen', 'border_community'],
  ],
  kazakh: [
    ['kairylman_applicant', 'others'],
    ['migrant', 'migrants'],
  ],
  russian: [
    ['stateless', 'stateless'],
    ['citizen', 'border_community'],
  ],
  afghan: [
    ['refugee', 'refugees_asylum_seekers'],
    ['asylum_seeker', 'refugees_asylum_seekers'],
    ['mandate_refugee', 'refugees_asylum_seekers'],
  ],
};

const CITIZENSHIP: Record<string, string> = {
  kyrgyz: 'KG',
  uzbek: 'UZ',
  tajik: 'TJ',
  kazakh: 'KZ',
  russian: 'RU',
  afghan: 'AF',
};

/** One synthetic person of the region, in the spelling conventions of their community. */
export function generatePerson(r: Rng, today = new Date()): PersonInput & { style: string } {
  const style = pickWeighted(r, NAME_STYLES);
  const female = r.chance(0.52);
  const given = r.pick(female ? style.female : style.male);
  const family = female ? feminine(r.pick(style.surnames), style) : r.pick(style.surnames);
  const patronymic = style.patronymic && r.chance(0.6) ? style.patronymic(r.pick(style.male), female) : null;
  const [nationalityStatus, populationType] = r.pick(STATUS_BY_STYLE[style.key]!);
  const age = r.chance(0.3) ? r.int(0, 17) : r.chance(0.85) ? r.int(18, 59) : r.int(60, 90);
  const born = new Date(today.getTime() - (age * 365.25 + r.int(1, 364)) * 86_400_000).toISOString();
  const precision = r.next();
  // Half know the day, some the month, many only the year; the rest give an estimated age.
  const birthDate =
    precision < 0.5
      ? born.slice(0, 10)
      : precision < 0.65
        ? born.slice(0, 7)
        : precision < 0.9
          ? born.slice(0, 4)
          : null;
  const latin =
    style.key === 'afghan'
      ? `${DARI_LATIN[given]} ${DARI_LATIN[family]}`
      : /[А-яӘ-ӿ]/.test(given)
        ? transliterate(`${given} ${family}`)
        : null;
  const disability = r.chance(0.08);
  return {
    style: style.key,
    givenName: given,
    familyName: family,
    patronymic,
    latinName: latin,
    aliases: [],
    sex: female ? 'female' : 'male',
    birthDate,
    estimatedAge: birthDate ? null : age,
    placeOfBirth: null,
    languages: style.languages,
    phone: r.chance(0.7) ? `+996 ${r.int(500, 999)} ${r.int(100, 999)} ${r.int(100, 999)}` : null,
    messaging: null,
    districtId: r.pick(DISTRICTS),
    communityId: null,
    address: null,
    nationalityStatus,
    nationalityCountry: nationalityStatus === 'citizen' ? CITIZENSHIP[style.key]! : null,
    populationType,
    specificNeeds:
      age < 18 && r.chance(0.05)
        ? ['separated_child']
        : age >= 60 && r.chance(0.2)
          ? ['older_person_at_risk']
          : [],
    washingtonGroup: disability ? { walking: 'a_lot_of_difficulty' } : {},
  };
}
