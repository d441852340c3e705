import type { DocumentKind } from '@komek/domain';

export type Lang = 'ru' | 'ky' | 'kk' | 'uz' | 'en';
export interface DocumentText {
  to: string;
  from: string;
  title: string;
  body: string[];
  attachments: string;
  signature: string;
}

/**
 * Letters a lawyer adapts before filing. They state facts and ask; they cite no article numbers,
 * because the applicable provisions differ by country and year and must be checked by the lawyer.
 * {placeholders} are filled from the person and the case (the circumstances from the case's summary);
 * blanks (____) are for the lawyer, and stand where the case holds nothing.
 */
export const DOCUMENT_TEXTS: Record<DocumentKind, Record<Lang, DocumentText>> = {
  statelessness_application: {
    en: {
      to: 'To: ______________________ (the authority that determines statelessness)',
      from: 'From: {name}, born {birthDate} in {placeOfBirth}, living at {address}, phone {phone}',
      title: 'Application for recognition as a stateless person',
      body: [
        'I, {name}, ask to be recognised as a stateless person.',
        'I am not considered a national by any State under the operation of its law. My situation: {circumstances}.',
        'Documents I hold: {documents}.',
        'I ask to be issued a certificate confirming receipt of this application, to be informed in writing of the decision, and to be heard before any refusal.',
      ],
      attachments: 'Attachments: ____________________',
      signature: 'Date: {date}        Signature: __________',
    },
    ru: {
      to: 'В ______________________ (орган, определяющий статус лица без гражданства)',
      from: 'От {name}, {birthDate} г. р., место рождения: {placeOfBirth}, адрес: {address}, телефон: {phone}',
      title: 'Заявление о признании лицом без гражданства',
      body: [
        'Я, {name}, прошу признать меня лицом без гражданства.',
        'Ни одно государство в силу своего законодательства не считает меня своим гражданином. Обстоятельства: {circumstances}.',
        'Имеющиеся у меня документы: {documents}.',
        'Прошу выдать справку о принятии заявления, письменно сообщить о принятом решении и заслушать меня до принятия решения об отказе.',
      ],
      attachments: 'Приложения: ____________________',
      signature: 'Дата: {date}        Подпись: __________',
    },
    ky: {
      to: '______________________ (жарандыгы жок адам статусун аныктоочу орган)',
      from: 'Кимден: {name}, {birthDate} ж. туулган, туулган жери: {placeOfBirth}, дареги: {address}, телефону: {phone}',
      title: 'Жарандыгы жок адам катары таануу жөнүндө арыз',
      body: [
        'Мен, {name}, мени жарандыгы жок адам катары таанууну суранам.',
        'Эч бир мамлекет өзүнүн мыйзамы боюнча мени өз жараны деп эсептебейт. Жагдайлар: {circumstances}.',
        'Менде бар документтер: {documents}.',
        'Арыз кабыл алынгандыгы тууралуу маалымкат берүүнү, чечим тууралуу жазуу жүзүндө кабарлоону жана баш тартуу чечиминен мурун мени угууну суранам.',
      ],
      attachments: 'Тиркемелер: ____________________',
      signature: 'Күнү: {date}        Колу: __________',
    },
    kk: {
      to: '______________________ (азаматтығы жоқ адам мәртебесін айқындайтын орган)',
      from: 'Кімнен: {name}, {birthDate} ж. туған, туған жері: {placeOfBirth}, мекенжайы: {address}, телефоны: {phone}',
      title: 'Азаматтығы жоқ адам деп тану туралы өтініш',
      body: [
        'Мен, {name}, мені азаматтығы жоқ адам деп тануды сұраймын.',
        'Ешбір мемлекет өз заңнамасы бойынша мені өз азаматы деп санамайды. Мән-жайлар: {circumstances}.',
        'Менде бар құжаттар: {documents}.',
        'Өтініштің қабылданғаны туралы анықтама беруді, шешім туралы жазбаша хабарлауды және бас тарту туралы шешім қабылданғанға дейін мені тыңдауды сұраймын.',
      ],
      attachments: 'Қосымшалар: ____________________',
      signature: 'Күні: {date}        Қолы: __________',
    },
    uz: {
      to: '______________________ (fuqaroligi yoʻq shaxs maqomini belgilovchi organ)',
      from: 'Kimdan: {name}, {birthDate} yilda tugʻilgan, tugʻilgan joyi: {placeOfBirth}, manzili: {address}, telefoni: {phone}',
      title: 'Fuqaroligi yoʻq shaxs deb tan olish toʻgʻrisida ariza',
      body: [
        'Men, {name}, meni fuqaroligi yoʻq shaxs deb tan olishingizni soʻrayman.',
        'Hech bir davlat oʻz qonunchiligiga koʻra meni oʻz fuqarosi deb hisoblamaydi. Holatlar: {circumstances}.',
        'Menda mavjud hujjatlar: {documents}.',
        'Ariza qabul qilinganligi toʻgʻrisida maʼlumotnoma berishingizni, qaror haqida yozma xabar berishingizni va rad etish qaroridan oldin meni tinglashingizni soʻrayman.',
      ],
      attachments: 'Ilovalar: ____________________',
      signature: 'Sana: {date}        Imzo: __________',
    },
  },
  information_request: {
    en: {
      to: 'To: ______________________',
      from: 'From: {lawyer}, {org}, representing {name} (case {caseNumber})',
      title: 'Request for information',
      body: [
        'On behalf of {name}, born {birthDate}, I ask for information on ____________________.',
        'The information is needed for ____________________.',
        'Please reply in writing to {org}.',
      ],
      attachments: 'Attachments: power of attorney; ____________________',
      signature: 'Date: {date}        {lawyer}, signature: __________',
    },
    ru: {
      to: 'В ______________________',
      from: 'От {lawyer}, {org}, представителя {name} (дело {caseNumber})',
      title: 'Запрос информации',
      body: [
        'В интересах {name}, {birthDate} г. р., прошу предоставить сведения о ____________________.',
        'Сведения необходимы для ____________________.',
        'Прошу направить письменный ответ в адрес {org}.',
      ],
      attachments: 'Приложения: доверенность; ____________________',
      signature: 'Дата: {date}        {lawyer}, подпись: __________',
    },
    ky: {
      to: '______________________',
      from: 'Кимден: {lawyer}, {org}, {name} өкүлү (иш {caseNumber})',
      title: 'Маалымат суроо',
      body: [
        '{name} ({birthDate} ж. туулган) кызыкчылыгында ____________________ тууралуу маалымат берүүнү суранам.',
        'Маалымат ____________________ үчүн керек.',
        'Жазуу жүзүндөгү жоопту {org} дарегине жөнөтүүнү суранам.',
      ],
      attachments: 'Тиркемелер: ишеним кат; ____________________',
      signature: 'Күнү: {date}        {lawyer}, колу: __________',
    },
    kk: {
      to: '______________________',
      from: 'Кімнен: {lawyer}, {org}, {name} өкілі (іс {caseNumber})',
      title: 'Ақпарат сұрау',
      body: [
        '{name} ({birthDate} ж. туған) мүддесінде ____________________ туралы мәліметтер беруді сұраймын.',
        'Мәліметтер ____________________ үшін қажет.',
        'Жазбаша жауапты {org} мекенжайына жіберуді сұраймын.',
      ],
      attachments: 'Қосымшалар: сенімхат; ____________________',
      signature: 'Күні: {date}        {lawyer}, қолы: __________',
    },
    uz: {
      to: '______________________',
      from: 'Kimdan: {lawyer}, {org}, {name} vakili (ish {caseNumber})',
      title: 'Maʼlumot soʻrovi',
      body: [
        '{name} ({birthDate} yilda tugʻilgan) manfaatlarida ____________________ haqida maʼlumot berishingizni soʻrayman.',
        'Maʼlumot ____________________ uchun zarur.',
        'Yozma javobni {org} manziliga yuborishingizni soʻrayman.',
      ],
      attachments: 'Ilovalar: ishonchnoma; ____________________',
      signature: 'Sana: {date}        {lawyer}, imzo: __________',
    },
  },
  appeal: {
    en: {
      to: 'To: ______________________ (the body or court that hears the appeal)',
      from: 'From: {name}, born {birthDate}, living at {address}; represented by {lawyer}, {org}',
      title: 'Appeal against the decision of ____________ No. ______',
      body: [
        'By the decision of ____________ dated ____________, my application was refused.',
        'I disagree with the decision because ____________________.',
        'I ask that the decision be annulled and my application be considered again.',
      ],
      attachments: 'Attachments: copy of the decision; ____________________',
      signature: 'Date: {date}        Signature: __________',
    },
    ru: {
      to: 'В ______________________ (орган или суд, рассматривающий жалобу)',
      from: 'От {name}, {birthDate} г. р., адрес: {address}; представитель: {lawyer}, {org}',
      title: 'Жалоба на решение ____________ № ______',
      body: [
        'Решением ____________ от ____________ мне отказано в удовлетворении заявления.',
        'С решением не согласен(на), поскольку ____________________.',
        'Прошу отменить решение и повторно рассмотреть моё заявление.',
      ],
      attachments: 'Приложения: копия решения; ____________________',
      signature: 'Дата: {date}        Подпись: __________',
    },
    ky: {
      to: '______________________ (даттанууну караган орган же сот)',
      from: 'Кимден: {name}, {birthDate} ж. туулган, дареги: {address}; өкүлү: {lawyer}, {org}',
      title: '____________ № ______ чечимине даттануу',
      body: [
        '____________ тарабынан ____________ күнкү чечим менен менин арызым четке кагылган.',
        'Чечим менен макул эмесмин, анткени ____________________.',
        'Чечимди жокко чыгарып, арызымды кайра кароону суранам.',
      ],
      attachments: 'Тиркемелер: чечимдин көчүрмөсү; ____________________',
      signature: 'Күнү: {date}        Колу: __________',
    },
    kk: {
      to: '______________________ (шағымды қарайтын орган немесе сот)',
      from: 'Кімнен: {name}, {birthDate} ж. туған, мекенжайы: {address}; өкілі: {lawyer}, {org}',
      title: '____________ № ______ шешіміне шағым',
      body: [
        '____________ ____________ күнгі шешімімен менің өтінішімді қанағаттандырудан бас тартылды.',
        'Шешіммен келіспеймін, себебі ____________________.',
        'Шешімді жойып, өтінішімді қайта қарауды сұраймын.',
      ],
      attachments: 'Қосымшалар: шешімнің көшірмесі; ____________________',
      signature: 'Күні: {date}        Қолы: __________',
    },
    uz: {
      to: '______________________ (shikoyatni koʻrib chiquvchi organ yoki sud)',
      from: 'Kimdan: {name}, {birthDate} yilda tugʻilgan, manzili: {address}; vakili: {lawyer}, {org}',
      title: '____________ № ______ qaroriga shikoyat',
      body: [
        '____________ ning ____________ sanadagi qarori bilan arizam rad etilgan.',
        'Qaror bilan rozi emasman, chunki ____________________.',
        'Qarorni bekor qilishingizni va arizamni qayta koʻrib chiqishingizni soʻrayman.',
      ],
      attachments: 'Ilovalar: qaror nusxasi; ____________________',
      signature: 'Sana: {date}        Imzo: __________',
    },
  },
};
