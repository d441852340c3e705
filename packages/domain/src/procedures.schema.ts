import { z } from 'zod';
import { zDueDate, zPageQuery, zPastDate, zVersion } from './common.schema.ts';
import { TIME_UNITS } from './deadlines.ts';

export const PROCEDURE_COUNTRIES = ['KG', 'KZ', 'UZ', 'TJ', 'TM'] as const;
export const DOCUMENT_KINDS = ['statelessness_application', 'information_request', 'appeal'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_LOCALES = ['ru', 'ky', 'kk', 'uz', 'en'] as const;

const zLocalised = z.record(z.string(), z.string().trim().max(300));

export const zTimeLimit = z.object({
  amount: z.int().min(1).max(3650),
  unit: z.enum(TIME_UNITS),
  rollToWorkingDay: z.boolean().default(true),
});

/** A step starts when its trigger happens: the procedure is opened, or an earlier step is done. */
export const zStepTrigger = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('procedure_opened') }),
  z.object({ kind: z.literal('step_done'), step: z.string().min(1).max(60) }),
]);

export const zTemplateStep = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .max(60),
  name: zLocalised,
  trigger: zStepTrigger,
  /** Null when the sources give no time limit: the step has no due date until an admin sets one. */
  limit: zTimeLimit.nullable(),
  /** The limit (or its absence) is not confirmed against the law; shown as "to confirm". */
  toConfirm: z.boolean().default(false),
  /** Days before the due date to remind the lawyer; 0 is the day itself. */
  reminderDays: z.array(z.int().min(0).max(90)).max(5).default([7, 1]),
  document: z.enum(DOCUMENT_KINDS).nullable().default(null),
  note: z.string().trim().max(1000).nullable().default(null),
});
export type TemplateStep = z.infer<typeof zTemplateStep>;

const stepsAreConsistent = (steps: TemplateStep[], ctx: z.RefinementCtx) => {
  const keys = new Set<string>();
  steps.forEach((step, i) => {
    if (keys.has(step.key))
      ctx.addIssue({ code: 'custom', path: ['steps', i, 'key'], message: 'duplicate step key' });
    if (step.trigger.kind === 'step_done' && !keys.has(step.trigger.step))
      ctx.addIssue({
        code: 'custom',
        path: ['steps', i, 'trigger', 'step'],
        message: 'must name an earlier step',
      });
    keys.add(step.key);
  });
};

export const zProcedureTemplateInput = z
  .object({
    countryCode: z.enum(PROCEDURE_COUNTRIES),
    code: z
      .string()
      .regex(/^[a-z0-9_]+$/)
      .max(60),
    name: zLocalised,
    legalBasis: z.string().trim().max(1000).nullable().default(null),
    emergency: z.boolean().default(false),
    steps: z.array(zTemplateStep).min(1).max(40),
    active: z.boolean().default(true),
  })
  .superRefine((t, ctx) => stepsAreConsistent(t.steps, ctx));
export type ProcedureTemplateInput = z.infer<typeof zProcedureTemplateInput>;

export const zProcedureTemplateUpdate = z
  .object({
    version: zVersion,
    name: zLocalised.optional(),
    legalBasis: z.string().trim().max(1000).nullable().optional(),
    emergency: z.boolean().optional(),
    steps: z.array(zTemplateStep).min(1).max(40).optional(),
    active: z.boolean().optional(),
  })
  .superRefine((t, ctx) => {
    if (t.steps) stepsAreConsistent(t.steps, ctx);
  });

export const zProcedureTemplate = z.object({
  id: z.uuid(),
  orgId: z.uuid().nullable(),
  countryCode: z.enum(PROCEDURE_COUNTRIES),
  code: z.string(),
  name: z.record(z.string(), z.string()),
  legalBasis: z.string().nullable(),
  emergency: z.boolean(),
  steps: z.array(zTemplateStep),
  active: z.boolean(),
  version: z.int(),
});
export type ProcedureTemplate = z.infer<typeof zProcedureTemplate>;

export const zHoliday = z.object({
  id: z.uuid(),
  countryCode: z.enum(PROCEDURE_COUNTRIES),
  date: z.iso.date(),
  name: z.string(),
  kind: z.enum(['holiday', 'working_day']),
});
export const zHolidayInput = zHoliday.omit({ id: true }).extend({ name: z.string().trim().min(2).max(200) });
export const zHolidayQuery = z.object({
  countryCode: z.enum(PROCEDURE_COUNTRIES),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const STEP_STATUSES = ['waiting', 'running', 'done', 'skipped'] as const;

export const zProcedureStep = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  status: z.enum(STEP_STATUSES),
  startedOn: z.string().nullable(),
  dueDate: z.string().nullable(),
  doneOn: z.string().nullable(),
  toConfirm: z.boolean(),
  overdue: z.boolean(),
  daysLeft: z.int().nullable(),
  document: z.enum(DOCUMENT_KINDS).nullable(),
  note: z.string().nullable(),
  version: z.int(),
});

export const zProcedure = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  templateId: z.uuid(),
  code: z.string(),
  name: z.string(),
  countryCode: z.enum(PROCEDURE_COUNTRIES),
  emergency: z.boolean(),
  status: z.enum(['open', 'closed']),
  openedOn: z.string(),
  steps: z.array(zProcedureStep),
  version: z.int(),
});
export type Procedure = z.infer<typeof zProcedure>;

export const zOpenProcedureInput = z.object({
  templateId: z.uuid(),
  /** The day the procedure started (the application was filed); defaults to today in its country. */
  openedOn: zPastDate.optional(),
});

export const zStepUpdate = z.discriminatedUnion('action', [
  z.object({ version: zVersion, action: z.literal('done'), doneOn: zPastDate.optional() }),
  z.object({ version: zVersion, action: z.literal('skip'), note: z.string().trim().min(3).max(500) }),
  z.object({
    version: zVersion,
    action: z.literal('set_due'),
    dueDate: zDueDate,
    note: z.string().trim().min(3).max(500),
  }),
]);

export const zDeadline = z.object({
  stepId: z.uuid(),
  procedureId: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  procedureName: z.string(),
  stepName: z.string(),
  countryCode: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  daysLeft: z.int(),
  toConfirm: z.boolean(),
  assignedName: z.string().nullable(),
});
export const zDeadlineQuery = zPageQuery.extend({
  range: z.enum(['overdue', 'week', 'month', 'all']).default('week'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  mine: z.enum(['true', 'false']).default('false'),
});

export const zDocumentQuery = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  locale: z.enum(DOCUMENT_LOCALES).default('ru'),
  format: z.enum(['docx', 'pdf']).default('docx'),
});

export const zTemplateListQuery = z.object({ countryCode: z.string().length(2).optional() });
export const zProcedureTemplateCreate = zProcedureTemplateInput.and(
  z.object({ shared: z.boolean().default(false) }),
);
export const zStepParams = z.object({ id: z.uuid(), stepId: z.uuid() });
export const zDocumentParams = z.object({ id: z.uuid(), kind: z.enum(DOCUMENT_KINDS) });
export const zDocumentFileQuery = zDocumentQuery.omit({ kind: true });
export type Holiday = z.infer<typeof zHoliday>;
export type Deadline = z.infer<typeof zDeadline>;
export type StepUpdate = z.infer<typeof zStepUpdate>;
