import { oneSlipApart } from './edit-distance.ts';
import { foldGender, skeleton } from './fold.ts';
import { jaroWinkler } from './jaro-winkler.ts';
import { fitsPersoArabic } from './perso-arabic.ts';
import { familyStem, type PreparedRecord } from './record.ts';

/**
 * How two written names compare, as a level: the same spelling once folded (exact), one slip
 * of the keyboard, close spellings of one name (skeletons, stems, vowels coloured by a language,
 * consonants heard alike), near, or plainly different names.
 */
export const NAME_LEVELS = ['exact', 'slip', 'close', 'near', 'disagree', 'missing'] as const;
export type NameLevel = (typeof NAME_LEVELS)[number];

// Reasons are shared strings, not built per comparison: a million-record run keeps many pairs.
const reasonsFor = (field: string) =>
  Object.fromEntries(NAME_LEVELS.map((l) => [l, `${field} ${l}`])) as Record<NameLevel, string>;
export const FAMILY_REASON = reasonsFor('family name');
export const GIVEN_REASON = reasonsFor('given name');
export const PATRONYMIC_REASON = reasonsFor('patronymic');

/** One name of a record with its skeleton and, for a family name, its stem. */
export interface NameForm {
  folded: string;
  /** As written, in plain Latin letters; empty where not known (a father's name) or Perso-Arabic. */
  plain?: string;
  sk: string;
  stem?: string;
  stemSk?: string;
  /** Written in Perso-Arabic script. */
  arabic: boolean;
}

/** Same skeleton: the same name, unless one is Perso-Arabic and its long vowels rule the other out. */
function sameSkeletonName(a: NameForm, b: NameForm): boolean {
  if (a.arabic === b.arabic) return true;
  return a.arabic ? fitsPersoArabic(a.folded, b.folded) : fitsPersoArabic(b.folded, a.folded);
}

/** Consonants in a skeleton, a digraph counted once: شکیلا (shkl) has three, like Karim. */
const consonants = (sk: string) => sk.replace(/sh|ch|kh|gh|zh/g, 'X').length;

// A v between vowels is the و that Latin may write as a vowel (Daud, Довуд).
const vowelShape = (x: string) => x.replace(/[aeiouvy]+/g, '*');
const OPENING_VOWEL = /^[aeiou]/;
const sameOpening = (x: string, y: string) =>
  x[0] === y[0] || (OPENING_VOWEL.test(x) && OPENING_VOWEL.test(y));

/** Three consonants and six letters a side: the vowels carry enough of the name (Yasmin, Ёсумин). */
const longNames = (a: NameForm, b: NameForm) =>
  a.sk.length >= 3 && Math.min(a.folded.length, b.folded.length) >= 6;

export function nameLevel(a: NameForm, b: NameForm, abjad: boolean): NameLevel {
  if (!a.folded || !b.folded) return 'missing';
  if (a.folded === b.folded) return 'exact';
  // Perso-Arabic letters against Latin ones differ by every short vowel: no slip to count there.
  if (a.arabic === b.arabic && a.folded.length >= 4 && oneSlipApart(a.folded, b.folded)) return 'slip';
  // Folding may carry a mistyped name away from its own (Stiora, Sitora; Irna, Irina): as written, it is one slip.
  // A letter dropped from a four-letter name counts too (Azz, Aziz; Сио, Сино).
  if (
    a.plain &&
    b.plain &&
    Math.max(a.plain.length, b.plain.length) >= 4 &&
    Math.min(a.plain.length, b.plain.length) >= 3 &&
    oneSlipApart(a.plain, b.plain)
  )
    return 'slip';
  // Perso-Arabic script writes no short vowels: its skeleton is all there is to compare.
  if (abjad) {
    if (a.sk === b.sk && sameSkeletonName(a, b)) return 'exact';
    // The opening letter stays: اکرم (Akram) is not کریم (Karim) with a letter more.
    // Three consonants a letter apart are two names (کریمی, Kasim, Qureshi).
    if (consonants(a.sk) >= 4 && a.sk[0] === b.sk[0] && oneSlipApart(a.sk, b.sk)) return 'slip';
  } else if (a.sk === b.sk && sameOpening(a.folded, b.folded) && (a.sk.length >= 4 || longNames(a, b))) {
    // Vowels spelled apart (Zabihullah, Забеҳулло; Ebrahimi, Иброҳимӣ); short names stay apart
    // (the twins Асан, Үсөн), unless both are long, their vowels spelled out (Yasmin, Ёсумин).
    return 'close';
  } else if (a.sk.length >= 4 && sameOpening(a.folded, b.folded) && soundAlike(a.sk, b.sk)) {
    // A consonant as another language hears it: Ibrahim, Ибрагим; Narges, Наргиз.
    return 'close';
  } else if (
    a.sk !== b.sk &&
    a.sk.length >= 3 &&
    sameOpening(a.folded, b.folded) &&
    a.sk.replace(/h/g, '') === b.sk.replace(/h/g, '')
  ) {
    // A silent h written or not (Zabiullah, Zabihullah, Забеҳулло).
    return 'close';
  } else if (
    (a.folded[0] === b.folded[0] || (a.folded.length >= 5 && sameOpening(a.folded, b.folded))) &&
    a.folded.length >= 4 &&
    vowelShape(a.folded) === vowelShape(b.folded)
  ) {
    // Every vowel in its place, only its colour changed, as Tajik writes the long a (Fatema,
    // Фотима; Zahra, Зуҳро); Zahir and Zahra have their vowels elsewhere.
    return 'close';
  }
  // Karimi, Karimov, Каримзода: one family name with the ending each office gives it.
  if (
    a.stem &&
    b.stem &&
    (a.stem === b.stem ||
      (a.stem.length >= 4 && oneSlipApart(a.stem, b.stem)) ||
      (a.stemSk === b.stemSk && (abjad || (a.stemSk!.length >= 4 && sameOpening(a.stem, b.stem)))))
  )
    return 'close';
  // Same consonants, other long vowels (حسین, Hasan): another name.
  if (abjad) {
    if (a.sk === b.sk) return 'disagree';
    // Consonants a slip of the keyboard apart (Руана for روشنا): near, not a sibling's other name.
    const sim = jaroWinkler(a.sk, b.sk);
    return sim >= 0.94 ? 'close' : sim >= 0.85 && a.sk[0] === b.sk[0] ? 'near' : 'disagree';
  }
  const s = jaroWinkler(a.folded, b.folded);
  return s >= 0.94 ? 'close' : s >= 0.88 ? 'near' : 'disagree';
}

export const given = (r: PreparedRecord): NameForm => ({
  folded: r.given,
  plain: r.givenPlain,
  sk: r.givenSk,
  arabic: r.abjad,
});
export const family = (r: PreparedRecord): NameForm => ({
  folded: r.family,
  plain: r.familyPlain,
  sk: r.familySk,
  stem: r.familyStem,
  stemSk: r.familyStemSk,
  arabic: r.abjad,
});
/** The given-name column read as a family name, for names swapped between the columns (Амиров Сайиданвар). */
export const givenAsFamily = (r: PreparedRecord): NameForm => {
  const folded = foldGender(r.given);
  const stem = familyStem(folded);
  return { folded, plain: r.givenPlain, sk: skeleton(folded), stem, stemSk: skeleton(stem), arabic: r.abjad };
};
// A father's name may meet a family name made of it (Муҳаммадабдуллозода): it has a stem too.
export const father = (r: PreparedRecord): NameForm => ({
  folded: r.patronymic,
  sk: r.patronymicSk,
  stem: r.patronymic,
  stemSk: r.patronymicSk,
  arabic: r.abjad,
});

/** Consonants that spellings of one name trade (Ibrahim, Ибрагим; Qasim, Kasim). */
const SOUND_ALIKE = new Set([
  'hg',
  'gh',
  'hk',
  'kh',
  'sz',
  'zs',
  'jz',
  'zj',
  'dt',
  'td',
  'bp',
  'pb',
  'vf',
  'fv',
]);
const VOWEL = /[aeiouy]/;

/** Same length, one consonant traded for one that sounds alike. */
function soundAlike(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  let i = 0;
  while (x[i] === y[i]) i++;
  return i < x.length && SOUND_ALIKE.has(x[i]! + y[i]!) && x.slice(i + 1) === y.slice(i + 1);
}

/**
 * A man's and a woman's form (Aziz, Aziza), or one consonant changed for another that no
 * spelling trades for it (Karim, Kasim): two names, not one mistyped. A vowel changed (Rushana,
 * Roshana) is a spelling.
 */
export function twoNamesALetterApart(x: string, y: string): boolean {
  if (x === `${y}a` || y === `${x}a`) return true;
  // A letter more on a short name is another name (Ali, Alim); on a longer one, a spelling (Husain, Hussain).
  if (x.length !== y.length) return Math.min(x.length, y.length) <= 3;
  let i = 0;
  while (x[i] === y[i]) i++;
  const p = x[i]!;
  const q = y[i]!;
  if (x.slice(i + 1) !== y.slice(i + 1) || VOWEL.test(p) || VOWEL.test(q)) return false;
  return !SOUND_ALIKE.has(p + q);
}
