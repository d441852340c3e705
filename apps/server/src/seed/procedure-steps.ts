import type { TemplateStep } from '@komek/domain';

/** Building blocks of the seeded procedure templates. */
type StepSeed = Omit<TemplateStep, 'toConfirm' | 'reminderDays' | 'document' | 'note'> &
  Partial<Pick<TemplateStep, 'toConfirm' | 'reminderDays' | 'document' | 'note'>>;

export const step = (s: StepSeed): TemplateStep => ({
  toConfirm: s.limit === null,
  reminderDays: [7, 1],
  document: null,
  note: null,
  ...s,
});
export const opened = { kind: 'procedure_opened' } as const;
export const after = (key: string) => ({ kind: 'step_done', step: key }) as const;
export const APPLICATION_FILED = {
  en: 'Application filed',
  ru: 'Заявление подано',
  ky: 'Арыз берилди',
  kk: 'Өтініш берілді',
  uz: 'Ariza topshirildi',
  tg: 'Ариза супорида шуд',
  'fa-AF': 'درخواست ارائه شد',
};
export const APPEAL_AGAINST_REFUSAL = {
  en: 'Appeal against a refusal',
  ru: 'Обжалование отказа',
  ky: 'Баш тартууга даттануу',
  kk: 'Бас тартуға шағымдану',
  uz: 'Rad etish ustidan shikoyat',
  tg: 'Шикоят аз рад',
  'fa-AF': 'استیناف علیه رد',
};
export const CONFIRM =
  'No time limit in the project sources: set it from the law in force before relying on it.';
