/**
 * Cyrillic → Latin for Russian, Kyrgyz, Kazakh, Tajik and Uzbek Cyrillic, close to the
 * passport conventions of the region. The result is readable; `fold.ts` then reduces readable
 * spellings to a matching skeleton.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Kyrgyz
  ң: 'ng',
  ө: 'o',
  ү: 'u',
  // Kazakh
  ә: 'a',
  ғ: 'gh',
  қ: 'q',
  ұ: 'u',
  һ: 'h',
  і: 'i',
  // Tajik
  ӣ: 'i',
  ӯ: 'u',
  ҳ: 'h',
  ҷ: 'j',
  // Uzbek Cyrillic
  // Uzbek Cyrillic ў is oʻ in Uzbek Latin and у in Russian-language papers.
  ў: 'oʻ',
};

export function transliterate(input: string): string {
  let out = '';
  for (const ch of input) {
    const lower = ch.toLowerCase();
    const mapped = CYRILLIC[lower];
    if (mapped === undefined) out += ch;
    else out += ch === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
  }
  return out;
}

export function hasCyrillic(input: string): boolean {
  return /[\u0400-\u04FF]/.test(input);
}
