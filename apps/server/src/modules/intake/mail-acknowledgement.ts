import { isLocale, type Locale } from '@komek/domain';

/**
 * The automatic answer to a request by email, in the language it was written in (English when
 * that is not known): the reference to quote, and that a person will answer. It says nothing of
 * what was asked: a mailbox may be read by others.
 */
const WORDS: Record<Locale, { subject: string; text: string }> = {
  en: {
    subject: 'Your request for legal help: {ref}',
    text: 'We have received your request for legal help. Its reference is {ref}; please quote it if you write or call again. A lawyer will answer you as soon as possible.\n\nIf someone is detained or about to be sent out of the country, call our hotline now.',
  },
  ru: {
    subject: 'Ваше обращение за юридической помощью: {ref}',
    text: 'Мы получили ваше обращение за юридической помощью. Его номер {ref}; пожалуйста, называйте его, если будете писать или звонить снова. Юрист ответит вам как можно скорее.\n\nЕсли кого-то задержали или собираются выслать из страны, позвоните на нашу горячую линию сейчас.',
  },
  ky: {
    subject: 'Юридикалык жардам сурап кайрылууңуз: {ref}',
    text: 'Юридикалык жардам сурап кайрылууңузду алдык. Анын номери {ref}; кайра жазсаңыз же чалсаңыз, ушул номерди айтыңыз. Юрист сизге мүмкүн болушунча тез жооп берет.\n\nЭгер кимдир бирөө кармалса же өлкөдөн чыгарылайын деп жатса, азыр ишеним телефонубузга чалыңыз.',
  },
  uz: {
    subject: 'Yuridik yordam soʻrab murojaatingiz: {ref}',
    text: 'Yuridik yordam soʻrab murojaatingizni oldik. Uning raqami {ref}; qayta yozsangiz yoki qoʻngʻiroq qilsangiz, shu raqamni ayting. Yurist sizga imkon qadar tez javob beradi.\n\nAgar kimdir ushlangan boʻlsa yoki mamlakatdan chiqarib yuborilmoqchi boʻlsa, hozir ishonch telefonimizga qoʻngʻiroq qiling.',
  },
  tg: {
    subject: 'Муроҷиати шумо барои кӯмаки ҳуқуқӣ: {ref}',
    text: 'Мо муроҷиати шуморо барои кӯмаки ҳуқуқӣ гирифтем. Рақами он {ref} аст; агар боз нависед ё занг занед, ҳамин рақамро гӯед. Ҳуқуқшинос ба шумо ҳарчи зудтар ҷавоб медиҳад.\n\nАгар касе боздошт шуда бошад ё ӯро аз кишвар бароварданӣ бошанд, ҳозир ба хати боварии мо занг занед.',
  },
  kk: {
    subject: 'Заң көмегін сұрап өтінішіңіз: {ref}',
    text: 'Заң көмегін сұрап жазған өтінішіңізді алдық. Оның нөмірі {ref}; қайта жазсаңыз немесе қоңырау шалсаңыз, осы нөмірді айтыңыз. Заңгер сізге мүмкіндігінше тез жауап береді.\n\nЕгер біреу ұсталса немесе елден шығарылғалы жатса, қазір сенім телефонымызға қоңырау шалыңыз.',
  },
  'fa-AF': {
    subject: 'درخواست شما برای کمک حقوقی: {ref}',
    text: 'درخواست شما برای کمک حقوقی را دریافت کردیم. شمارهٔ آن {ref} است؛ اگر دوباره نوشتید یا تماس گرفتید، این شماره را بگویید. یک حقوق‌دان هرچه زودتر به شما پاسخ می‌دهد.\n\nاگر کسی بازداشت شده یا در حال اخراج از کشور است، همین حالا به خط تماس ما زنگ بزنید.',
  },
};

export function acknowledgement(language: string | null, reference: string) {
  const words = WORDS[language && isLocale(language) ? language : 'en'];
  return {
    subject: words.subject.replace('{ref}', reference),
    text: words.text.replace('{ref}', reference),
  };
}
