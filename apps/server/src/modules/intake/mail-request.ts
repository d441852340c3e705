import type { IntakeInput, Locale } from '@komek/domain';

/** What is read from an email to make a request of it. */
export interface MailParts {
  fromName: string | null;
  fromAddress: string | null;
  subject: string;
  text: string;
  attachments: number;
}

/**
 * Words that mean someone is held or about to be removed, in the region's languages. An email
 * saying "my husband was detained" must not wait three days in the queue for someone to open it:
 * with one of these it arrives an emergency and tells the supervisors and whoever is on duty at
 * once. The holder can lower it (and change the topic) once they have read it.
 */
const HELD = [
  /\bdetain|\bdetention|\barrest|\bin custody/i,
  /задерж|арестова|под страж|изолятор|(?<!\p{L})(сизо|ивс)(?!\p{L})/iu,
  /карма[лпш]|камакка/i,
  /hibsga|qamoqqa|ushlab qol/i,
  /ҳабс|боздошт/i,
  /ұстал|қамауға/i,
  /بازداشت|زندان/,
];
const REMOVED = [
  /\bdeport|\bextradit|\brefoul|\bexpel/i,
  /депорт|выдвор|экстрадиц/i,
  /chiqarib yubor|ekstraditsiya|deport/i,
  /ихроҷ|истирдод/i,
  /шығарып жібер|экстрадиция/i,
  /اخراج|دیپورت|استرداد/,
];

/**
 * The language a message is most likely written in, from its letters: Perso-Arabic script is
 * Dari; among Cyrillic, Tajik's ӣ ӯ ҳ ҷ, Kazakh's ә ғ қ ұ і, Kyrgyz's ң ө ү, else Russian; Latin
 * with oʻ/gʻ is Uzbek, else English. Null when there are too few letters to say.
 */
export function guessLanguage(text: string): Locale | null {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 12) return null;
  const share = (re: RegExp) => (letters.match(re)?.length ?? 0) / letters.length;
  if (share(/[\u0600-\u06ff]/g) > 0.3) return 'fa-AF';
  if (share(/[\u0400-\u04ff]/g) > 0.3) {
    if (/[ӣӯҳҷӢӮҲҶ]/.test(text)) return 'tg';
    if (/[әғқұіӘҒҚҰІ]/.test(text)) return 'kk';
    if (/[ңөүҢӨҮ]/.test(text)) return 'ky';
    return 'ru';
  }
  if (/[og][ʻ'‘`]/i.test(text) && /\b(va|uchun|bilan|yordam|iltimos)\b/i.test(text)) return 'uz';
  return 'en';
}

const MAX_SUMMARY = 4000;

/**
 * The request an email makes: from whom and how to answer them, its words (subject first), the
 * language they are in, and an emergency when they say someone is held or being removed. The
 * topic is "other" until whoever takes it reads it; attachments are not kept, but said.
 */
export function requestFromMail(mail: MailParts): IntakeInput {
  const subject = mail.subject.trim();
  const body = mail.text
    .replace(/\r\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const kept = mail.attachments > 0 ? `\n\n[${mail.attachments} attachment(s) not kept]` : '';
  const words = [subject, body].filter(Boolean).join('\n\n') || '—';
  const summary = `${words.slice(0, MAX_SUMMARY - kept.length)}${kept}`.padEnd(2, '.');
  const all = `${subject}\n${body}`;
  const removed = REMOVED.some((re) => re.test(all));
  const held = HELD.some((re) => re.test(all));
  return {
    channel: 'email',
    language: guessLanguage(all),
    problems: removed ? ['deportation_extradition_refoulement'] : ['other'],
    priority: held || removed ? 'emergency' : 'normal',
    anonymous: !mail.fromName,
    contactName: mail.fromName?.slice(0, 200) || null,
    contactHow: mail.fromAddress ? `Email: ${mail.fromAddress}`.slice(0, 300) : null,
    summary,
  };
}
