import type { Locale } from '@komek/domain';
import { localeChain } from '../../platform/messages.ts';

export const NOTIFICATION_KINDS = [
  'referral_received',
  'referral_accepted',
  'referral_declined',
  'referral_in_progress',
  'referral_completed',
  'referral_revoked',
  'referral_overdue',
  'referral_message',
  'deadline_reminder',
  'deadline_overdue',
  'follow_up_assigned',
  'intake_emergency',
  'intake_overdue',
  'intake_callback_due',
  'incident_warning',
  'screening_high_risk',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

type Catalogue = Record<NotificationKind | 'footer', string>;

/**
 * Titles say which referral and which organisation, never who the person is: they travel by
 * email, and an inbox is not a protected store.
 */
const CATALOGUE: Partial<Record<Locale, Partial<Catalogue>>> & { en: Catalogue } = {
  en: {
    referral_received: 'New referral {reference} from {from}',
    referral_accepted: 'Referral {reference} accepted by {to}',
    referral_declined: 'Referral {reference} declined by {to}',
    referral_in_progress: 'Referral {reference}: {to} has started work',
    referral_completed: 'Referral {reference} completed by {to}',
    referral_revoked: 'Referral {reference} withdrawn by {from}',
    referral_overdue: 'Referral {reference} has had no answer within its response time',
    referral_message: 'New message on referral {reference} from {by}',
    deadline_reminder: 'Deadline {due} ({days} days): {step}, case {case}',
    deadline_overdue: 'Deadline missed on {due}: {step}, case {case}',
    follow_up_assigned: '{count} people from the list “{list}” to follow up by {due}',
    intake_emergency: 'Emergency request {reference}: answer within {hours} hours',
    intake_overdue: 'Request {reference} has had no answer within its response time',
    intake_callback_due: 'Call back now: request {reference}',
    incident_warning: 'Early warning: border incident {reference} ({segment})',
    screening_high_risk: 'High risk in a screening on case {case}: direct support to arrange',
    footer: 'Sign in to Komek to see it:',
  },
  ru: {
    referral_received: 'Новое направление {reference} от {from}',
    referral_accepted: 'Направление {reference} принято: {to}',
    referral_declined: 'Направление {reference} отклонено: {to}',
    referral_in_progress: 'Направление {reference}: {to} начали работу',
    referral_completed: 'Направление {reference} выполнено: {to}',
    referral_revoked: 'Направление {reference} отозвано: {from}',
    referral_overdue: 'На направление {reference} не ответили в установленный срок',
    referral_message: 'Новое сообщение по направлению {reference} от {by}',
    deadline_reminder: 'Срок {due} (дней: {days}): {step}, дело {case}',
    deadline_overdue: 'Срок пропущен {due}: {step}, дело {case}',
    follow_up_assigned: 'Проверить {count} чел. из списка «{list}» до {due}',
    intake_emergency: 'Срочное обращение {reference}: ответить в течение {hours} ч',
    intake_overdue: 'На обращение {reference} не ответили в установленный срок',
    intake_callback_due: 'Пора перезвонить: обращение {reference}',
    incident_warning: 'Раннее предупреждение: пограничный инцидент {reference} ({segment})',
    screening_high_risk: 'Высокий риск по итогам скрининга в деле {case}: организуйте прямую поддержку',
    footer: 'Войдите в Komek, чтобы посмотреть:',
  },
  ky: {
    referral_received: 'Жаңы жолдомо {reference}: {from}',
    referral_accepted: '{reference} жолдомосу кабыл алынды: {to}',
    referral_declined: '{reference} жолдомосу четке кагылды: {to}',
    referral_in_progress: '{reference} жолдомосу: {to} иштей баштады',
    referral_completed: '{reference} жолдомосу аткарылды: {to}',
    referral_revoked: '{reference} жолдомосу кайтарылып алынды: {from}',
    referral_overdue: '{reference} жолдомосуна белгиленген мөөнөттө жооп берилген жок',
    referral_message: '{reference} жолдомосу боюнча {by} жаңы билдирүү жазды',
    deadline_reminder: 'Мөөнөт {due} (күн: {days}): {step}, иш {case}',
    deadline_overdue: 'Мөөнөт өтүп кетти {due}: {step}, иш {case}',
    follow_up_assigned: '«{list}» тизмесинен {count} адамды {due} чейин текшерүү',
    intake_emergency: 'Шашылыш кайрылуу {reference}: {hours} сааттын ичинде жооп берүү',
    intake_overdue: '{reference} кайрылуусуна белгиленген мөөнөттө жооп берилген жок',
    intake_callback_due: 'Кайра чалуу убагы келди: {reference} кайрылуусу',
    incident_warning: 'Эрте эскертүү: чек ара окуясы {reference} ({segment})',
    screening_high_risk: '{case} ишиндеги скринингде жогорку тобокелдик: түз колдоо уюштуруңуз',
    footer: 'Көрүү үчүн Komekке кириңиз:',
  },
  uz: {
    referral_received: 'Yangi yoʻllanma {reference}: {from}',
    referral_accepted: '{reference} yoʻllanmasi qabul qilindi: {to}',
    referral_declined: '{reference} yoʻllanmasi rad etildi: {to}',
    referral_in_progress: '{reference} yoʻllanmasi: {to} ishni boshladi',
    referral_completed: '{reference} yoʻllanmasi bajarildi: {to}',
    referral_revoked: '{reference} yoʻllanmasi qaytarib olindi: {from}',
    referral_overdue: '{reference} yoʻllanmasiga belgilangan muddatda javob berilmadi',
    referral_message: '{reference} yoʻllanmasi boʻyicha {by} dan yangi xabar',
    deadline_reminder: 'Muddat {due} ({days} kun): {step}, ish {case}',
    deadline_overdue: 'Muddat oʻtib ketdi {due}: {step}, ish {case}',
    follow_up_assigned: '«{list}» roʻyxatidagi {count} kishini {due} gacha tekshirish',
    intake_emergency: 'Shoshilinch murojaat {reference}: {hours} soat ichida javob berish',
    intake_overdue: '{reference} murojaatiga belgilangan muddatda javob berilmadi',
    intake_callback_due: 'Qayta qoʻngʻiroq qilish vaqti: {reference} murojaati',
    incident_warning: 'Erta ogohlantirish: chegara hodisasi {reference} ({segment})',
    screening_high_risk: '{case} ishidagi skriningda yuqori xavf: bevosita yordamni tashkil qiling',
    footer: 'Koʻrish uchun Komekka kiring:',
  },
  tg: {
    referral_received: 'Роҳхати нав {reference} аз {from}',
    referral_accepted: 'Роҳхати {reference} қабул шуд: {to}',
    referral_declined: 'Роҳхати {reference} рад шуд: {to}',
    referral_in_progress: 'Роҳхати {reference}: {to} корро оғоз кард',
    referral_completed: 'Роҳхати {reference} иҷро шуд: {to}',
    referral_revoked: 'Роҳхати {reference} бозхонда шуд: {from}',
    referral_overdue: 'Ба роҳхати {reference} дар мӯҳлати муқарраршуда ҷавоб дода нашуд',
    referral_message: 'Паёми нав оид ба роҳхати {reference} аз {by}',
    deadline_reminder: 'Мӯҳлат {due} ({days} рӯз): {step}, парванда {case}',
    deadline_overdue: 'Мӯҳлат гузашт {due}: {step}, парванда {case}',
    follow_up_assigned: 'Санҷиши {count} нафар аз рӯйхати «{list}» то {due}',
    intake_emergency: 'Муроҷиати фаврӣ {reference}: дар давоми {hours} соат ҷавоб додан',
    intake_overdue: 'Ба муроҷиати {reference} дар мӯҳлати муқарраршуда ҷавоб дода нашуд',
    intake_callback_due: 'Вақти бозгашти занг: муроҷиати {reference}',
    incident_warning: 'Огоҳии барвақт: ҳодисаи марзӣ {reference} ({segment})',
    screening_high_risk: 'Хатари баланд дар скрининги парвандаи {case}: дастгирии мустақимро ташкил кунед',
    footer: 'Барои дидан ба Komek ворид шавед:',
  },
  kk: {
    referral_received: 'Жаңа жолдама {reference}: {from}',
    referral_accepted: '{reference} жолдамасы қабылданды: {to}',
    referral_declined: '{reference} жолдамасы қабылданбады: {to}',
    referral_in_progress: '{reference} жолдамасы: {to} жұмысты бастады',
    referral_completed: '{reference} жолдамасы орындалды: {to}',
    referral_revoked: '{reference} жолдамасы кері қайтарылды: {from}',
    referral_overdue: '{reference} жолдамасына белгіленген мерзімде жауап берілмеді',
    referral_message: '{reference} жолдамасы бойынша {by} жаңа хабар жазды',
    deadline_reminder: 'Мерзім {due} ({days} күн): {step}, іс {case}',
    deadline_overdue: 'Мерзім өтіп кетті {due}: {step}, іс {case}',
    follow_up_assigned: '«{list}» тізімінен {count} адамды {due} дейін тексеру',
    intake_emergency: 'Шұғыл өтініш {reference}: {hours} сағат ішінде жауап беру',
    intake_overdue: '{reference} өтінішіне белгіленген мерзімде жауап берілмеді',
    intake_callback_due: 'Қайта қоңырау шалу уақыты: {reference} өтініші',
    incident_warning: 'Ерте ескерту: шекара оқиғасы {reference} ({segment})',
    screening_high_risk: '{case} ісіндегі скринингте жоғары тәуекел: тікелей қолдауды ұйымдастырыңыз',
    footer: 'Көру үшін Komek жүйесіне кіріңіз:',
  },
  'fa-AF': {
    referral_received: 'ارجاع جدید {reference} از {from}',
    referral_accepted: 'ارجاع {reference} توسط {to} پذیرفته شد',
    referral_declined: 'ارجاع {reference} توسط {to} رد شد',
    referral_in_progress: 'ارجاع {reference}: {to} کار را آغاز کرد',
    referral_completed: 'ارجاع {reference} توسط {to} تکمیل شد',
    referral_revoked: 'ارجاع {reference} توسط {from} پس گرفته شد',
    referral_overdue: 'به ارجاع {reference} در مهلت تعیین‌شده پاسخ داده نشد',
    referral_message: 'پیام تازه دربارهٔ ارجاع {reference} از {by}',
    deadline_reminder: 'مهلت {due} ({days} روز): {step}، قضیه {case}',
    deadline_overdue: 'مهلت {due} گذشت: {step}، قضیه {case}',
    follow_up_assigned: 'پیگیری {count} نفر از فهرست «{list}» تا {due}',
    intake_emergency: 'درخواست عاجل {reference}: پاسخ در {hours} ساعت',
    intake_overdue: 'به درخواست {reference} در مهلت تعیین‌شده پاسخ داده نشد',
    intake_callback_due: 'وقت تماس دوباره: درخواست {reference}',
    incident_warning: 'هشدار زودهنگام: رویداد مرزی {reference} ({segment})',
    screening_high_risk: 'خطر بالا در غربالگری پرونده {case}: حمایت مستقیم را ترتیب دهید',
    footer: 'برای دیدن آن وارد Komek شوید:',
  },
};

function lookup(key: keyof Catalogue, locale: Locale): string {
  for (const l of localeChain(locale)) {
    const text = CATALOGUE[l]?.[key];
    if (text) return text;
  }
  return CATALOGUE.en[key];
}

export function renderNotification(
  kind: string,
  params: Record<string, string>,
  locale: Locale,
): { title: string; footer: string } {
  const template = (NOTIFICATION_KINDS as readonly string[]).includes(kind)
    ? lookup(kind as NotificationKind, locale)
    : kind;
  return {
    title: template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? ''),
    footer: lookup('footer', locale),
  };
}
