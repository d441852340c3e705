import type { Locale } from './locales.ts';

/**
 * Words for a field that did not pass, for a person rather than a developer, in the seven
 * languages. The server answers with them and the web's forms show them, so one rule gives the
 * same words in the browser and from the API. `{{name}}` is filled from the issue's params.
 */
const CODED: Record<string, Record<Locale, string>> = {
  partial_date_format: {
    en: 'Enter the year, or the year and month, or the full date: 1987, 1987-03 or 1987-03-14.',
    ru: 'Укажите год, или год и месяц, или полную дату: 1987, 1987-03 или 1987-03-14.',
    ky: 'Жылды, же жыл менен айды, же толук күндү жазыңыз: 1987, 1987-03 же 1987-03-14.',
    kk: 'Жылды, немесе жыл мен айды, немесе толық күнді жазыңыз: 1987, 1987-03 немесе 1987-03-14.',
    uz: 'Yilni, yoki yil va oyni, yoki toʻliq sanani kiriting: 1987, 1987-03 yoki 1987-03-14.',
    tg: 'Солро, ё сол ва моҳро, ё санаи пурраро нависед: 1987, 1987-03 ё 1987-03-14.',
    'fa-AF': 'سال، یا سال و ماه، یا تاریخ کامل را بنویسید: 1987، 1987-03 یا 1987-03-14.',
  },
  not_real_date: {
    en: 'This day does not exist in the calendar.',
    ru: 'Такого дня нет в календаре.',
    ky: 'Мындай күн календарда жок.',
    kk: 'Мұндай күн күнтізбеде жоқ.',
    uz: 'Bunday kun kalendarda yoʻq.',
    tg: 'Чунин рӯз дар тақвим нест.',
    'fa-AF': 'چنین روزی در تقویم وجود ندارد.',
  },
  birth_date_range: {
    en: 'A date of birth must be between 1900 and today.',
    ru: 'Дата рождения должна быть между 1900 годом и сегодняшним днём.',
    ky: 'Туулган күн 1900-жыл менен бүгүнкү күндүн ортосунда болушу керек.',
    kk: 'Туған күн 1900 жыл мен бүгінгі күннің арасында болуы керек.',
    uz: 'Tugʻilgan sana 1900-yil bilan bugungi kun orasida boʻlishi kerak.',
    tg: 'Санаи таваллуд бояд байни соли 1900 ва имрӯз бошад.',
    'fa-AF': 'تاریخ تولد باید میان سال 1900 و امروز باشد.',
  },
  birth_date_or_age: {
    en: 'Give a date of birth or an estimated age, not both.',
    ru: 'Укажите дату рождения или примерный возраст, но не то и другое.',
    ky: 'Туулган күндү же болжолдуу жашты жазыңыз, экөөнү тең эмес.',
    kk: 'Туған күнді немесе шамамен жасты жазыңыз, екеуін бірдей емес.',
    uz: 'Tugʻilgan sanani yoki taxminiy yoshni kiriting, ikkalasini emas.',
    tg: 'Санаи таваллуд ё синни тахминиро нависед, на ҳардуро.',
    'fa-AF': 'تاریخ تولد یا سن تخمینی را بنویسید، نه هر دو را.',
  },
  citizenship_country: {
    en: 'Choose the country of citizenship.',
    ru: 'Выберите страну гражданства.',
    ky: 'Жарандык өлкөсүн тандаңыз.',
    kk: 'Азаматтық елін таңдаңыз.',
    uz: 'Fuqarolik mamlakatini tanlang.',
    tg: 'Кишвари шаҳрвандиро интихоб кунед.',
    'fa-AF': 'کشور تابعیت را انتخاب کنید.',
  },
  validity_order: {
    en: 'The end of validity cannot be before its start.',
    ru: 'Окончание срока действия не может быть раньше его начала.',
    ky: 'Жарактуулук мөөнөтүнүн аягы анын башталышынан мурда боло албайт.',
    kk: 'Жарамдылық мерзімінің соңы оның басталуынан бұрын бола алмайды.',
    uz: 'Amal qilish muddatining oxiri uning boshlanishidan oldin boʻlishi mumkin emas.',
    tg: 'Охири мӯҳлати эътибор наметавонад пеш аз оғози он бошад.',
    'fa-AF': 'پایان اعتبار نمی‌تواند پیش از آغاز آن باشد.',
  },
  date_in_future: {
    en: 'This date is in the future. Enter the day it happened.',
    ru: 'Эта дата в будущем. Укажите день, когда это произошло.',
    ky: 'Бул күн келечекте. Бул болгон күндү жазыңыз.',
    kk: 'Бұл күн болашақта. Бұл болған күнді жазыңыз.',
    uz: 'Bu sana kelajakda. Bu sodir boʻlgan kunni kiriting.',
    tg: 'Ин сана дар оянда аст. Рӯзеро нависед, ки ин рух дод.',
    'fa-AF': 'این تاریخ در آینده است. روزی را بنویسید که این کار انجام شد.',
  },
  date_in_past: {
    en: 'This date has already passed. Enter a day from today on.',
    ru: 'Эта дата уже прошла. Укажите день, начиная с сегодняшнего.',
    ky: 'Бул күн өтүп кеткен. Бүгүндөн баштап бир күндү жазыңыз.',
    kk: 'Бұл күн өтіп кетті. Бүгіннен бастап бір күнді жазыңыз.',
    uz: 'Bu sana allaqachon oʻtgan. Bugundan boshlab bir kunni kiriting.',
    tg: 'Ин сана аллакай гузаштааст. Рӯзеро аз имрӯз сар карда нависед.',
    'fa-AF': 'این تاریخ گذشته است. روزی از امروز به بعد بنویسید.',
  },
  date_too_early: {
    en: 'This date is too far in the past to be right.',
    ru: 'Эта дата слишком далеко в прошлом, чтобы быть верной.',
    ky: 'Бул күн туура болуу үчүн өтө эле мурда.',
    kk: 'Бұл күн дұрыс болу үшін тым ерте.',
    uz: 'Bu sana toʻgʻri boʻlishi uchun juda oʻtmishda.',
    tg: 'Ин сана барои дуруст будан хеле дар гузашта аст.',
    'fa-AF': 'این تاریخ برای درست بودن بیش از حد در گذشته است.',
  },
  date_too_far: {
    en: 'This date is too far ahead (more than five years).',
    ru: 'Эта дата слишком далеко впереди (больше пяти лет).',
    ky: 'Бул күн өтө алыс (беш жылдан ашык).',
    kk: 'Бұл күн тым алыс (бес жылдан астам).',
    uz: 'Bu sana juda uzoqda (besh yildan ortiq).',
    tg: 'Ин сана хеле дур аст (зиёда аз панҷ сол).',
    'fa-AF': 'این تاریخ بیش از حد دور است (بیشتر از پنج سال).',
  },
  too_big: {
    en: 'The file is empty or larger than allowed.',
    ru: 'Файл пуст или больше допустимого размера.',
    ky: 'Файл бош же уруксат берилгенден чоң.',
    kk: 'Файл бос немесе рұқсат етілгеннен үлкен.',
    uz: 'Fayl boʻsh yoki ruxsat etilganidan katta.',
    tg: 'Файл холӣ аст ё аз андозаи иҷозатдодашуда калон аст.',
    'fa-AF': 'فایل خالی است یا از اندازهٔ مجاز بزرگتر است.',
  },
  content_does_not_match_type: {
    en: 'The file’s content does not match its type. Choose the file again.',
    ru: 'Содержимое файла не соответствует его типу. Выберите файл ещё раз.',
    ky: 'Файлдын мазмуну анын түрүнө туура келбейт. Файлды кайра тандаңыз.',
    kk: 'Файлдың мазмұны оның түріне сәйкес емес. Файлды қайта таңдаңыз.',
    uz: 'Fayl mazmuni uning turiga mos emas. Faylni qayta tanlang.',
    tg: 'Мундариҷаи файл ба навъи он мувофиқ нест. Файлро аз нав интихоб кунед.',
    'fa-AF': 'محتوای فایل با نوع آن جور نمی‌آید. فایل را دوباره انتخاب کنید.',
  },
  bad_file: {
    en: 'The file could not be read (line {{line}}). Check that it is a CSV with the expected columns.',
    ru: 'Не удалось прочитать файл (строка {{line}}). Проверьте, что это CSV с нужными столбцами.',
    ky: 'Файлды окуу мүмкүн болгон жок ({{line}}-сап). Бул керектүү мамычалары бар CSV экенин текшериңиз.',
    kk: 'Файлды оқу мүмкін болмады ({{line}}-жол). Бұл қажетті бағандары бар CSV екенін тексеріңіз.',
    uz: 'Faylni oʻqib boʻlmadi ({{line}}-qator). Bu kerakli ustunlari bor CSV ekanini tekshiring.',
    tg: 'Файлро хондан муяссар нашуд (сатри {{line}}). Санҷед, ки ин CSV бо сутунҳои лозимӣ аст.',
    'fa-AF': 'فایل خوانده نشد (سطر {{line}}). بررسی کنید که فایل CSV با ستون‌های لازم باشد.',
  },
  row_count: {
    en: 'The list must have between 1 and {{max}} rows.',
    ru: 'В списке должно быть от 1 до {{max}} строк.',
    ky: 'Тизмеде 1ден {{max}} сапка чейин болушу керек.',
    kk: 'Тізімде 1-ден {{max}} жолға дейін болуы керек.',
    uz: 'Roʻyxatda 1 dan {{max}} gacha qator boʻlishi kerak.',
    tg: 'Рӯйхат бояд аз 1 то {{max}} сатр дошта бошад.',
    'fa-AF': 'فهرست باید ۱ تا {{max}} سطر داشته باشد.',
  },
  inactive: {
    en: 'This item is no longer in use. Choose another.',
    ru: 'Этот элемент больше не используется. Выберите другой.',
    ky: 'Бул элемент мындан ары колдонулбайт. Башкасын тандаңыз.',
    kk: 'Бұл элемент бұдан былай қолданылмайды. Басқасын таңдаңыз.',
    uz: 'Bu element endi ishlatilmaydi. Boshqasini tanlang.',
    tg: 'Ин унсур дигар истифода намешавад. Дигареро интихоб кунед.',
    'fa-AF': 'این مورد دیگر به کار نمی‌رود. مورد دیگری انتخاب کنید.',
  },
  out_of_range: {
    en: 'This date is outside the allowed range.',
    ru: 'Эта дата вне допустимого диапазона.',
    ky: 'Бул күн уруксат берилген аралыктан тышкары.',
    kk: 'Бұл күн рұқсат етілген аралықтан тыс.',
    uz: 'Bu sana ruxsat etilgan oraliqdan tashqarida.',
    tg: 'Ин сана берун аз доираи иҷозатдодашуда аст.',
    'fa-AF': 'این تاریخ بیرون از بازهٔ مجاز است.',
  },
  same_record: {
    en: 'A record cannot be merged with itself.',
    ru: 'Запись нельзя объединить саму с собой.',
    ky: 'Жазууну өзү менен бириктирүүгө болбойт.',
    kk: 'Жазбаны өзімен біріктіруге болмайды.',
    uz: 'Yozuvni oʻzi bilan birlashtirib boʻlmaydi.',
    tg: 'Сабтро бо худаш якҷоя кардан мумкин нест.',
    'fa-AF': 'یک سابقه را نمی‌توان با خودش یکی کرد.',
  },
};

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

/** Fallbacks for a language without a catalogue entry: Kyrgyz and Kazakh readers read Russian. */
const FALLBACK: Record<Locale, Locale[]> = {
  en: [],
  ru: ['en'],
  ky: ['ru', 'en'],
  kk: ['ru', 'en'],
  uz: ['ru', 'en'],
  tg: ['ru', 'en'],
  'fa-AF': ['en'],
};

function pick(entry: Record<Locale, string>, locale: Locale, params: Record<string, unknown>): string {
  const text = [locale, ...FALLBACK[locale]].map((l) => entry[l]).find(Boolean) ?? entry.en;
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
