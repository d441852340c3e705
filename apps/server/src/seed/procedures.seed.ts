import type { ProcedureTemplateInput, TemplateStep } from '@komek/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { holidays, procedureTemplates } from '../db/schema/index.ts';

type StepSeed = Omit<TemplateStep, 'toConfirm' | 'reminderDays' | 'document' | 'note'> &
  Partial<Pick<TemplateStep, 'toConfirm' | 'reminderDays' | 'document' | 'note'>>;

const step = (s: StepSeed): TemplateStep => ({
  toConfirm: s.limit === null,
  reminderDays: [7, 1],
  document: null,
  note: null,
  ...s,
});
const opened = { kind: 'procedure_opened' } as const;
const after = (key: string) => ({ kind: 'step_done', step: key }) as const;
const APPLICATION_FILED = {
  en: 'Application filed',
  ru: 'Заявление подано',
  ky: 'Арыз берилди',
  kk: 'Өтініш берілді',
  uz: 'Ariza topshirildi',
  tg: 'Ариза супорида шуд',
  'fa-AF': 'درخواست ارائه شد',
};
const APPEAL_AGAINST_REFUSAL = {
  en: 'Appeal against a refusal',
  ru: 'Обжалование отказа',
  ky: 'Баш тартууга даттануу',
  kk: 'Бас тартуға шағымдану',
  uz: 'Rad etish ustidan shikoyat',
  tg: 'Шикоят аз рад',
  'fa-AF': 'استیناف علیه رد',
};
const CONFIRM = 'No time limit in the project sources: set it from the law in force before relying on it.';

/**
 * The procedures the project's sources describe. A limit is given only where a source states it
 * (Kazakhstan's statelessness rules of 12 April 2024: 30 days; one-year residence permits for
 * refugees there); everything else is marked "to confirm" and left for an administrator.
 */
export const PROCEDURE_TEMPLATES: ProcedureTemplateInput[] = [
  {
    countryCode: 'KZ',
    code: 'kz_statelessness_determination',
    name: {
      en: 'Statelessness status determination',
      ru: 'Определение статуса лица без гражданства',
      ky: 'Жарандыгы жок адамдын макамын аныктоо',
      kk: 'Азаматтығы жоқ адам мәртебесін анықтау',
      uz: 'Fuqaroligi yoʻq shaxs maqomini aniqlash',
      tg: 'Муайян кардани мақоми шахси бешаҳрвандӣ',
      'fa-AF': 'تعیین وضعیت بی‌تابعیتی',
    },
    legalBasis:
      'Rules of 12 April 2024 on statelessness status determination; Administrative Procedural Code',
    emergency: false,
    active: true,
    steps: [
      step({
        key: 'application',
        name: APPLICATION_FILED,
        trigger: opened,
        limit: null,
        toConfirm: false,
        document: 'statelessness_application',
        note: 'Mark done on the filing day: the decision clock starts then.',
      }),
      step({
        key: 'receipt_certificate',
        name: {
          en: 'Receipt certificate issued',
          ru: 'Выдана справка о принятии заявления',
          ky: 'Арыз кабыл алынганы тууралуу маалымкат берилди',
          kk: 'Өтініштің қабылданғаны туралы анықтама берілді',
          uz: 'Ariza qabul qilingani haqida maʼlumotnoma berildi',
          tg: 'Маълумотнома дар бораи қабули ариза дода шуд',
          'fa-AF': 'تصدیق دریافت درخواست صادر شد',
        },
        trigger: after('application'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'hearing',
        name: {
          en: 'Heard before any refusal',
          ru: 'Заслушивание до решения об отказе',
          ky: 'Баш тартуудан мурун угуу',
          kk: 'Бас тарту алдында тыңдау',
          uz: 'Rad etishdan oldin eshitish',
          tg: 'Шунавонӣ пеш аз рад',
          'fa-AF': 'شنیدن پیش از هر گونه رد',
        },
        trigger: after('application'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'decision',
        name: {
          en: 'Decision on the application',
          ru: 'Решение по заявлению',
          ky: 'Арыз боюнча чечим',
          kk: 'Өтініш бойынша шешім',
          uz: 'Ariza boʻyicha qaror',
          tg: 'Қарор оид ба ариза',
          'fa-AF': 'تصمیم دربارهٔ درخواست',
        },
        trigger: after('application'),
        limit: { amount: 30, unit: 'calendar_days', rollToWorkingDay: true },
        toConfirm: false,
        reminderDays: [7, 3, 1],
        document: 'information_request',
        note: '30 days (formerly 45); documents on former citizenship are verified through diplomatic channels.',
      }),
      step({
        key: 'written_notice',
        name: {
          en: 'Written notice of the decision received',
          ru: 'Получено письменное уведомление о решении',
          ky: 'Чечим тууралуу жазуу жүзүндөгү билдирүү алынды',
          kk: 'Шешім туралы жазбаша хабарлама алынды',
          uz: 'Qaror haqida yozma xabarnoma olindi',
          tg: 'Огоҳиномаи хаттӣ дар бораи қарор гирифта шуд',
          'fa-AF': 'اطلاعیهٔ کتبی تصمیم دریافت شد',
        },
        trigger: after('decision'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'appeal',
        name: APPEAL_AGAINST_REFUSAL,
        trigger: after('written_notice'),
        limit: null,
        document: 'appeal',
        note: `Under the Administrative Procedural Code. ${CONFIRM}`,
      }),
    ],
  },
  {
    countryCode: 'KG',
    code: 'kg_citizenship_stateless',
    name: {
      en: 'Citizenship application of a stateless person',
      ru: 'Приём в гражданство лица без гражданства',
      ky: 'Жарандыгы жок адамды жарандыкка кабыл алуу',
      kk: 'Азаматтығы жоқ адамды азаматтыққа қабылдау',
      uz: 'Fuqaroligi yoʻq shaxsni fuqarolikka qabul qilish',
      tg: 'Қабули шахси бешаҳрвандӣ ба шаҳрвандӣ',
      'fa-AF': 'درخواست تابعیت شخص بی‌تابعیت',
    },
    legalBasis: null,
    emergency: false,
    active: true,
    steps: [
      step({
        key: 'application',
        name: APPLICATION_FILED,
        trigger: opened,
        limit: null,
        toConfirm: false,
      }),
      step({
        key: 'documents_checked',
        name: {
          en: 'Documents checked by the authority',
          ru: 'Документы проверены органом',
          ky: 'Документтер орган тарабынан текшерилди',
          kk: 'Құжаттарды орган тексерді',
          uz: 'Hujjatlar organ tomonidan tekshirildi',
          tg: 'Ҳуҷҷатҳо аз ҷониби мақомот санҷида шуданд',
          'fa-AF': 'اسناد توسط مرجع بررسی شد',
        },
        trigger: after('application'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'decision',
        name: {
          en: 'Decision on citizenship',
          ru: 'Решение о гражданстве',
          ky: 'Жарандык боюнча чечим',
          kk: 'Азаматтық туралы шешім',
          uz: 'Fuqarolik boʻyicha qaror',
          tg: 'Қарор оид ба шаҳрвандӣ',
          'fa-AF': 'تصمیم دربارهٔ تابعیت',
        },
        trigger: after('application'),
        limit: null,
        document: 'information_request',
        note: CONFIRM,
      }),
      step({
        key: 'passport',
        name: {
          en: 'Passport issued',
          ru: 'Паспорт выдан',
          ky: 'Паспорт берилди',
          kk: 'Төлқұжат берілді',
          uz: 'Pasport berildi',
          tg: 'Шиноснома дода шуд',
          'fa-AF': 'پاسپورت صادر شد',
        },
        trigger: after('decision'),
        limit: null,
        note: CONFIRM,
      }),
    ],
  },
  {
    countryCode: 'KG',
    code: 'kg_late_birth_registration',
    name: {
      en: 'Late birth registration',
      ru: 'Поздняя регистрация рождения',
      ky: 'Төрөлгөндү кечиктирип каттоо',
      kk: 'Тууды кешіктіріп тіркеу',
      uz: 'Tugʻilishni kechiktirib roʻyxatga olish',
      tg: 'Бақайдгирии дертари таваллуд',
      'fa-AF': 'ثبت دیرهنگام تولد',
    },
    legalBasis: null,
    emergency: false,
    active: true,
    steps: [
      step({
        key: 'evidence',
        name: {
          en: 'Proof of birth gathered (medical record, witnesses)',
          ru: 'Собраны доказательства рождения',
          ky: 'Төрөлгөнүн далилдери чогултулду (медициналык документ, күбөлөр)',
          kk: 'Тудың дәлелдері жиналды (медициналық құжат, куәгерлер)',
          uz: 'Tugʻilish dalillari toʻplandi (tibbiy hujjat, guvohlar)',
          tg: 'Далелҳои таваллуд ҷамъ оварда шуданд (ҳуҷҷати тиббӣ, шоҳидон)',
          'fa-AF': 'شواهد تولد جمع‌آوری شد (سند صحی، شاهدان)',
        },
        trigger: opened,
        limit: null,
        toConfirm: false,
      }),
      step({
        key: 'registry_application',
        name: {
          en: 'Application to the civil registry',
          ru: 'Заявление в ЗАГС',
          ky: 'Жарандык абал актыларын каттоо органына арыз',
          kk: 'АХАТ органына өтініш',
          uz: 'FHDYO organiga ariza',
          tg: 'Ариза ба мақомоти САҲШ',
          'fa-AF': 'درخواست به ادارهٔ ثبت احوال',
        },
        trigger: after('evidence'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'registry_answer',
        name: {
          en: 'Registry answer',
          ru: 'Ответ ЗАГС',
          ky: 'Каттоо органынын жообу',
          kk: 'АХАТ жауабы',
          uz: 'FHDYO javobi',
          tg: 'Ҷавоби САҲШ',
          'fa-AF': 'پاسخ ادارهٔ ثبت احوال',
        },
        trigger: after('registry_application'),
        limit: null,
        document: 'information_request',
        note: CONFIRM,
      }),
      step({
        key: 'court',
        name: {
          en: 'Court establishes the fact of birth (if refused)',
          ru: 'Установление факта рождения в суде (при отказе)',
          ky: 'Сот төрөлүү фактысын аныктайт (баш тартылса)',
          kk: 'Сот туу фактісін анықтайды (бас тартылса)',
          uz: 'Sud tugʻilish faktini aniqlaydi (rad etilsa)',
          tg: 'Суд далели таваллудро муқаррар мекунад (дар сурати рад)',
          'fa-AF': 'محکمه واقعهٔ تولد را ثابت می‌کند (در صورت رد)',
        },
        trigger: after('registry_answer'),
        limit: null,
        document: 'appeal',
        note: CONFIRM,
      }),
    ],
  },
  {
    countryCode: 'KG',
    code: 'kg_refugee_status_determination',
    name: {
      en: 'Refugee status determination',
      ru: 'Определение статуса беженца',
      ky: 'Качкын макамын аныктоо',
      kk: 'Босқын мәртебесін анықтау',
      uz: 'Qochqin maqomini aniqlash',
      tg: 'Муайян кардани мақоми гуреза',
      'fa-AF': 'تعیین وضعیت پناهندگی',
    },
    legalBasis: null,
    emergency: false,
    active: true,
    steps: [
      step({
        key: 'application',
        name: {
          en: 'Asylum application registered',
          ru: 'Ходатайство зарегистрировано',
          ky: 'Башпаанек суроо арызы катталды',
          kk: 'Баспана туралы өтініш тіркелді',
          uz: 'Boshpana soʻrovi roʻyxatga olindi',
          tg: 'Дархости паноҳгоҳ ба қайд гирифта шуд',
          'fa-AF': 'درخواست پناهندگی ثبت شد',
        },
        trigger: opened,
        limit: null,
        toConfirm: false,
      }),
      step({
        key: 'interview',
        name: {
          en: 'Interview',
          ru: 'Собеседование',
          ky: 'Маек',
          kk: 'Сұхбат',
          uz: 'Suhbat',
          tg: 'Мусоҳиба',
          'fa-AF': 'مصاحبه',
        },
        trigger: after('application'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'decision',
        name: {
          en: 'Decision on refugee status',
          ru: 'Решение о статусе беженца',
          ky: 'Качкын макамы боюнча чечим',
          kk: 'Босқын мәртебесі туралы шешім',
          uz: 'Qochqin maqomi boʻyicha qaror',
          tg: 'Қарор оид ба мақоми гуреза',
          'fa-AF': 'تصمیم دربارهٔ وضعیت پناهندگی',
        },
        trigger: after('application'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'appeal',
        name: APPEAL_AGAINST_REFUSAL,
        trigger: after('decision'),
        limit: null,
        document: 'appeal',
        note: CONFIRM,
      }),
      step({
        key: 'court_decision',
        name: {
          en: 'Court decision on the appeal',
          ru: 'Решение суда по жалобе',
          ky: 'Даттануу боюнча соттун чечими',
          kk: 'Шағым бойынша сот шешімі',
          uz: 'Shikoyat boʻyicha sud qarori',
          tg: 'Қарори суд оид ба шикоят',
          'fa-AF': 'تصمیم محکمه دربارهٔ استیناف',
        },
        trigger: after('appeal'),
        limit: null,
        note: CONFIRM,
      }),
    ],
  },
  {
    countryCode: 'KZ',
    code: 'kz_refugee_permit_renewal',
    name: {
      en: 'Annual renewal of a refugee’s residence permit',
      ru: 'Ежегодное продление разрешения на проживание беженца',
      ky: 'Качкындын жашоого уруксатын жыл сайын узартуу',
      kk: 'Босқынның тұруға рұқсатын жыл сайын ұзарту',
      uz: 'Qochqinning yashash ruxsatnomasini har yili uzaytirish',
      tg: 'Тамдиди солонаи иҷозати иқомати гуреза',
      'fa-AF': 'تمدید سالانهٔ اجازهٔ اقامت پناهنده',
    },
    legalBasis: 'Refugees are issued one-year residence permits, renewed every year.',
    emergency: false,
    active: true,
    steps: [
      step({
        key: 'permit_expires',
        name: {
          en: 'Current permit expires',
          ru: 'Истекает срок разрешения',
          ky: 'Учурдагы уруксаттын мөөнөтү бүтөт',
          kk: 'Қазіргі рұқсаттың мерзімі бітеді',
          uz: 'Joriy ruxsatnoma muddati tugaydi',
          tg: 'Мӯҳлати иҷозати ҷорӣ ба охир мерасад',
          'fa-AF': 'اعتبار اجازهٔ فعلی پایان می‌یابد',
        },
        trigger: opened,
        limit: { amount: 12, unit: 'months', rollToWorkingDay: false },
        toConfirm: false,
        reminderDays: [60, 30, 7],
        note: 'Open the procedure on the day the current permit was issued.',
      }),
      step({
        key: 'renewal_application',
        name: {
          en: 'Renewal application filed',
          ru: 'Подано заявление о продлении',
          ky: 'Узартуу арызы берилди',
          kk: 'Ұзарту туралы өтініш берілді',
          uz: 'Uzaytirish arizasi topshirildi',
          tg: 'Аризаи тамдид супорида шуд',
          'fa-AF': 'درخواست تمدید ارائه شد',
        },
        trigger: opened,
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'renewed',
        name: {
          en: 'Permit renewed',
          ru: 'Разрешение продлено',
          ky: 'Уруксат узартылды',
          kk: 'Рұқсат ұзартылды',
          uz: 'Ruxsatnoma uzaytirildi',
          tg: 'Иҷозат тамдид шуд',
          'fa-AF': 'اجازه تمدید شد',
        },
        trigger: after('renewal_application'),
        limit: null,
        note: CONFIRM,
      }),
    ],
  },
  {
    countryCode: 'KG',
    code: 'kg_extradition_request_analysis',
    name: {
      en: 'Analysis of an extradition request (emergency)',
      ru: 'Анализ запроса об экстрадиции (экстренно)',
      ky: 'Экстрадиция суроосун талдоо (шашылыш)',
      kk: 'Экстрадиция сұрауын талдау (шұғыл)',
      uz: 'Ekstraditsiya soʻrovini tahlil qilish (shoshilinch)',
      tg: 'Таҳлили дархости истирдод (фаврӣ)',
      'fa-AF': 'تحلیل درخواست استرداد (عاجل)',
    },
    legalBasis: 'Risk of refoulement: handle as an emergency.',
    emergency: true,
    active: true,
    steps: [
      step({
        key: 'detention_known',
        name: {
          en: 'Detention or request known',
          ru: 'Известно о задержании или запросе',
          ky: 'Кармалганы же суроо белгилүү болду',
          kk: 'Ұстау немесе сұрау белгілі болды',
          uz: 'Hibsga olish yoki soʻrov maʼlum boʻldi',
          tg: 'Дар бораи боздошт ё дархост маълум шуд',
          'fa-AF': 'بازداشت یا درخواست معلوم شد',
        },
        trigger: opened,
        limit: null,
        toConfirm: false,
      }),
      step({
        key: 'asylum_claim',
        name: {
          en: 'Asylum claim lodged from detention',
          ru: 'Подано ходатайство об убежище из-под стражи',
          ky: 'Камактан башпаанек суроо арызы берилди',
          kk: 'Қамаудан баспана туралы өтініш берілді',
          uz: 'Hibsdan boshpana soʻrovi topshirildi',
          tg: 'Дархости паноҳгоҳ аз боздоштгоҳ супорида шуд',
          'fa-AF': 'درخواست پناهندگی از بازداشتگاه ارائه شد',
        },
        trigger: after('detention_known'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'legal_analysis',
        name: {
          en: 'Legal analysis of the request',
          ru: 'Правовой анализ запроса',
          ky: 'Суроону укуктук талдоо',
          kk: 'Сұрауды құқықтық талдау',
          uz: 'Soʻrovni huquqiy tahlil qilish',
          tg: 'Таҳлили ҳуқуқии дархост',
          'fa-AF': 'تحلیل حقوقی درخواست',
        },
        trigger: after('detention_known'),
        limit: { amount: 2, unit: 'working_days', rollToWorkingDay: true },
        toConfirm: true,
        reminderDays: [1, 0],
        note: 'An internal target for an emergency, not a statutory limit.',
      }),
      step({
        key: 'appeal',
        name: {
          en: 'Appeal against the extradition decision',
          ru: 'Обжалование решения об экстрадиции',
          ky: 'Экстрадиция тууралуу чечимге даттануу',
          kk: 'Экстрадиция туралы шешімге шағымдану',
          uz: 'Ekstraditsiya haqidagi qarorga shikoyat',
          tg: 'Шикоят аз қарори истирдод',
          'fa-AF': 'استیناف علیه تصمیم استرداد',
        },
        trigger: after('legal_analysis'),
        limit: null,
        document: 'appeal',
        note: CONFIRM,
      }),
    ],
  },
];

/**
 * Fixed-date public holidays of 2026–2027. Movable feasts (Orozo/Oraza Ait, Kurman/Kurban Ait)
 * and transferred rest days are announced by decree each year and are added by an administrator.
 */
const FIXED_HOLIDAYS: Record<'KG' | 'KZ', Array<[string, string]>> = {
  KG: [
    ['01-01', 'New Year'],
    ['01-07', 'Orthodox Christmas'],
    ['02-23', 'Defender of the Fatherland Day'],
    ['03-08', "International Women's Day"],
    ['03-21', 'Nooruz'],
    ['04-07', 'Day of the People’s April Revolution'],
    ['05-01', 'Labour Day'],
    ['05-05', 'Constitution Day'],
    ['05-09', 'Victory Day'],
    ['08-31', 'Independence Day'],
    ['11-07', 'Days of History and Remembrance of Ancestors'],
    ['11-08', 'Days of History and Remembrance of Ancestors'],
  ],
  KZ: [
    ['01-01', 'New Year'],
    ['01-02', 'New Year'],
    ['01-07', 'Orthodox Christmas'],
    ['03-08', "International Women's Day"],
    ['03-21', 'Nauryz'],
    ['03-22', 'Nauryz'],
    ['03-23', 'Nauryz'],
    ['05-01', 'Unity Day'],
    ['05-07', 'Defender of the Fatherland Day'],
    ['05-09', 'Victory Day'],
    ['07-06', 'Capital Day'],
    ['08-30', 'Constitution Day'],
    ['10-25', 'Republic Day'],
    ['12-16', 'Independence Day'],
  ],
};

/** Shared templates and holidays; idempotent, and never overwrites what an administrator changed. */
export async function seedProcedures(db: Db): Promise<void> {
  for (const t of PROCEDURE_TEMPLATES) {
    const [existing] = await db
      .select({ id: procedureTemplates.id })
      .from(procedureTemplates)
      .where(and(eq(procedureTemplates.code, t.code), isNull(procedureTemplates.orgId)));
    if (!existing) await db.insert(procedureTemplates).values({ ...t, orgId: null });
  }
  const rows = Object.entries(FIXED_HOLIDAYS).flatMap(([countryCode, list]) =>
    [2026, 2027].flatMap((year) => list.map(([md, name]) => ({ countryCode, date: `${year}-${md}`, name }))),
  );
  await db.insert(holidays).values(rows).onConflictDoNothing();
}
