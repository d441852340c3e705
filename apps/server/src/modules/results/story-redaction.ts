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
      words.add(word);
      words.add(transliterate(word));
    }
  // Longest first, so "Жумабаева" goes before "Жумабаев" can leave a stray ending.
  for (const word of [...words].sort((a, b) => b.length - a.length))
    out = out.replace(
      new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}\\p{L}{0,3}(?![\\p{L}])`, 'giu'),
      '[name]',
    );
  out = out.replace(/\+?\d[\d\s()-]{6,}\d/g, '[phone]');
  out = out.replace(/\b[A-ZА-Я]{0,3}\d{5,}\b/gu, '[number]');
  return out;
}
