/**
 * Dari and Pashto (Perso-Arabic script) → the folded Latin letters of `fold.ts`, one letter for
 * one where fold has one (خ h, غ g, ق k, ژ j): written out as digraphs, ز then ه would read as
 * zh and fold to j. Short vowels are not written in the script, so what comes out is close to a
 * consonant skeleton (محمد → mhmd); `skeleton()` reduces Latin and Cyrillic spellings to the
 * same form (Mohammad, Муҳаммад → mhmd). Arabic and Persian code points of one letter fold
 * together (ي/ی, ك/ک, ة/ه); a letter written twice (داوود) is one.
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
  ځ: 'z',
  څ: 's',
  ح: 'h',
  خ: 'h',
  د: 'd',
  ډ: 'd',
  ذ: 'z',
  ر: 'r',
  ړ: 'r',
  ز: 'z',
  ژ: 'j',
  ږ: 'j',
  س: 's',
  ش: 'sh',
  ښ: 'sh',
  ص: 's',
  ض: 'z',
  ط: 't',
  ظ: 'z',
  // The ain is not written in Latin or Cyrillic spellings (Ali, Али ← علی).
  ع: '',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ک: 'k',
  ك: 'k',
  ګ: 'g',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ڼ: 'n',
  و: 'v',
  ؤ: 'v',
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
  let previous = '';
  for (const ch of input.normalize('NFKC').replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, '')) {
    // An ain opening a name is the vowel Latin and Cyrillic write there (عمر Omar, علی Али).
    const mapped = ch === 'ع' && atStart ? 'a' : LETTERS[ch];
    if (mapped === undefined) out += ch;
    else if (mapped !== previous) out += mapped;
    previous = mapped ?? '';
    atStart = /\s/.test(ch);
  }
  return asciiDigits(out);
}

/**
 * The script leaves short vowels out but writes long ones (ا و ی): حسین is Hussain, never Hasan;
 * ظاهر is Zahir, never Zahra; محمدی is Mohammadi, never Mohammad. A spelling in Latin or
 * Cyrillic fits a folded Perso-Arabic name when, letter for letter, its consonants agree, ی
 * stands where an i, e or y is written (or ai, ei), و where u, o, w or v is, and nothing but
 * one short vowel comes between — none after the last letter unless that letter is a closing ه.
 */
const shapes = new Map<string, RegExp>();
function shapeOf(folded: string): RegExp {
  let shape = shapes.get(folded);
  if (shape) return shape;
  const last = folded.length - 1;
  let source = '^';
  for (let k = 0; k <= last; k++) {
    const c = folded[k]!;
    // Folding drops a y between vowels (Soraya → sora) and an opening Yo (Yousuf → usuf).
    // A closing ی is a in Arabic names (کبری Kubra, Кубро, موسی Musa). Before a vowel letter ی is
    // the consonant y, which folding drops between vowels (Qayyum, Каюм; Humayun).
    if (c === 'i' || c === 'y')
      source +=
        k === 0 || 'av'.includes(folded[k + 1]!)
          ? '[aeo]?[iye]?'
          : k === last
            ? '(?:[aeo]?[iye]|[ao])'
            : '[aeo]?[iye]';
    else if (c === 'v' || c === 'u') source += '[aeo]?[uovw]';
    // Alef: long a (Tajik о), or the opening vowel of احمد, ابراهیم, امین, عمر.
    else if (c === 'a' || c === 'o' || c === 'e') source += '[aeiou]{0,2}';
    // A closing ه is a vowel, or the я that Russian writes after a consonant (جمیله, Джамиля).
    else if (c === 'h' && k === last && k > 0) source += '(?:[aeiou]?h?|ya)';
    else source += c;
    if (k < last) source += '[aeiou]?';
  }
  shape = new RegExp(`${source}$`);
  shapes.set(folded, shape);
  return shape;
}

export function fitsPersoArabic(foldedPersoArabic: string, foldedOther: string): boolean {
  return shapeOf(foldedPersoArabic).test(foldedOther);
}
