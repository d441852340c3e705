import { hasPersoArabic, persoArabicToLatin } from './perso-arabic.ts';
import { hasCyrillic, transliterate } from './transliterate.ts';

/**
 * Reduces a name to a skeleton that different romanisations of the same name share:
 * Асанов / Asanov / ASANOV / Asanow → "asanov"; Ҳасанов / Hasanov / Xasanov / Khasanov → "hasanov";
 * Жумабаев / Zhumabaev / Jumabayev → "jumabaev". Order matters: multi-letter spellings are
 * replaced before the single letters they contain.
 */
/**
 * Raised whenever folding changes what a name folds to: keys stored under an older folding are
 * computed again (the server's name-keys refold).
 */
export const FOLD_VERSION = 4;

const RULES: Array<[RegExp, string]> = [
  // Uzbek oʻ (Cyrillic ў) is у in Russian-language documents: Boʻriyev = Бўриев = Буриев.
  [/o[ʻʼ'’`‘]/g, 'u'],
  [/[ʻʼ'’`‘]/g, ''],
  [/shch/g, 'sh'],
  [/dzh|zh/g, 'j'],
  [/kh|x/g, 'h'],
  [/gh/g, 'g'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/ts/g, 's'],
  // c is k before a, o, u (Nicolai); elsewhere it is ц written as c (Cvetkov, Cirkulov).
  [/ck/g, 'k'],
  [/c(?=[aou])/g, 'k'],
  [/c(?!h)/g, 's'],
  [/ph/g, 'f'],
  // ң is ng in passports and n informally, wherever it stands (Jangyl, Janyl, Жаңыл).
  [/ng/g, 'n'],
  // Iotated vowels written with or without y/i: Jumabayev/Jumabaev, Yusupov/Usupov stay distinct
  // at the start of a word but fold inside it.
  // Sayyid, Сайид: a doubled y is one.
  [/yy/g, 'y'],
  [/(?<=[aeiou])y(?=[aeiou])/g, ''],
  [/(?<=[aeiou])i(?=[aeiou])/g, ''],
  // я and ю are ia and iu in passports since 2013 (Liazzat, Iuldash), ya and yu before; but
  // -iullah is a name and Allah (Zabiullah, Samiullah).
  [/(?<![aeiou])i(?=[aou])(?<!.i(?=ull?a))/g, 'y'],
  // й after a vowel is written y or i (Aygul / Aigul, Beyshenaliev / Beishenaliev).
  [/(?<=[aeiou])y(?![aeiou])/g, 'i'],
  // ё after a consonant is written yo or e (Pyotr / Petr, Fyodor / Fedor).
  [/(?<=[^aeiou])yo/g, 'e'],
  // ы is written y or i (Bakyt / Bakit).
  [/(?<=[^aeiou])y(?=[^aeiou]|$)/g, 'i'],
  [/ye/g, 'e'],
  // Not at the start: Yousuf, Yusuf.
  [/(?<=.)yo/g, 'o'],
  [/iy$/g, 'i'],
  [/y$/g, 'i'],
  [/ou/g, 'u'],
  [/(.)\1+/g, '$1'],
];

function stripMarks(input: string): string {
  // Letters with their own sound (Turkmen and Kazakh Latin ş ç ñ) are spelled out before the
  // marks of the others (ä ö ü ı) are dropped: decomposed first, ş would be lost to a bare s.
  return input
    .replace(/ş/g, 'sh')
    .replace(/ç/g, 'ch')
    .replace(/ñ/g, 'ng')
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Perso-Arabic letters come out of `persoArabicToLatin` folded already: the Latin digraph rules would misread them (ز ه as zh). */
function foldPersoArabic(token: string): string {
  const s = persoArabicToLatin(token)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  // ی between consonants and at the end is the vowel i, as Latin folds it (Karimi, Hussain).
  return s.replace(/(?<=[^aeiou])y(?=[^aeiou]|$)/g, 'i');
}

export function foldToken(token: string): string {
  if (hasPersoArabic(token)) return foldPersoArabic(token);
  // Afghan and Pakistani romanisation writes long u and i doubled (Dawood, Noor, Naseer, Fareed);
  // in Cyrillic, ее is two vowels (Сергеевич).
  let s = stripMarks(transliterate(token).toLowerCase());
  // A closing -eh is Iranian romanisation of the final he that others write -a (Fatemeh, Alizadeh).
  // Dj is j in French-style Latin (Djamshid); from Cyrillic it is д then ҷ (Муҳаммадҷалил).
  if (!hasCyrillic(token))
    s = s
      .replace(/oo/g, 'u')
      .replace(/ee/g, 'i')
      .replace(/(?<=..)eh$/, 'a')
      // Mohammad, Mahammad and Muhammad (Муҳаммад) are one name.
      .replace(/^m[ao]ham/, 'muham')
      .replace(/dj/g, 'j');
  s = s.replace(/[^a-z'ʻʼ’`‘]/g, '');
  for (const [pattern, replacement] of RULES) s = s.replace(pattern, replacement);
  return s;
}

/**
 * A name as written, in Latin letters and nothing else: no folding of vowels, endings or
 * spellings. A slip of the keyboard is a slip here, where folding may have carried its two sides
 * apart (Stiora folds to stera, Sitora to sitora).
 */
export function plainName(written: string): string {
  if (hasPersoArabic(written)) return '';
  return stripMarks(transliterate(written).toLowerCase()).replace(/[^a-z]/g, '');
}

/**
 * Female surname endings fold to the male form so spouses and siblings block together. A given
 * name (`givenName`) keeps -ina: Amina is not Amin, a man's name.
 */
export function foldGender(folded: string, givenName = false): string {
  const s = folded.replace(/ova$/, 'ov').replace(/eva$/, 'ev');
  return (givenName ? s : s.replace(/ina$/, 'in')).replace(/skaya$/, 'ski').replace(/aya$/, 'i');
}

/**
 * The consonants of a folded name, as Perso-Arabic script writes it: short vowels are not
 * written and long ones are letters that Latin spells as vowels (ا و ی), so a e i o u v w y go
 * but for an opening vowel, which the script writes with alef or ain (a); a closing h is the
 * silent he of Abdullah / Абдулло (not the h of sh, ch). محمد, Mohammad, Muhammad, Муҳаммад → mhmd; اکرم, Akram → akrm.
 */
export function skeleton(folded: string): string {
  return folded
    .replace(/^[aeiou]/, 'A')
    .replace(/[aeiouvwy]/g, '')
    .replace(/^A/, 'a')
    .replace(/(.)\1+/g, '$1')
    .replace(/(?<=[^sc])h$/, '');
}

/** Consonants that languages trade in one name (Ibrahim, Ибрагим; Narges, Наргиз) as one: for finding candidates, not for judging them. */
export const soundOf = (sk: string) =>
  sk
    .replace(/[ghkq]/g, 'k')
    .replace(/[szc]/g, 's')
    .replace(/[dt]/g, 't')
    .replace(/[bp]/g, 'p')
    .replace(/f/g, 'v');
