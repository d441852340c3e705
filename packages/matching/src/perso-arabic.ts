/**
 * Dari and Pashto (Perso-Arabic script) → Latin letters that `fold.ts` reads. Short vowels are
 * not written in the script, so what comes out is close to a consonant skeleton (محمد → mhmd);
 * `skeleton()` reduces Latin and Cyrillic spellings to the same form (Mohammad, Муҳаммад → mhmd).
 * Arabic and Persian code points of one letter fold together (ي/ی, ك/ک, ة/ه).
 */
const LETTERS: Record<string, string> = {
  ا: 'a',
  آ: 'a',
  أ: 'a',
  إ: 'i',
  ٱ: 'a',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ټ: 't',
  ث: 's',
  ج: 'j',
  چ: 'ch',
  ځ: 'dz',
  څ: 'ts',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ډ: 'd',
  ذ: 'z',
  ر: 'r',
  ړ: 'r',
  ز: 'z',
  ژ: 'zh',
  ږ: 'zh',
  س: 's',
  ش: 'sh',
  ښ: 'sh',
  ص: 's',
  ض: 'z',
  ط: 't',
  ظ: 'z',
  // The ain is not written in Latin or Cyrillic spellings (Ali, Али ← علی).
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ک: 'k',
  ك: 'k',
  ګ: 'g',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ڼ: 'n',
  و: 'w',
  ؤ: 'w',
  ه: 'h',
  ہ: 'h',
  ة: 'h',
  ۀ: 'h',
  ی: 'y',
  ي: 'y',
  ى: 'y',
  ې: 'y',
  ۍ: 'y',
  ئ: 'y',
  ے: 'y',
  // Hamza alone, tatweel and the zero-width non-joiner that writes ذبیح‌الله are not letters.
  ء: '',
  ـ: '',
  '\u200c': '',
  '\u200d': '',
};

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

export function hasPersoArabic(input: string): boolean {
  return ARABIC.test(input);
}

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits as ASCII digits. */
export function asciiDigits(input: string): string {
  return input.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));
}

export function persoArabicToLatin(input: string): string {
  let out = '';
  // Presentation forms (ﻣﺤﻤﺪ) to the letters they draw; short-vowel marks and hamza above dropped.
  let atStart = true;
  for (const ch of input.normalize('NFKC').replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, '')) {
    // An ain opening a name is the vowel Latin and Cyrillic write there (عمر Omar, علی Али).
    const mapped = ch === 'ع' && atStart ? 'a' : LETTERS[ch];
    out += mapped ?? ch;
    atStart = /\s/.test(ch);
  }
  return asciiDigits(out);
}
