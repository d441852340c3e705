import { describe, expect, it } from 'vitest';
import { guessLanguage, requestFromMail } from './mail-request.ts';

const parts = (subject: string, text: string) => ({
  fromName: 'Someone',
  fromAddress: 'someone@example.org',
  subject,
  text,
  attachments: 0,
});

describe('a request made of an email', () => {
  it('guesses the language from the letters of the region’s languages', () => {
    expect(guessLanguage('Здравствуйте, мне нужна помощь с регистрацией')).toBe('ru');
    expect(guessLanguage('Саламатсызбы, баламдын күбөлүгү жок, жардам бериңиз')).toBe('ky');
    expect(guessLanguage('Сәлеметсіз бе, маған құжат алуға көмек қажет')).toBe('kk');
    expect(guessLanguage('Салом, ба ман барои гирифтани ҳуҷҷат кӯмак лозим аст')).toBe('tg');
    expect(guessLanguage('Assalomu alaykum, oʻgʻlim uchun yordam kerak, iltimos')).toBe('uz');
    expect(guessLanguage('سلام، برای گرفتن تذکره به کمک ضرورت دارم')).toBe('fa-AF');
    expect(guessLanguage('Hello, I need help with my residence permit')).toBe('en');
    expect(guessLanguage('ok')).toBeNull();
  });

  it('arrives an emergency when it says someone is held or being removed, in any of the languages', () => {
    for (const [subject, text] of [
      ['Помогите', 'Брата задержали на границе вчера вечером'],
      ['Жардам', 'Күйөөмдү бажыда кармап калышты'],
      ['Help', 'My husband was detained at the checkpoint'],
      ['کمک', 'برادرم در مرز بازداشت شده است'],
    ] as const)
      expect(requestFromMail(parts(subject, text))).toMatchObject({
        priority: 'emergency',
        problems: ['other'],
      });
    expect(requestFromMail(parts('Депортация', 'Мне грозит выдворение из страны'))).toMatchObject({
      priority: 'emergency',
      problems: ['deportation_extradition_refoulement'],
    });
    expect(requestFromMail(parts('Паспорт', 'Как получить паспорт ребёнку?'))).toMatchObject({
      priority: 'normal',
      problems: ['other'],
    });
  });

  it('keeps the words within the request’s limit, says attachments were not kept, and takes a nameless sender as anonymous', () => {
    const long = requestFromMail({ ...parts('Subject', 'x'.repeat(9000)), attachments: 2, fromName: null });
    expect(long.summary.length).toBeLessThanOrEqual(4000);
    expect(long.summary.endsWith('[2 attachment(s) not kept]')).toBe(true);
    expect(long).toMatchObject({
      anonymous: true,
      contactName: null,
      contactHow: 'Email: someone@example.org',
    });
    expect(requestFromMail(parts('', '')).summary.length).toBeGreaterThanOrEqual(2);
  });
});
