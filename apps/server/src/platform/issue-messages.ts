import type { ERROR_CODES, Locale } from '@komek/domain';
import { errorMessage, localeChain } from './messages.ts';

/**
 * Field issues that services raise by code (not Zod's), worded for a person in each language.
 * `{{line}}` and `{{max}}` are filled from the issue's params.
 */
const ISSUES: Record<string, Record<Locale, string>> = {
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

type ErrorCode = (typeof ERROR_CODES)[number];

/** The words for a field issue: its own catalogue entry, else the error code's message, else the generic one. */
export function issueMessage(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const entry = ISSUES[code];
  if (entry) {
    const text =
      localeChain(locale)
        .map((l) => entry[l])
        .find(Boolean) ?? entry.en;
    return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? '?'));
  }
  const known = errorMessage(code as ErrorCode, locale) as string | undefined;
  return known ?? errorMessage('validation_failed', locale);
}
