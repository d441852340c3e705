/**
 * Afghan names as four offices write them: Dari/Pashto script, Latin (several spellings, as
 * UNHCR, passports and NGOs romanise), Tajik Cyrillic and Russian Cyrillic. Ordered roughly by
 * how common they are: the generator picks the first ones more often.
 * Format: `dari | latin, latin… | tajik | russian`.
 */
export interface AfghanName {
  dari: string;
  latin: string[];
  tajik: string;
  russian: string;
}

const parse = (rows: string): AfghanName[] =>
  rows
    .trim()
    .split('\n')
    .map((row) => {
      const [dari, latin, tajik, russian] = row.split('|').map((x) => x.trim());
      return { dari: dari!, latin: latin!.split(',').map((x) => x.trim()), tajik: tajik!, russian: russian! };
    });

export const AFGHAN_MALE = parse(`
محمد | Mohammad, Muhammad, Mohammed, Mohamad | Муҳаммад | Мухаммад
احمد | Ahmad, Ahmed | Аҳмад | Ахмад
عبدالله | Abdullah, Abdulla, Abdul Lah | Абдулло | Абдулла
علی | Ali | Алӣ | Али
حسین | Hussain, Hussein, Husain | Ҳусейн | Хусейн
ذبیح‌الله | Zabihullah, Zabiullah | Забеҳулло | Забихулла
حسن | Hassan, Hasan | Ҳасан | Хасан
نجیب‌الله | Najibullah, Najeebullah | Наҷибулло | Наджибулла
عبدالرحمن | Abdul Rahman, Abdulrahman, Abdurrahman | Абдураҳмон | Абдурахман
حمیدالله | Hamidullah, Hameedullah | Ҳамидулло | Хамидулла
کریم | Karim, Kareem | Карим | Карим
نور | Noor, Nur | Нур | Нур
اکرم | Akram | Акрам | Акрам
رحیم | Rahim, Raheem | Раҳим | Рахим
جاوید | Jawid, Javed, Javid | Ҷовид | Джавид
فرید | Farid, Fareed | Фарид | Фарид
حبیب | Habib, Habeeb | Ҳабиб | Хабиб
شریف | Sharif, Shareef | Шариф | Шариф
یوسف | Yousuf, Yusuf, Yosuf | Юсуф | Юсуф
ابراهیم | Ibrahim, Ebrahim | Иброҳим | Ибрагим
اسماعیل | Ismail, Esmail | Исмоил | Исмаил
داوود | Dawood, Dawud, Daud | Довуд | Давуд
سلیمان | Sulaiman, Suleman | Сулаймон | Сулейман
عمر | Omar, Umar | Умар | Умар
خالد | Khalid, Khaled | Холид | Халид
طارق | Tariq, Tareq | Ториқ | Тарик
بشیر | Bashir, Basheer | Башир | Башир
نذیر | Nazir, Nazeer | Назир | Назир
قادر | Qadir, Kadir | Қодир | Кадир
رشید | Rashid, Rasheed | Рашид | Рашид
وحید | Wahid, Waheed, Vahid | Воҳид | Вахид
جمشید | Jamshid, Jamsheed | Ҷамшед | Джамшид
فرهاد | Farhad | Фарҳод | Фархад
شاه‌ولی | Shah Wali, Shahwali | Шоҳвалӣ | Шахвали
گل‌احمد | Gul Ahmad, Gulahmad | Гулаҳмад | Гулахмад
سید | Sayed, Sayyid, Said | Сайид | Саид
مجیب | Mujib, Mojeeb | Муҷиб | Муджиб
نصیر | Nasir, Naseer | Насир | Насир
منصور | Mansoor, Mansur | Мансур | Мансур
ظاهر | Zahir, Zaher | Зоҳир | Захир
شفیق | Shafiq, Shafeeq | Шафиқ | Шафик
اجمل | Ajmal | Аҷмал | Аджмал
فضل | Fazl, Fazal | Фазл | Фазл
امین | Amin, Ameen | Амин | Амин
نبی | Nabi | Набӣ | Наби
قاسم | Qasim, Kasim | Қосим | Касым
ولی | Wali, Vali | Валӣ | Вали
عزیز | Aziz | Азиз | Азиз
شکیب | Shakib, Shakeeb | Шакеб | Шакиб
مسعود | Masood, Masud, Masoud | Масъуд | Масуд
عارف | Arif, Aref | Ориф | Ариф
بصیر | Basir, Baseer | Басир | Басир
جلیل | Jalil, Jaleel | Ҷалил | Джалил
حکیم | Hakim, Hakeem | Ҳаким | Хаким
حمید | Hamid, Hameed | Ҳамид | Хамид
خلیل | Khalil, Khaleel | Халил | Халил
رحمت | Rahmat | Раҳмат | Рахмат
زمان | Zaman | Замон | Заман
سخی | Sakhi | Сахӣ | Сахи
سمیع | Sami, Samee | Самеъ | Сами
صابر | Sabir, Saber | Собир | Сабир
عبدالقادر | Abdul Qadir, Abdulqadir | Абдулқодир | Абдулкадир
عبدالکریم | Abdul Karim, Abdulkarim | Абдулкарим | Абдулкарим
عبدالغفار | Abdul Ghafar, Abdulghafar | Абдулғаффор | Абдулгаффар
عزیزالله | Azizullah, Azizulla | Азизулло | Азизулла
عطاالله | Ataullah, Ataulla | Атоулло | Атаулла
فیض | Faiz, Faez | Файз | Файз
قیوم | Qayum, Qayyum | Қаюм | Каюм
کبیر | Kabir, Kabeer | Кабир | Кабир
لطیف | Latif, Lateef | Латиф | Латиф
مجید | Majid, Majeed | Маҷид | Маджид
محب | Muhib, Mohib | Муҳиб | Мухиб
مختار | Mukhtar, Mokhtar | Мухтор | Мухтар
نعیم | Naeem, Naim | Наим | Наим
نوید | Navid, Naveed | Навид | Навид
هارون | Harun, Haroon | Ҳорун | Харун
همایون | Humayun, Homayoun | Ҳумоюн | Хумаюн
یعقوب | Yaqub, Yaqoob | Яъқуб | Якуб
یونس | Yunus, Younus | Юнус | Юнус
انور | Anwar, Anwer | Анвар | Анвар
`);

export const AFGHAN_FEMALE = parse(`
فاطمه | Fatima, Fatema, Fatemeh | Фотима | Фатима
زهرا | Zahra | Зуҳро | Зухра
مریم | Maryam, Mariam | Марям | Мариам
خدیجه | Khadija, Khadijah | Хадиҷа | Хадиджа
شبنم | Shabnam | Шабнам | Шабнам
پروین | Parwin, Parveen | Парвин | Парвин
گلالی | Gulalai, Gulali | Гулалӣ | Гулалай
نرگس | Nargis, Narges | Наргис | Наргиз
فریبا | Fariba | Фариба | Фариба
لیلا | Laila, Leila, Lila | Лайло | Лейла
سیما | Sima, Seema | Сима | Сима
ملالی | Malalai, Malali | Малолай | Малалай
رحیمه | Rahima, Raheema | Раҳима | Рахима
عایشه | Aisha, Ayesha | Ойша | Айша
شکیلا | Shakila, Shakeela | Шакила | Шакила
ناهید | Nahid, Naheed | Ноҳид | Нахид
فرزانه | Farzana, Farzaneh | Фарзона | Фарзана
زرغونه | Zarghona, Zarghuna | Зарғуна | Заргуна
حمیده | Hamida, Hameeda | Ҳамида | Хамида
نسرین | Nasrin, Nasreen | Насрин | Насрин
مرسل | Mursal | Мурсал | Мурсал
روشنا | Roshana, Rushana | Рушано | Рушана
صدیقه | Sediqa, Siddiqa | Сиддиқа | Сиддика
ثریا | Soraya, Suraya | Сурайё | Сорая
کبری | Kubra | Кубро | Кубра
مینه | Mina, Meena | Мина | Мина
شیرین | Shirin, Shireen | Ширин | Ширин
هما | Homa, Huma | Ҳумо | Хума
زینب | Zainab, Zaynab | Зайнаб | Зайнаб
نجیبه | Najiba, Najeeba | Наҷиба | Наджиба
آمنه | Amina, Ameneh | Омина | Амина
بهار | Bahar | Баҳор | Бахар
تمنا | Tamana, Tamanna | Таманно | Таманна
جمیله | Jamila, Jameela | Ҷамила | Джамиля
حلیمه | Halima, Haleema | Ҳалима | Халима
دیبا | Diba | Дибо | Диба
رقیه | Ruqia, Roqia | Руқия | Рукия
زرمینه | Zarmina, Zarmeena | Зармина | Зармина
ستاره | Setara, Sitara | Ситора | Ситара
سلیمه | Salima, Saleema | Салима | Салима
سمیرا | Samira, Sameera | Самира | Самира
شکریه | Shukria, Shukriya | Шукрия | Шукрия
صبا | Saba | Сабо | Саба
طاهره | Tahira, Tahereh | Тоҳира | Тахира
عزیزه | Aziza | Азиза | Азиза
فرشته | Freshta, Fereshteh | Фаришта | Фаришта
فوزیه | Fawzia, Fauzia | Фавзия | Фаузия
گلثوم | Kulsum, Gulsum | Гулсум | Гулсум
لطیفه | Latifa, Lateefa | Латифа | Латифа
ماری | Mari | Морӣ | Мари
محبوبه | Mahbooba, Mahbuba | Маҳбуба | Махбуба
مژگان | Mozhgan, Muzhgan | Мужгон | Мужган
معصومه | Masuma, Masooma | Маъсума | Масума
نازیه | Nazia, Naziya | Нозия | Назия
نجلا | Najla | Наҷло | Наджла
نیلوفر | Nilufar, Nilofar | Нилуфар | Нилуфар
وحیده | Wahida, Waheeda | Воҳида | Вахида
هدیه | Hadia, Hadiya | Ҳадия | Хадия
یاسمین | Yasmin, Yasmeen | Ёсумин | Ясмин
بریشنا | Breshna | Брешно | Брешна
`);

/** Family names; a Tajik or Russian registry may write the -i ones with -ов / -ова instead. */
export const AFGHAN_FAMILY = parse(`
احمدزی | Ahmadzai, Ahmadzay | Аҳмадзай | Ахмадзай
محمدی | Mohammadi, Muhammadi | Муҳаммадӣ | Мухаммади
کریمی | Karimi, Karimy | Каримӣ | Карими
رحیمی | Rahimi | Раҳимӣ | Рахими
پوپلزی | Popalzai, Popalzay | Пӯпалзай | Попалзай
حکیمی | Hakimi | Ҳакимӣ | Хакими
صافی | Safi | Софӣ | Сафи
نوری | Noori, Nuri | Нурӣ | Нури
هاشمی | Hashimi, Hashemi | Ҳошимӣ | Хашими
حیدری | Haidari, Haydari | Ҳайдарӣ | Хайдари
سلطانی | Sultani | Султонӣ | Султани
یوسفزی | Yousafzai, Yusufzai | Юсуфзай | Юсуфзай
شینواری | Shinwari | Шинворӣ | Шинвари
وردک | Wardak, Vardak | Вардак | Вардак
علیزاده | Alizada, Alizadeh | Ализода | Ализаде
حسین‌زاده | Hussainzada, Husseinzadeh | Ҳусейнзода | Хусейнзаде
عظیمی | Azimi | Азимӣ | Азими
قریشی | Qureshi, Quraishi | Қурайшӣ | Курейши
ستانکزی | Stanikzai, Stanekzai | Станикзай | Станикзай
امیری | Amiri | Амирӣ | Амири
جلالی | Jalali | Ҷалолӣ | Джалали
رسولی | Rasuli, Rasooli | Расулӣ | Расули
نظری | Nazari | Назарӣ | Назари
صدیقی | Siddiqi, Sediqi | Сиддиқӣ | Сиддики
اکبری | Akbari | Акбарӣ | Акбари
عثمانی | Usmani, Osmani | Усмонӣ | Усмани
بارکزی | Barakzai, Barakzay | Баракзай | Баракзай
مومند | Mohmand, Momand | Моманд | Моманд
غفوری | Ghafoori, Ghafuri | Ғафурӣ | Гафури
رضایی | Rezaei, Rezai | Ризоӣ | Резаи
`);
