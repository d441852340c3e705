import { parseBirthDate } from './birth-date.ts';
import { foldGender, foldToken, plainName, skeleton } from './fold.ts';
import { parseName } from './names.ts';
import { hasPersoArabic } from './perso-arabic.ts';

/** A person as batch linkage sees it: the columns of the `komek link` contract. */
export interface PersonRecord {
  id: string;
  firstName: string;
  lastName: string;
  patronymic?: string | null;
  sex?: string | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY, or Solar Hijri YYYY, YYYY/MM/DD; empty when unknown. */
  dateOfBirth?: string | null;
}

/** The folded features that comparison and blocking use, computed once per record. */
export interface PreparedRecord {
  id: string;
  given: string;
  family: string;
  /** The given and family names as written, in plain Latin letters (`plainName`): for slips. */
  givenPlain: string;
  familyPlain: string;
  /** Every folded name token, for order-independent comparison. */
  tokens: string[];
  patronymic: string;
  /** Consonant skeletons of the three names (`skeleton()`), for names from Perso-Arabic script. */
  givenSk: string;
  familySk: string;
  patronymicSk: string;
  /** The family name without the endings that offices add or drop (-zai, -i, -zoda, -ov). */
  familyStem: string;
  familyStemSk: string;
  /** Some name was written in Perso-Arabic script, where only the skeleton can be compared. */
  abjad: boolean;
  sex: 'f' | 'm' | '';
  year: number;
  month: number;
  day: number;
  /** 1 when the year may as well be the next one (a Solar Hijri year alone). */
  yearSpan: 0 | 1;
}

function firstToken(value: string): string {
  const parsed = parseName(value);
  return parsed.tokens[0] ?? parsed.patronymic ?? '';
}

function normaliseSex(value: string | null | undefined): PreparedRecord['sex'] {
  const v = (value ?? '').trim().toLowerCase();
  if (['f', 'female', 'ж', 'жен', 'женский', 'a', 'ayol', 'аял', 'әйел', 'زن', 'ز'].includes(v)) return 'f';
  if (['m', 'male', 'м', 'муж', 'мужской', 'e', 'erkak', 'эркек', 'ер', 'مرد', 'م'].includes(v)) return 'm';
  return '';
}

/** Mohammad, Gul, Noor, Sayed, Mir, Shah: the first halves of two-part Afghan men's names. */
const FIRST_HALVES = new Set(['mhmd', 'gl', 'nr', 'sd', 'mr', 'sh']);
const opensTwoPartName = (tokens: string[]) => tokens.length >= 2 && FIRST_HALVES.has(skeleton(tokens[0]!));

/** Words of one name written together, a letter doubled where they meet read once, as folding reads it (نور رحمت, Нурраҳмат). */
const oneWord = (tokens: string[]) =>
  tokens.reduce((word, t) => (word.endsWith(t[0] ?? '') ? word + t.slice(1) : word + t), '');

const FAMILY_ENDING = /(zai|zi|zada|zoda|zade|zadh|ov|ev|i)$/;
export const familyStem = (family: string) => {
  const stem = family.replace(FAMILY_ENDING, '');
  return stem.length >= 3 ? stem : family;
};

export function prepareRecord(r: PersonRecord): PreparedRecord {
  const first = parseName(r.firstName);
  const last = parseName(r.lastName);
  const patronymicParsed = r.patronymic ? parseName(r.patronymic) : null;
  // A father's name given in full in the patronymic column (Mohammad Nabi) is one name.
  const patronymic =
    patronymicParsed?.patronymic ??
    (patronymicParsed?.tokens.length ? oneWord(patronymicParsed.tokens) : null) ??
    first.patronymic ??
    last.patronymic ??
    '';
  const tokens = [...first.tokens, ...last.tokens].map((t) => foldGender(t));
  // Two-part given names (Mohammad Karim, Муҳаммадкарим) are one name, written apart or
  // together; with the family name in its own column, every word of the first is the given name.
  const given = foldGender(
    (last.tokens.length || opensTwoPartName(first.tokens) ? oneWord(first.tokens) : first.tokens[0]) ||
      firstToken(r.firstName),
    true,
  );
  // A father's name made the family name keeps both its parts (Mir Said, Нур Муҳаммад).
  const family = foldGender(
    (opensTwoPartName(last.tokens) ? oneWord(last.tokens) : last.tokens[0]) ?? firstToken(r.lastName),
  );
  const folded = patronymic ? foldGender(foldToken(patronymic)) : '';
  // The same words the given name is made of, as written.
  const firstWords = r.firstName.trim().split(/[\s-]+/);
  const givenWritten =
    last.tokens.length || opensTwoPartName(first.tokens) ? firstWords.join('') : firstWords[0]!;
  const date = parseBirthDate(r.dateOfBirth);
  return {
    id: r.id,
    given,
    family,
    givenPlain: plainName(givenWritten),
    familyPlain: plainName(r.lastName),
    tokens,
    patronymic: folded,
    givenSk: skeleton(given),
    familySk: skeleton(family),
    patronymicSk: skeleton(folded),
    familyStem: familyStem(family),
    familyStemSk: skeleton(familyStem(family)),
    abjad: hasPersoArabic(`${r.firstName}${r.lastName}${r.patronymic ?? ''}`),
    sex: normaliseSex(r.sex),
    ...date,
  };
}

/** The name texts of a prepared record. */
export const NAME_TEXTS = [
  'given',
  'family',
  'givenPlain',
  'familyPlain',
  'patronymic',
  'givenSk',
  'familySk',
  'patronymicSk',
  'familyStem',
  'familyStemSk',
] as const satisfies ReadonlyArray<keyof PreparedRecord>;

/**
 * Prepares a list, each distinct name text kept once: a million records hold a few hundred
 * thousand distinct names but fourteen million name strings, and a copy of "mohammad" for each
 * record that bears it cost a linkage run of a million a side about a gigabyte.
 */
export function prepareList(records: Iterable<PersonRecord>): PreparedRecord[] {
  const kept = new Map<string, string>();
  const once = (s: string) => {
    const k = kept.get(s);
    if (k !== undefined) return k;
    kept.set(s, s);
    return s;
  };
  const out: PreparedRecord[] = [];
  for (const raw of records) {
    const r = prepareRecord(raw);
    for (const f of NAME_TEXTS) r[f] = once(r[f]);
    r.tokens = r.tokens.map(once);
    out.push(r);
  }
  return out;
}
