import { transliterate } from '@komek/matching';

export interface Identifiers {
  names: string[];
  documentNumbers: string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Takes out what identifies the people of a case: their names in Cyrillic and in Latin letters
 * (each word, with any case ending), document numbers, phone numbers and long digit runs.
 * A reviewer reads the result before anything is published; this removes the obvious.
 */
export function redact(text: string, ids: Identifiers): string {
  let out = text;
  for (const number of ids.documentNumbers.filter((n) => n.trim().length >= 3))
    out = out.replace(new RegExp(escapeRegExp(number.trim()), 'giu'), '[document]');
  const words = new Set<string>();
  for (const name of ids.names)
    for (const word of name.split(/[\s\-']+/u).filter((w) => w.length >= 3)) {
      // A long name also by its stem, so that inflected forms go too (Жумабаева → Жумабаевой).
      for (const form of word.length >= 6 ? [word, word.slice(0, -1)] : [word]) {
        words.add(form);
        words.add(transliterate(form));
      }
    }
  // Longest first, so "Жумабаева" goes before "Жумабаев" can leave a stray ending.
  for (const word of [...words].sort((a, b) => b.length - a.length))
    out = out.replace(
      new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}\\p{L}{0,3}(?![\\p{L}])`, 'giu'),
      '[name]',
    );
  out = out.replace(ADDRESS, '[address]');
  out = out.replace(DOCUMENT_NUMBER, '[number]');
  out = out.replace(PHONE, '[phone]');
  out = out.replace(LONG_NUMBER, '[number]');
  return out;
}

/** Latin, Arabic-Indic and Persian digits: Dari text writes numbers in its own. */
const D = '[0-9\u0660-\u0669\u06F0-\u06F9]';

/**
 * Words that make a phrase an address, in the seven languages of the interface: street, avenue,
 * lane, district block, house, flat, "address". A street name may stand before them (Lenin
 * street, Ленин көчөсү) or after (ул. Ленина); the phrase ends in a house or flat number.
 */
const ADDRESS_WORDS = [
  // en
  'street',
  'st\\.',
  'avenue',
  'ave\\.',
  'road',
  'rd\\.',
  'lane',
  'house',
  'flat',
  'apartment',
  'apt\\.',
  // ru, and its transliteration
  'улица',
  'ул\\.',
  'проспект',
  'пр-т',
  'переулок',
  'пер\\.',
  'микрорайон',
  'мкр\\.?',
  'дом',
  'д\\.',
  'квартира',
  'кв\\.',
  'ulitsa',
  'ul\\.',
  'mkr\\.?',
  // ky, kk
  'көчөсү',
  'көчө',
  'кичирайон',
  'батир',
  'үй',
  'көшесі',
  'көше',
  'шағынаудан',
  'пәтер',
  // uz (both apostrophes), tg
  "ko[ʻ'‘]chasi",
  "ko[ʻ'‘]cha",
  'mahalla',
  'uy',
  'xonadon',
  'кӯчаи',
  'кӯча',
  'хонаи',
  'хона',
  'маҳалла',
  // fa-AF
  'کوچه',
  'کوچهٔ',
  'سرک',
  'جاده',
  'خانه',
  'منزل',
  'ناحیه',
  'آپارتمان',
];
const WORD = "[\\p{L}\\p{M}.'ʻ‘-]+";
const ADDRESS = new RegExp(
  `(?:${WORD}\\s+)?(?<![\\p{L}])(?:${ADDRESS_WORDS.join('|')})(?![\\p{L}])\\s*(?:${WORD}[،,]?\\s*){0,3}${D}+\\p{L}?(?:\\s*[,/-]\\s*(?:${WORD}\\s*)?${D}+)*`,
  'giu',
);
const PHONE = new RegExp(`(?<!${D})\\+?${D}[${D.slice(1, -1)}\\s()-]{6,}${D}(?!${D})`, 'gu');
/** Passport and ID numbers: one to three capitals (any script), then five digits or more. */
const DOCUMENT_NUMBER = new RegExp(`(?<![\\p{L}\\p{N}])\\p{Lu}{1,3}[\\s№#-]?${D}{5,}(?!${D})`, 'gu');
const LONG_NUMBER = new RegExp(`(?<![\\p{L}\\p{N}])${D}{5,}(?!${D})`, 'gu');
