import { transliterate } from './transliterate.ts';

/**
 * Reduces a name to a skeleton that different romanisations of the same name share:
 * Асанов / Asanov / ASANOV / Asanow → "asanov"; Ҳасанов / Hasanov / Xasanov / Khasanov → "hasanov";
 * Жумабаев / Zhumabaev / Jumabayev → "jumabaev". Order matters: multi-letter spellings are
 * replaced before the single letters they contain.
 */
const RULES: Array<[RegExp, string]> = [
  // Uzbek oʻ (Cyrillic ў) is у in Russian-language documents: Boʻriyev = Бўриев = Буриев.
  [/o[ʻʼ'’`‘]/g, 'u'],
  [/[ʻʼ'’`‘]/g, ''],
  [/shch/g, 'sh'],
  [/dzh|dj|zh/g, 'j'],
  [/kh|x/g, 'h'],
  [/gh/g, 'g'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/ts/g, 's'],
  [/c(?!h)/g, 'k'],
  [/ph/g, 'f'],
  [/ng$/g, 'n'],
  // Iotated vowels written with or without y/i: Jumabayev/Jumabaev, Yusupov/Usupov stay distinct
  // at the start of a word but fold inside it.
  [/(?<=[aeiou])y(?=[aeiou])/g, ''],
  [/(?<=[aeiou])i(?=[aeiou])/g, ''],
  // й after a vowel is written y or i (Aygul / Aigul, Beyshenaliev / Beishenaliev).
  [/(?<=[aeiou])y(?![aeiou])/g, 'i'],
  // ё after a consonant is written yo or e (Pyotr / Petr, Fyodor / Fedor).
  [/(?<=[^aeiou])yo/g, 'e'],
  // ы is written y or i (Bakyt / Bakit).
  [/(?<=[^aeiou])y(?=[^aeiou]|$)/g, 'i'],
  [/ye/g, 'e'],
  [/yo/g, 'o'],
  [/iy$/g, 'i'],
  [/y$/g, 'i'],
  [/ou/g, 'u'],
  [/(.)\1+/g, '$1'],
];

function stripMarks(input: string): string {
  // Latin national letters (oʻ gʻ ş ç ä ö ü ı) fold to their base letters.
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ş/g, 'sh')
    .replace(/ç/g, 'ch');
}

export function foldToken(token: string): string {
  let s = stripMarks(transliterate(token).toLowerCase());
  s = s.replace(/[^a-z'ʻʼ’`‘]/g, '');
  for (const [pattern, replacement] of RULES) s = s.replace(pattern, replacement);
  return s;
}

/** Female surname endings fold to the male form so spouses and siblings block together. */
export function foldGender(folded: string): string {
  return folded
    .replace(/ova$/, 'ov')
    .replace(/eva$/, 'ev')
    .replace(/ina$/, 'in')
    .replace(/skaya$/, 'ski')
    .replace(/aya$/, 'i');
}
