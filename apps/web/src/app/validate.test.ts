import { zTaskInput } from '@komek/domain';
import { beforeAll, describe, expect, it } from 'vitest';

// The app's i18n set-up reads the browser's language, storage and <html>; give Node a stand-in.
const store = new Map<string, string>();
Object.assign(globalThis, {
  navigator: { language: 'en', languages: ['en'] },
  document: { documentElement: { lang: 'en', dir: 'ltr' } },
  localStorage: {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
  },
});

describe('form validation with the shared schemas', () => {
  let i18n: typeof import('../i18n/index.ts').default;
  let validateWith: typeof import('./validate.ts').validateWith;
  beforeAll(async () => {
    i18n = (await import('../i18n/index.ts')).default;
    validateWith = (await import('./validate.ts')).validateWith;
  });

  it('words a date rule in the interface language, as the server does', async () => {
    await i18n.changeLanguage('ky');
    const ky = validateWith(zTaskInput, { title: 'Call back', dueDate: '9999-12-31' });
    expect(ky.errors?.dueDate).toMatch(/беш жылдан/);
    await i18n.changeLanguage('fa-AF');
    const fa = validateWith(zTaskInput, { title: 'Call back', dueDate: '1999-01-01' });
    expect(fa.errors?.dueDate).toMatch(/گذشته/);
  });
});
