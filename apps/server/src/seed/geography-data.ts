/**
 * Reference geography: the five Central Asian countries with their first-level divisions, the
 * countries of origin and transit, and the Kyrgyz pilot districts of the border project with
 * their communities (towns and ayil aimaks). Names are [English, Russian]; administrators
 * correct and extend the list in the product. Community lists should be checked against the
 * national classifier (SOATE) before a deployment relies on them for statistics.
 */
type Names = [en: string, ru: string];

export const COUNTRIES: Record<string, Names> = {
  KZ: ['Kazakhstan', 'Казахстан'],
  KG: ['Kyrgyzstan', 'Кыргызстан'],
  TJ: ['Tajikistan', 'Таджикистан'],
  TM: ['Turkmenistan', 'Туркменистан'],
  UZ: ['Uzbekistan', 'Узбекистан'],
  AF: ['Afghanistan', 'Афганистан'],
  RU: ['Russia', 'Россия'],
  CN: ['China', 'Китай'],
};

export const REGIONS: Record<string, Record<string, Names>> = {
  KZ: {
    ABA: ['Abai Region', 'Абайская область'],
    AKM: ['Akmola Region', 'Акмолинская область'],
    AKT: ['Aktobe Region', 'Актюбинская область'],
    ALM: ['Almaty Region', 'Алматинская область'],
    ATY: ['Atyrau Region', 'Атырауская область'],
    VOS: ['East Kazakhstan Region', 'Восточно-Казахстанская область'],
    ZHA: ['Jambyl Region', 'Жамбылская область'],
    ZHE: ['Jetisu Region', 'Жетысуская область'],
    KAR: ['Karaganda Region', 'Карагандинская область'],
    KUS: ['Kostanay Region', 'Костанайская область'],
    KZY: ['Kyzylorda Region', 'Кызылординская область'],
    MAN: ['Mangystau Region', 'Мангистауская область'],
    SEV: ['North Kazakhstan Region', 'Северо-Казахстанская область'],
    PAV: ['Pavlodar Region', 'Павлодарская область'],
    YUZ: ['Turkistan Region', 'Туркестанская область'],
    ULY: ['Ulytau Region', 'Улытауская область'],
    ZAP: ['West Kazakhstan Region', 'Западно-Казахстанская область'],
    AST: ['Astana (city)', 'Астана (город)'],
    ALA: ['Almaty (city)', 'Алматы (город)'],
    SHY: ['Shymkent (city)', 'Шымкент (город)'],
  },
  KG: {
    B: ['Batken Region', 'Баткенская область'],
    C: ['Chuy Region', 'Чуйская область'],
    Y: ['Issyk-Kul Region', 'Иссык-Кульская область'],
    J: ['Jalal-Abad Region', 'Джалал-Абадская область'],
    N: ['Naryn Region', 'Нарынская область'],
    O: ['Osh Region', 'Ошская область'],
    T: ['Talas Region', 'Таласская область'],
    GB: ['Bishkek (city)', 'Бишкек (город)'],
    GO: ['Osh (city)', 'Ош (город)'],
  },
  TJ: {
    SU: ['Sughd Region', 'Согдийская область'],
    KT: ['Khatlon Region', 'Хатлонская область'],
    GB: ['Gorno-Badakhshan Autonomous Region', 'Горно-Бадахшанская автономная область'],
    RA: ['Districts of Republican Subordination', 'Районы республиканского подчинения'],
    DU: ['Dushanbe (city)', 'Душанбе (город)'],
  },
  TM: {
    A: ['Ahal Region', 'Ахалский велаят'],
    B: ['Balkan Region', 'Балканский велаят'],
    D: ['Dashoguz Region', 'Дашогузский велаят'],
    L: ['Lebap Region', 'Лебапский велаят'],
    M: ['Mary Region', 'Марыйский велаят'],
    S: ['Ashgabat (city)', 'Ашхабад (город)'],
  },
  UZ: {
    QR: ['Republic of Karakalpakstan', 'Республика Каракалпакстан'],
    AN: ['Andijan Region', 'Андижанская область'],
    BU: ['Bukhara Region', 'Бухарская область'],
    FA: ['Fergana Region', 'Ферганская область'],
    JI: ['Jizzakh Region', 'Джизакская область'],
    QA: ['Kashkadarya Region', 'Кашкадарьинская область'],
    XO: ['Khorezm Region', 'Хорезмская область'],
    NG: ['Namangan Region', 'Наманганская область'],
    NW: ['Navoi Region', 'Навоийская область'],
    SA: ['Samarkand Region', 'Самаркандская область'],
    SU: ['Surkhandarya Region', 'Сурхандарьинская область'],
    SI: ['Syrdarya Region', 'Сырдарьинская область'],
    TO: ['Tashkent Region', 'Ташкентская область'],
    TK: ['Tashkent (city)', 'Ташкент (город)'],
  },
};

/** Pilot districts of the Kyrgyz border project, keyed by region id. */
export const PILOT_DISTRICTS: Array<{ id: string; region: string; names: Names; communities: Names[] }> = [
  {
    id: 'KG-O-KARASUU',
    region: 'KG-O',
    names: ['Kara-Suu District', 'Кара-Суйский район'],
    communities: [
      ['Kara-Suu (town)', 'Кара-Суу (город)'],
      ['Nariman', 'Нариман'],
      ['Savay', 'Савай'],
      ['Shark', 'Шарк'],
      ['Kashkar-Kyshtak', 'Кашкар-Кыштак'],
      ['Papan', 'Папан'],
      ['Otuz-Adyr', 'Отуз-Адыр'],
      ['Joosh', 'Жоош'],
      ['Mady', 'Мады'],
      ['Kyzyl-Suu', 'Кызыл-Суу'],
      ['Katta-Taldyk', 'Катта-Талдык'],
    ],
  },
  {
    id: 'KG-O-ARAVAN',
    region: 'KG-O',
    names: ['Aravan District', 'Араванский район'],
    communities: [
      ['Aravan', 'Араван'],
      ['Mangyt', 'Мангыт'],
      ['Kerme-Too', 'Керме-Тоо'],
      ['Nurabad', 'Нурабад'],
      ['Tolikan', 'Толикан'],
      ['Kara-Dobo', 'Кара-Дöбö'],
      ['Alla-Anarov', 'Алла-Анаров'],
    ],
  },
  {
    id: 'KG-B-KADAMJAY',
    region: 'KG-B',
    names: ['Kadamjay District', 'Кадамжайский район'],
    communities: [
      ['Kadamjay (town)', 'Кадамжай (город)'],
      ['Aydarken (town)', 'Айдаркен (город)'],
      ['Pulgon', 'Пульгон'],
      ['Uch-Korgon', 'Уч-Коргон'],
      ['Halmion', 'Халмион'],
      ['Markaz', 'Марказ'],
      ['Maydan', 'Майдан'],
      ['Orozbekov', 'Орозбеков'],
    ],
  },
  {
    id: 'KG-J-AKSY',
    region: 'KG-J',
    names: ['Aksy District', 'Аксыйский район'],
    communities: [
      ['Kerben (town)', 'Кербен (город)'],
      ['Kara-Jygach', 'Кара-Жыгач'],
      ['Jany-Jol', 'Жаны-Жол'],
      ['Avletim', 'Авлетим'],
      ['Kashka-Suu', 'Кашка-Суу'],
      ['Ak-Jol', 'Ак-Жол'],
    ],
  },
  {
    id: 'KG-J-ALABUKA',
    region: 'KG-J',
    names: ['Ala-Buka District', 'Ала-Букинский район'],
    communities: [
      ['Ala-Buka', 'Ала-Бука'],
      ['Ak-Tam', 'Ак-Там'],
      ['Kok-Serek', 'Көк-Серек'],
      ['Kyzyl-Tokoy', 'Кызыл-Токой'],
      ['Safed-Bulan', 'Сафед-Булан'],
      ['Jany-Bazar', 'Жаңы-Базар'],
    ],
  },
];
