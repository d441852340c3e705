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
    name: { en: 'Statelessness status determination', ru: 'Определение статуса лица без гражданства' },
    legalBasis:
      'Rules of 12 April 2024 on statelessness status determination; Administrative Procedural Code',
    emergency: false,
    active: true,
    steps: [
      step({
        key: 'application',
        name: { en: 'Application filed', ru: 'Заявление подано' },
        trigger: opened,
        limit: null,
        toConfirm: false,
        document: 'statelessness_application',
        note: 'Mark done on the filing day: the decision clock starts then.',
      }),
      step({
        key: 'receipt_certificate',
        name: { en: 'Receipt certificate issued', ru: 'Выдана справка о принятии заявления' },
        trigger: after('application'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'hearing',
        name: { en: 'Heard before any refusal', ru: 'Заслушивание до решения об отказе' },
        trigger: after('application'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'decision',
        name: { en: 'Decision on the application', ru: 'Решение по заявлению' },
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
        },
        trigger: after('decision'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'appeal',
        name: { en: 'Appeal against a refusal', ru: 'Обжалование отказа' },
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
    },
    legalBasis: null,
    emergency: false,
    active: true,
    steps: [
      step({
        key: 'application',
        name: { en: 'Application filed', ru: 'Заявление подано' },
        trigger: opened,
        limit: null,
        toConfirm: false,
      }),
      step({
        key: 'documents_checked',
        name: { en: 'Documents checked by the authority', ru: 'Документы проверены органом' },
        trigger: after('application'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'decision',
        name: { en: 'Decision on citizenship', ru: 'Решение о гражданстве' },
        trigger: after('application'),
        limit: null,
        document: 'information_request',
        note: CONFIRM,
      }),
      step({
        key: 'passport',
        name: { en: 'Passport issued', ru: 'Паспорт выдан' },
        trigger: after('decision'),
        limit: null,
        note: CONFIRM,
      }),
    ],
  },
  {
    countryCode: 'KG',
    code: 'kg_late_birth_registration',
    name: { en: 'Late birth registration', ru: 'Поздняя регистрация рождения' },
    legalBasis: null,
    emergency: false,
    active: true,
    steps: [
      step({
        key: 'evidence',
        name: {
          en: 'Proof of birth gathered (medical record, witnesses)',
          ru: 'Собраны доказательства рождения',
        },
        trigger: opened,
        limit: null,
        toConfirm: false,
      }),
      step({
        key: 'registry_application',
        name: { en: 'Application to the civil registry', ru: 'Заявление в ЗАГС' },
        trigger: after('evidence'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'registry_answer',
        name: { en: 'Registry answer', ru: 'Ответ ЗАГС' },
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
    name: { en: 'Refugee status determination', ru: 'Определение статуса беженца' },
    legalBasis: null,
    emergency: false,
    active: true,
    steps: [
      step({
        key: 'application',
        name: { en: 'Asylum application registered', ru: 'Ходатайство зарегистрировано' },
        trigger: opened,
        limit: null,
        toConfirm: false,
      }),
      step({
        key: 'interview',
        name: { en: 'Interview', ru: 'Собеседование' },
        trigger: after('application'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'decision',
        name: { en: 'Decision on refugee status', ru: 'Решение о статусе беженца' },
        trigger: after('application'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'appeal',
        name: { en: 'Appeal against a refusal', ru: 'Обжалование отказа' },
        trigger: after('decision'),
        limit: null,
        document: 'appeal',
        note: CONFIRM,
      }),
      step({
        key: 'court_decision',
        name: { en: 'Court decision on the appeal', ru: 'Решение суда по жалобе' },
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
    },
    legalBasis: 'Refugees are issued one-year residence permits, renewed every year.',
    emergency: false,
    active: true,
    steps: [
      step({
        key: 'permit_expires',
        name: { en: 'Current permit expires', ru: 'Истекает срок разрешения' },
        trigger: opened,
        limit: { amount: 12, unit: 'months', rollToWorkingDay: false },
        toConfirm: false,
        reminderDays: [60, 30, 7],
        note: 'Open the procedure on the day the current permit was issued.',
      }),
      step({
        key: 'renewal_application',
        name: { en: 'Renewal application filed', ru: 'Подано заявление о продлении' },
        trigger: opened,
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'renewed',
        name: { en: 'Permit renewed', ru: 'Разрешение продлено' },
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
    },
    legalBasis: 'Risk of refoulement: handle as an emergency.',
    emergency: true,
    active: true,
    steps: [
      step({
        key: 'detention_known',
        name: { en: 'Detention or request known', ru: 'Известно о задержании или запросе' },
        trigger: opened,
        limit: null,
        toConfirm: false,
      }),
      step({
        key: 'asylum_claim',
        name: { en: 'Asylum claim lodged from detention', ru: 'Подано ходатайство об убежище из-под стражи' },
        trigger: after('detention_known'),
        limit: null,
        note: CONFIRM,
      }),
      step({
        key: 'legal_analysis',
        name: { en: 'Legal analysis of the request', ru: 'Правовой анализ запроса' },
        trigger: after('detention_known'),
        limit: { amount: 2, unit: 'working_days', rollToWorkingDay: true },
        toConfirm: true,
        reminderDays: [1, 0],
        note: 'An internal target for an emergency, not a statutory limit.',
      }),
      step({
        key: 'appeal',
        name: { en: 'Appeal against the extradition decision', ru: 'Обжалование решения об экстрадиции' },
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
