import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import faAF from './locales/fa-AF.json';
import kk from './locales/kk.json';
import ky from './locales/ky.json';
import ru from './locales/ru.json';
import tg from './locales/tg.json';
import uz from './locales/uz.json';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(node: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();
const english = flatten(en);
const catalogues = { ru, ky, kk, uz, tg, 'fa-AF': faAF } as Record<string, Catalogue>;

describe('translation catalogues', () => {
  it('hold only keys the English catalogue has, with the same placeholders', () => {
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      for (const [key, text] of flatten(catalogue)) {
        expect(english.has(key), `${locale}: ${key} is not in en.json`).toBe(true);
        expect(placeholders(text), `${locale}: ${key}`).toEqual(placeholders(english.get(key)!));
        expect(text.trim(), `${locale}: ${key} is empty`).not.toBe('');
      }
    }
  });

  it('translate every string, so no screen falls back to a language its reader may not read', () => {
    for (const locale of Object.keys(catalogues)) {
      const keys = flatten(catalogues[locale]!);
      const missing = [...english.keys()].filter((k) => !keys.has(k));
      expect(missing, locale).toEqual([]);
    }
  });
});
