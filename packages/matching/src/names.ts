import { foldGender, foldToken } from './fold.ts';

/** Words that mark a patronymic in Kyrgyz, Kazakh and Uzbek usage ("Asan uulu", "Aliyev o'g'li"). */
const PATRONYMIC_MARKERS = new Set([
  'uulu',
  'ulu',
  'kyzy',
  'kizi',
  'gizi',
  'ogli',
  'ugli',
  'oglu',
  'ulı',
  'uly',
  'kyzi',
  'qizi',
]);
const PATRONYMIC_ENDING = /(ovich|evich|ich|ovna|evna|ichna|ovych)$/;

/**
 * Parts of Arabic compound names, folded, that are one name whether written together or apart:
 * Abdul Rahman / Abdulrahman, Zabih Ullah / Zabihullah, Ahmad Zai / Ahmadzai.
 */
// With the Perso-Arabic forms as they fold: عبد → bd, الله → alh, الدین → aldin, زی → zi, زاده → zadh.
const JOINS_NEXT = new Set(['abd', 'abdu', 'abdul', 'abdal', 'abdel', 'abdol', 'bd']);
const JOINS_PREVIOUS = new Set([
  'ulah',
  'ula',
  'ulo',
  'uloh',
  'alah',
  'lah',
  'udin',
  'adin',
  'din',
  'zai',
  'zada',
  'zoda',
  'zade',
  'alh',
  'lh',
  'aldin',
  'zi',
  'zadh',
]);

/**
 * The article of Abd-al- takes the sound of a following sun letter: Abdul Rahman, Abdurrahman,
 * عبدالرحمن and Абдураҳмон are one name; Abdul Karim keeps its l.
 */
const ARTICLE_BEFORE_SUN_LETTER = /^abd[aou]?l(?=sh|[tdrzsn])/;

function joinCompounds(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const last = out.length - 1;
    if (last >= 0 && (JOINS_NEXT.has(out[last]!) || JOINS_PREVIOUS.has(t)))
      out[last] = (out[last] + t).replace(/(.)\1+/g, '$1');
    else out.push(t);
  }
  return out.map((t) => t.replace(ARTICLE_BEFORE_SUN_LETTER, 'abdu'));
}

export interface ParsedName {
  /** Folded tokens of given and family names, in the order written. */
  tokens: string[];
  /** Folded patronymic stem (without uulu / -ovich), or null. */
  patronymic: string | null;
}

/** Splits a written name into folded tokens, setting the patronymic apart wherever it stands. */
export function parseName(written: string): ParsedName {
  const raw = joinCompounds(
    written
      .split(/[\s,.-]+/)
      .map((t) => foldToken(t))
      .filter(Boolean),
  );
  const tokens: string[] = [];
  let patronymic: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i]!;
    const next = raw[i + 1];
    if (next && PATRONYMIC_MARKERS.has(next.replace(/'/g, ''))) {
      patronymic = token;
      i++;
      continue;
    }
    if (PATRONYMIC_MARKERS.has(token)) continue;
    if (PATRONYMIC_ENDING.test(token) && token.length > 6) {
      patronymic = token.replace(PATRONYMIC_ENDING, '');
      continue;
    }
    tokens.push(token);
  }
  return { tokens, patronymic };
}

/**
 * Tokens for search and blocking: every folded token, gender-folded, de-duplicated, sorted, so
 * that word order and script do not matter.
 */
export function nameKeys(...parts: Array<string | null | undefined>): string[] {
  const keys = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    const parsed = parseName(part);
    for (const t of parsed.tokens) keys.add(foldGender(t));
    if (parsed.patronymic) keys.add(foldGender(parsed.patronymic));
  }
  return [...keys].sort();
}
