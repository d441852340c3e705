import type { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '@komek/domain';
import type { Lang } from './document-texts.ts';

/** Document types and statuses as a letter writes them, in its language (the interface's words). */
export const DOCUMENT_TYPE_WORDS: Record<Lang, Record<(typeof DOCUMENT_TYPES)[number], string>> = {
  en: {
    passport: 'Passport',
    national_id: 'National ID card',
    birth_certificate: 'Birth certificate',
    residence_permit: 'Residence permit',
    refugee_certificate: 'Refugee certificate',
    stateless_certificate: "Stateless person's certificate",
    asylum_seeker_certificate: "Asylum seeker's certificate",
    soviet_passport: 'Soviet passport',
    military_id: 'Military ID',
    other: 'Other document',
  },
  ru: {
    passport: 'Паспорт',
    national_id: 'ID-карта',
    birth_certificate: 'Свидетельство о рождении',
    residence_permit: 'Вид на жительство',
    refugee_certificate: 'Удостоверение беженца',
    stateless_certificate: 'Удостоверение лица без гражданства',
    asylum_seeker_certificate: 'Свидетельство ищущего убежища',
    soviet_passport: 'Паспорт СССР',
    military_id: 'Военный билет',
    other: 'Другой документ',
  },
  ky: {
    passport: 'Паспорт',
    national_id: 'ID-карта',
    birth_certificate: 'Туулгандыгы тууралуу күбөлүк',
    residence_permit: 'Жашоого уруксат',
    refugee_certificate: 'Качкындын күбөлүгү',
    stateless_certificate: 'Жарандыгы жок адамдын күбөлүгү',
    asylum_seeker_certificate: 'Башпаанек издөөчүнүн күбөлүгү',
    soviet_passport: 'СССР паспорту',
    military_id: 'Аскердик билет',
    other: 'Башка документ',
  },
  kk: {
    passport: 'Төлқұжат',
    national_id: 'Жеке куәлік',
    birth_certificate: 'Туу туралы куәлік',
    residence_permit: 'Тұруға ықтиярхат',
    refugee_certificate: 'Босқын куәлігі',
    stateless_certificate: 'Азаматтығы жоқ адамның куәлігі',
    asylum_seeker_certificate: 'Баспана іздеушінің куәлігі',
    soviet_passport: 'КСРО төлқұжаты',
    military_id: 'Әскери билет',
    other: 'Басқа құжат',
  },
  uz: {
    passport: 'Pasport',
    national_id: 'ID-karta',
    birth_certificate: 'Tugʻilganlik haqida guvohnoma',
    residence_permit: 'Yashash guvohnomasi',
    refugee_certificate: 'Qochqin guvohnomasi',
    stateless_certificate: 'Fuqaroligi yoʻq shaxs guvohnomasi',
    asylum_seeker_certificate: 'Boshpana izlovchi guvohnomasi',
    soviet_passport: 'SSSR pasporti',
    military_id: 'Harbiy bilet',
    other: 'Boshqa hujjat',
  },
};
export const DOCUMENT_STATUS_WORDS: Record<Lang, Record<(typeof DOCUMENT_STATUSES)[number], string>> = {
  en: { valid: 'valid', expired: 'expired', lost: 'lost', never_had: 'never had one' },
  ru: { valid: 'действителен', expired: 'просрочен', lost: 'утерян', never_had: 'никогда не было' },
  ky: { valid: 'жарактуу', expired: 'мөөнөтү өткөн', lost: 'жоголгон', never_had: 'эч качан болгон эмес' },
  kk: { valid: 'жарамды', expired: 'мерзімі өткен', lost: 'жоғалған', never_had: 'ешқашан болмаған' },
  uz: { valid: 'amalda', expired: 'muddati oʻtgan', lost: 'yoʻqolgan', never_had: 'hech qachon boʻlmagan' },
};

const MONTHS: Record<Lang, string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  // Russian writes the day's month in the genitive ("1 декабря").
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  // Kyrgyz: "2026-жылдын 1-декабры", the month with its possessive ending.
  ky: [
    'январы',
    'февралы',
    'марты',
    'апрели',
    'майы',
    'июну',
    'июлу',
    'августу',
    'сентябры',
    'октябры',
    'ноябры',
    'декабры',
  ],
  kk: [
    'қаңтар',
    'ақпан',
    'наурыз',
    'сәуір',
    'мамыр',
    'маусым',
    'шілде',
    'тамыз',
    'қыркүйек',
    'қазан',
    'қараша',
    'желтоқсан',
  ],
  uz: [
    'yanvar',
    'fevral',
    'mart',
    'aprel',
    'may',
    'iyun',
    'iyul',
    'avgust',
    'sentabr',
    'oktabr',
    'noyabr',
    'dekabr',
  ],
};

/** A day written out as letters in each language date them: "1 декабря 2026 г.", "2026-yil 1-dekabr". */
export function letterDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = MONTHS[lang][m - 1];
  switch (lang) {
    case 'en':
      return `${d} ${month} ${y}`;
    case 'ru':
      return `${d} ${month} ${y} г.`;
    case 'ky':
      return `${y}-жылдын ${d}-${month}`;
    case 'kk':
      return `${y} жылғы ${d} ${month}`;
    case 'uz':
      return `${y}-yil ${d}-${month}`;
  }
}

/**
 * A date of birth as forms in the region write it, day first (14.03.1990), known to the day, the
 * month (03.1990) or the year (1990); in English, "14 March 1990".
 */
export function birthDateWords(partial: string, lang: Lang): string {
  const [y, m, d] = partial.split('-');
  if (lang === 'en')
    return [d ? String(Number(d)) : null, m ? MONTHS.en[Number(m) - 1] : null, y].filter(Boolean).join(' ');
  return [d, m, y].filter(Boolean).join('.');
}
