import { describe, expect, it } from 'vitest';
import { redact } from './story-redaction.ts';

const none = { names: [], documentNumbers: [] };

/** What a lawyer writes in a case summary, in each language of the interface. */
const SENTENCES: Record<string, string> = {
  en: 'She lives at Beta street 5, phone +996 555 123 456, passport AN1234567.',
  ru: 'Проживает по адресу ул. Ленина 12, кв. 4, тел. 8 (700) 123-45-67, паспорт АН 7654321.',
  ky: 'Ал Ленин көчөсү 15 дарегинде жашайт, телефону 0555 12 34 56, паспорт ID 3456789.',
  kk: 'Ол Абай көшесі 7 мекенжайында тұрады, телефоны +7 701 234 5678, куәлік № 0456123.',
  uz: 'U Navoiy koʻchasi 21 uyda yashaydi, telefon +998 90 123 45 67, pasport AB 9876543.',
  tg: 'Вай дар кӯчаи Рӯдакӣ 33 зиндагӣ мекунад, телефон +992 93 456 7890, шиноснома А 1239876.',
  'fa-AF': 'او در سرک میوند، خانه ۱۲ زندگی می‌کند، تلفن ۰۷۹۹ ۱۲۳ ۴۵۶، تذکره ۱۲۳۴۵۶۷.',
};

describe('story redaction', () => {
  for (const [language, text] of Object.entries(SENTENCES)) {
    it(`takes out addresses, phone numbers and document numbers in ${language}`, () => {
      const out = redact(text, none);
      expect(out, out).toContain('[address]');
      expect(out, out).toContain('[phone]');
      expect(out, out).toMatch(/\[number\]/);
      // No run of three digits survives, in any script.
      expect(out, out).not.toMatch(/[0-9\u0660-\u0669\u06F0-\u06F9]{3}/);
      expect(out, out).not.toMatch(/Beta|Ленина|Ленин|Абай|Navoiy|Рӯдакӣ|میوند/);
    });
  }

  it("takes out the people's names with their case endings, in both scripts", () => {
    const out = redact('Жумабаевой Айгуль помогли; Zhumabaeva got her passport.', {
      names: ['Айгуль Жумабаева'],
      documentNumbers: [],
    });
    expect(out).not.toMatch(/Жумабаев|Айгуль|Zhumabaeva/);
  });
});
