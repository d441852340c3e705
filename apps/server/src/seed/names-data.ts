/** Name pools by naming tradition, as written locally; used for demo data and benchmarks. */
export interface NameStyle {
  key: string;
  weight: number;
  male: string[];
  female: string[];
  surnames: string[];
  /** Surname ending rule for women: add this to surnames ending in ов/ев/ин (or Latin ov/ev/in). */
  femaleSuffix?: string;
  /** How a patronymic is formed from the father's name, when one is written. */
  patronymic?: (father: string, female: boolean) => string;
  languages: string[];
}

export const NAME_STYLES: NameStyle[] = [
  {
    key: 'kyrgyz',
    weight: 40,
    male: [
      'Бакыт',
      'Азамат',
      'Нурлан',
      'Эрлан',
      'Улан',
      'Адилет',
      'Бекзат',
      'Марат',
      'Талант',
      'Жаныбек',
      'Эрмек',
      'Айбек',
      'Нурбек',
      'Канат',
    ],
    female: [
      'Айгуль',
      'Гульнара',
      'Айжан',
      'Нургуль',
      'Жылдыз',
      'Айпери',
      'Бегимай',
      'Чолпон',
      'Мээрим',
      'Асель',
      'Айнура',
      'Гулзат',
    ],
    surnames: [
      'Асанов',
      'Жумабаев',
      'Осмонов',
      'Токтосунов',
      'Абдыраманов',
      'Садыков',
      'Мамытов',
      'Бейшеналиев',
      'Карыпбеков',
      'Турдубаев',
      'Ормонов',
      'Сыдыков',
    ],
    femaleSuffix: 'а',
    patronymic: (father, female) => `${father} ${female ? 'кызы' : 'уулу'}`,
    languages: ['ky', 'ru'],
  },
  {
    key: 'uzbek',
    weight: 30,
    male: [
      'Dilshod',
      'Oybek',
      'Jasur',
      'Sherzod',
      'Bobur',
      'Aziz',
      'Rustam',
      'Ulugʻbek',
      'Sanjar',
      'Otabek',
      'Farhod',
      'Jamshid',
    ],
    female: [
      'Dilnoza',
      'Madina',
      'Gulnora',
      'Nodira',
      'Zarina',
      'Shahnoza',
      'Mohira',
      'Feruza',
      'Nilufar',
      'Sevara',
    ],
    surnames: [
      'Yusupov',
      'Karimov',
      'Qodirov',
      'Xasanov',
      'Rahimov',
      'Toshmatov',
      'Ergashev',
      'Boʻriyev',
      'Nazarov',
      'Mirzayev',
    ],
    femaleSuffix: 'a',
    patronymic: (father, female) => `${father} ${female ? 'qizi' : 'oʻgʻli'}`,
    languages: ['uz', 'ru'],
  },
  {
    key: 'tajik',
    weight: 12,
    male: ['Фаррух', 'Ҷамшед', 'Далер', 'Сомон', 'Ҳусейн', 'Фирӯз', 'Баҳодур', 'Шерали'],
    female: ['Мадина', 'Нигина', 'Зарина', 'Шаҳло', 'Тахмина', 'Меҳрубон'],
    surnames: ['Ҳасанов', 'Раҳимов', 'Қодиров', 'Шарипов', 'Назаров', 'Ҷӯраев', 'Саидов', 'Исмоилов'],
    femaleSuffix: 'а',
    languages: ['tg', 'ru'],
  },
  {
    key: 'kazakh',
    weight: 8,
    male: ['Нұрлан', 'Ерлан', 'Асқар', 'Дәурен', 'Мұрат', 'Ғалым', 'Серік'],
    female: ['Айгерім', 'Жанар', 'Әсем', 'Гүлнар', 'Дана', 'Меруерт'],
    surnames: ['Жұмабаев', 'Сейітов', 'Әбдірахманов', 'Қасымов', 'Нұрмағамбетов', 'Омаров'],
    femaleSuffix: 'а',
    languages: ['kk', 'ru'],
  },
  {
    key: 'russian',
    weight: 5,
    male: ['Иван', 'Сергей', 'Алексей', 'Дмитрий', 'Пётр', 'Николай'],
    female: ['Ольга', 'Наталья', 'Елена', 'Татьяна', 'Светлана'],
    surnames: ['Петров', 'Смирнов', 'Иванов', 'Кузнецов', 'Попов', 'Ким'],
    femaleSuffix: 'а',
    patronymic: (father, female) => {
      const stem = father.replace(/й$/, '');
      return `${stem}${father.endsWith('й') ? 'е' : 'о'}${female ? 'вна' : 'вич'}`;
    },
    languages: ['ru'],
  },
  {
    key: 'afghan',
    weight: 5,
    male: ['احمد', 'محمد', 'فرید', 'نجیب', 'عبدالله', 'جاوید'],
    female: ['مریم', 'زهرا', 'فریبا', 'نرگس', 'شبنم'],
    surnames: ['رحیمی', 'احمدی', 'کریمی', 'حسینی', 'نوری', 'صدیقی'],
    languages: ['fa', 'ru'],
  },
];

/** Latin forms for the Dari pool, as written in travel documents. */
export const DARI_LATIN: Record<string, string> = {
  احمد: 'Ahmad',
  محمد: 'Mohammad',
  فرید: 'Farid',
  نجیب: 'Najib',
  عبدالله: 'Abdullah',
  جاوید: 'Javid',
  مریم: 'Maryam',
  زهرا: 'Zahra',
  فریبا: 'Fariba',
  نرگس: 'Narges',
  شبنم: 'Shabnam',
  رحیمی: 'Rahimi',
  احمدی: 'Ahmadi',
  کریمی: 'Karimi',
  حسینی: 'Hosseini',
  نوری: 'Nuri',
  صدیقی: 'Siddiqi',
};
