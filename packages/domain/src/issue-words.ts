import { CODED } from './issue-catalogue.ts';
import { type Locale, localeChain } from './locales.ts';

/**
 * Words for a field that did not pass, for a person rather than a developer, in the seven
 * languages. The server answers with them and the web's forms show them, so one rule gives the
 * same words in the browser and from the API. `{{name}}` is filled from the issue's params.
 */

type GenericIssue =
  | 'required'
  | 'invalid'
  | 'text_too_short'
  | 'text_too_long'
  | 'number_too_small'
  | 'number_too_big'
  | 'too_few_items'
  | 'too_many_items'
  | 'not_whole'
  | 'not_a_number'
  | 'email'
  | 'date_format'
  | 'choose_option'
  | 'bad_form'
  | 'unknown_field';

/** What Zod's own checks (length, range, format, choice) are reported as, whatever the schema. */
const GENERIC: Record<GenericIssue, Record<Locale, string>> = {
  required: {
    en: 'This field is required.',
    ru: 'Заполните это поле.',
    ky: 'Бул талааны толтуруңуз.',
    kk: 'Бұл өрісті толтырыңыз.',
    uz: 'Bu maydonni toʻldiring.',
    tg: 'Ин майдонро пур кунед.',
    'fa-AF': 'این خانه را پر کنید.',
  },
  invalid: {
    en: 'This value is not valid.',
    ru: 'Это значение неверно.',
    ky: 'Бул маани туура эмес.',
    kk: 'Бұл мән дұрыс емес.',
    uz: 'Bu qiymat notoʻgʻri.',
    tg: 'Ин қимат нодуруст аст.',
    'fa-AF': 'این مقدار درست نیست.',
  },
  text_too_short: {
    en: 'Enter at least {{min}} characters.',
    ru: 'Введите не меньше {{min}} символов.',
    ky: 'Кеминде {{min}} белги жазыңыз.',
    kk: 'Кемінде {{min}} таңба жазыңыз.',
    uz: 'Kamida {{min}} ta belgi kiriting.',
    tg: 'Ақаллан {{min}} аломат нависед.',
    'fa-AF': 'دست\u200cکم {{min}} حرف بنویسید.',
  },
  text_too_long: {
    en: 'Enter at most {{max}} characters.',
    ru: 'Введите не больше {{max}} символов.',
    ky: '{{max}} белгиден ашпасын.',
    kk: '{{max}} таңбадан аспасын.',
    uz: 'Koʻpi bilan {{max}} ta belgi kiriting.',
    tg: 'На зиёда аз {{max}} аломат нависед.',
    'fa-AF': 'بیشتر از {{max}} حرف ننویسید.',
  },
  number_too_small: {
    en: 'Enter {{min}} or more.',
    ru: 'Введите число не меньше {{min}}.',
    ky: '{{min}} же андан көп санды жазыңыз.',
    kk: '{{min}} немесе одан көп санды жазыңыз.',
    uz: '{{min}} yoki undan katta son kiriting.',
    tg: 'Рақами {{min}} ё зиёдтар нависед.',
    'fa-AF': 'عدد {{min}} یا بیشتر بنویسید.',
  },
  number_too_big: {
    en: 'Enter {{max}} or less.',
    ru: 'Введите число не больше {{max}}.',
    ky: '{{max}} же андан аз санды жазыңыз.',
    kk: '{{max}} немесе одан аз санды жазыңыз.',
    uz: '{{max}} yoki undan kichik son kiriting.',
    tg: 'Рақами {{max}} ё камтар нависед.',
    'fa-AF': 'عدد {{max}} یا کمتر بنویسید.',
  },
  too_few_items: {
    en: 'Choose at least {{min}}.',
    ru: 'Выберите хотя бы {{min}}.',
    ky: 'Кеминде {{min}} тандаңыз.',
    kk: 'Кемінде {{min}} таңдаңыз.',
    uz: 'Kamida {{min}} ta tanlang.',
    tg: 'Ақаллан {{min}}-торо интихоб кунед.',
    'fa-AF': 'دست\u200cکم {{min}} مورد انتخاب کنید.',
  },
  too_many_items: {
    en: 'Choose at most {{max}}.',
    ru: 'Выберите не больше {{max}}.',
    ky: '{{max}} ашык тандабаңыз.',
    kk: '{{max}}-нан артық таңдамаңыз.',
    uz: 'Koʻpi bilan {{max}} ta tanlang.',
    tg: 'На зиёда аз {{max}}-то интихоб кунед.',
    'fa-AF': 'بیشتر از {{max}} مورد انتخاب نکنید.',
  },
  not_whole: {
    en: 'Enter a whole number.',
    ru: 'Введите целое число.',
    ky: 'Бүтүн сан жазыңыз.',
    kk: 'Бүтін сан жазыңыз.',
    uz: 'Butun son kiriting.',
    tg: 'Адади бутун нависед.',
    'fa-AF': 'یک عدد کامل بنویسید.',
  },
  not_a_number: {
    en: 'Enter a number.',
    ru: 'Введите число.',
    ky: 'Сан жазыңыз.',
    kk: 'Сан жазыңыз.',
    uz: 'Son kiriting.',
    tg: 'Рақам нависед.',
    'fa-AF': 'یک عدد بنویسید.',
  },
  email: {
    en: 'Enter an email address, such as name@example.org.',
    ru: 'Введите адрес электронной почты, например name@example.org.',
    ky: 'Электрондук почтанын дарегин жазыңыз, мисалы name@example.org.',
    kk: 'Электрондық пошта мекенжайын жазыңыз, мысалы name@example.org.',
    uz: 'Elektron pochta manzilini kiriting, masalan name@example.org.',
    tg: 'Суроғаи почтаи электрониро нависед, масалан name@example.org.',
    'fa-AF': 'یک نشانی ایمیل بنویسید، مانند name@example.org.',
  },
  date_format: {
    en: 'Enter a date as YYYY-MM-DD.',
    ru: 'Введите дату в виде ГГГГ-ММ-ДД.',
    ky: 'Күндү ЖЖЖЖ-АА-КК түрүндө жазыңыз.',
    kk: 'Күнді ЖЖЖЖ-АА-КК түрінде жазыңыз.',
    uz: 'Sanani YYYY-OO-KK koʻrinishida kiriting.',
    tg: 'Санаро дар шакли СССС-ММ-РР нависед.',
    'fa-AF': 'تاریخ را به شکل YYYY-MM-DD بنویسید.',
  },
  choose_option: {
    en: 'Choose one of the offered options.',
    ru: 'Выберите один из предложенных вариантов.',
    ky: 'Сунушталган варианттардын бирин тандаңыз.',
    kk: 'Ұсынылған нұсқалардың бірін таңдаңыз.',
    uz: 'Taklif qilingan variantlardan birini tanlang.',
    tg: 'Яке аз имконҳои пешниҳодшударо интихоб кунед.',
    'fa-AF': 'یکی از گزینه\u200cهای داده\u200cشده را انتخاب کنید.',
  },
  bad_form: {
    en: 'This is not in the expected form.',
    ru: 'Значение не в том виде, который ожидается.',
    ky: 'Бул күтүлгөн түрдө эмес.',
    kk: 'Бұл күтілген түрде емес.',
    uz: 'Bu kutilgan koʻrinishda emas.',
    tg: 'Ин дар шакли интизоршуда нест.',
    'fa-AF': 'این به شکل مورد انتظار نیست.',
  },
  unknown_field: {
    en: 'This field is not expected here.',
    ru: 'Это поле здесь не ожидается.',
    ky: 'Бул талаа бул жерде күтүлбөйт.',
    kk: 'Бұл өріс мұнда күтілмейді.',
    uz: 'Bu maydon bu yerda kutilmaydi.',
    tg: 'Ин майдон дар ин ҷо интизор намеравад.',
    'fa-AF': 'این خانه اینجا انتظار نمی\u200cرود.',
  },
};

function pick(entry: Record<Locale, string>, locale: Locale, params: Record<string, unknown>): string {
  const text =
    localeChain(locale)
      .map((l) => entry[l])
      .find(Boolean) ?? entry.en;
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? '?'));
}

/** The words for an issue raised by code (by a service, or a shared schema's own rule); undefined if unknown. */
export function codedIssueWords(
  code: string,
  locale: Locale,
  params: Record<string, unknown> = {},
): string | undefined {
  const entry = CODED[code];
  return entry && pick(entry, locale, params);
}

/** A Zod issue as it comes out of `safeParse`, or as an error map receives it. */
export interface ZodIssueLike {
  code?: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  params?: Record<string, unknown>;
}

function genericOf(issue: ZodIssueLike): [GenericIssue, Record<string, unknown>] {
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  switch (issue.code) {
    case 'invalid_type':
      if (empty) return ['required', {}];
      if (issue.expected === 'int') return ['not_whole', {}];
      return [issue.expected === 'number' ? 'not_a_number' : 'invalid', {}];
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? ['required', {}] : ['text_too_short', { min }];
      if (issue.origin === 'array' || issue.origin === 'set') return ['too_few_items', { min }];
      return issue.origin === 'number' || issue.origin === 'int'
        ? ['number_too_small', { min }]
        : ['invalid', {}];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return ['text_too_long', { max }];
      if (issue.origin === 'array' || issue.origin === 'set') return ['too_many_items', { max }];
      return issue.origin === 'number' || issue.origin === 'int'
        ? ['number_too_big', { max }]
        : ['invalid', {}];
    }
    case 'invalid_format':
      if (issue.format === 'email') return ['email', {}];
      if (issue.format === 'date' || issue.format === 'datetime') return ['date_format', {}];
      return ['bad_form', {}];
    case 'invalid_value':
      return ['choose_option', {}];
    case 'unrecognized_keys':
      return ['unknown_field', {}];
    default:
      return [empty ? 'required' : 'invalid', {}];
  }
}

/** The words for any issue of a shared schema: its own code's entry if it has one, else the kind of check. */
export function issueWords(issue: ZodIssueLike, locale: Locale): string {
  const code = issue.params?.code;
  if (typeof code === 'string') {
    const coded = codedIssueWords(code, locale, issue.params);
    if (coded) return coded;
  }
  const [kind, params] = genericOf(issue);
  return pick(GENERIC[kind], locale, params);
}
