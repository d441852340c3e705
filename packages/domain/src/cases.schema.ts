import { z } from 'zod';
import {
  CASE_OUTCOMES,
  CASE_PRIORITIES,
  CASE_STATUSES,
  CHANNELS,
  HEARING_KINDS,
  INTERVENTION_TYPES,
  LEGAL_PROBLEMS,
  OPEN_TASK_CHOICES,
  POPULATION_TYPES,
} from './casework.enums.ts';
import { zClientId, zDueDate, zPageQuery, zVersion } from './common.schema.ts';
import { ATTACHMENT_MAX_BYTES } from './limits.ts';
import { LOCALES } from './locales.ts';
import { zPersonSummary } from './persons.schema.ts';

const isoDate = z.iso.date();

export const zEligibilityAnswer = z.object({
  criterion: z.string().min(1).max(60),
  passed: z.boolean(),
});

export const zCaseInput = z.object({
  id: zClientId,
  personIds: z.array(z.uuid()).min(1).max(20),
  problems: z.array(z.enum(LEGAL_PROBLEMS)).min(1).max(LEGAL_PROBLEMS.length),
  priority: z.enum(CASE_PRIORITIES).default('normal'),
  summary: z.string().trim().max(4000).optional().nullable(),
  assignedTo: z.uuid().optional().nullable(),
  eligibility: z.array(zEligibilityAnswer).max(30).default([]),
  /** Required when any eligibility criterion failed and the case is opened anyway. */
  eligibilityOverrideReason: z.string().trim().min(5).max(1000).optional().nullable(),
});
export type CaseInput = z.infer<typeof zCaseInput>;

export const zCaseUpdate = z.object({
  version: zVersion,
  problems: z.array(z.enum(LEGAL_PROBLEMS)).min(1).optional(),
  priority: z.enum(CASE_PRIORITIES).optional(),
  summary: z.string().trim().max(4000).optional().nullable(),
  assignedTo: z.uuid().optional().nullable(),
  /** Restricts the case to the people named on it and supervisors; only a supervisor lifts it. */
  restricted: z.boolean().optional(),
});

export const zCaseTransition = z.discriminatedUnion('to', [
  z.object({ version: zVersion, to: z.literal('open') }),
  z.object({
    version: zVersion,
    to: z.literal('pending_authority'),
    authority: z.string().trim().min(2).max(300),
  }),
  z.object({
    version: zVersion,
    to: z.literal('closed'),
    outcome: z.enum(CASE_OUTCOMES),
    closingNote: z.string().trim().max(2000).optional().nullable(),
    /** Required while the case has open tasks. */
    openTasks: z.enum(OPEN_TASK_CHOICES).optional(),
  }),
]);
export type CaseTransition = z.infer<typeof zCaseTransition>;

export const zCase = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  officeId: z.uuid().nullable(),
  caseNumber: z.string(),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(CASE_PRIORITIES),
  problems: z.array(z.enum(LEGAL_PROBLEMS)),
  summary: z.string().nullable(),
  assignedTo: z.uuid().nullable(),
  assignedName: z.string().nullable(),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  closeRequested: z
    .object({
      outcome: z.enum(CASE_OUTCOMES),
      by: z.uuid(),
      at: z.string(),
      note: z.string().nullable(),
      openTasks: z.enum(OPEN_TASK_CHOICES).nullable().optional(),
    })
    .nullable(),
  pendingAuthority: z.string().nullable(),
  eligibility: z.array(zEligibilityAnswer),
  eligibilityOverrideReason: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  persons: z.array(zPersonSummary),
  populationType: z.enum(POPULATION_TYPES).nullable(),
  districtId: z.string().nullable(),
  restricted: z.boolean(),
  overdueTasks: z.int(),
  createdAt: z.string(),
  version: z.int(),
});
export type Case = z.infer<typeof zCase>;

export const CASE_SORTS = ['opened_desc', 'opened_asc', 'priority', 'number'] as const;

export const zCaseListQuery = zPageQuery.extend({
  status: z.enum(CASE_STATUSES).optional(),
  priority: z.enum(CASE_PRIORITIES).optional(),
  problem: z.enum(LEGAL_PROBLEMS).optional(),
  districtId: z.string().max(64).optional(),
  populationType: z.enum(POPULATION_TYPES).optional(),
  assignedTo: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Cases whose closing waits for a supervisor's approval: the approval queue. */
  awaitingApproval: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
  personId: z.uuid().optional(),
  /**
   * Only cases that changed after this time — the case itself, anything in its activity, or one of
   * its people: a device's sync reads again only what moved since its last one.
   */
  changedSince: z.iso.datetime({ offset: true }).optional(),
  sort: z.enum(CASE_SORTS).default('opened_desc'),
});
export type CaseListQuery = z.infer<typeof zCaseListQuery>;

export const zInterventionInput = z.object({
  id: zClientId,
  type: z.enum(INTERVENTION_TYPES),
  date: isoDate.refine((d) => d <= new Date().toISOString().slice(0, 10), {
    params: { code: 'date_in_future' },
  }),
  durationMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
  channel: z.enum(CHANNELS),
  language: z.string().trim().min(2).max(10),
  summary: z.string().trim().max(4000).optional().nullable(),
});
export const zIntervention = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  type: z.enum(INTERVENTION_TYPES),
  date: z.string(),
  durationMinutes: z.int(),
  channel: z.enum(CHANNELS),
  language: z.string(),
  summary: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
});

export const zNoteInput = z.object({ id: zClientId, body: z.string().trim().min(1).max(10_000) });
export const zNote = z.object({
  id: z.uuid(),
  body: z.string(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
});

export const zTaskInput = z.object({
  title: z.string().trim().min(1).max(300),
  dueDate: zDueDate,
  assignedTo: z.uuid().optional().nullable(),
});
export const zTask = z.object({
  id: z.uuid(),
  title: z.string(),
  dueDate: z.string(),
  assignedTo: z.uuid().nullable(),
  doneAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  overdue: z.boolean(),
});
export const zTaskUpdate = z.object({ done: z.boolean() });
/** The open tasks given to the user, due between two days: the calendar's other half. */
export const zMyTasksQuery = z.object({ from: z.iso.date(), to: z.iso.date() });
export const zMyTask = zTask.extend({ caseId: z.uuid(), caseNumber: z.string() });
export type MyTask = z.infer<typeof zMyTask>;

/**
 * A hearing or interview on a case. The time is the court's local time, kept as written ("09:30"):
 * everyone who attends is in the same place, so no time zone is converted.
 */
export const zHearingInput = z.object({
  id: zClientId,
  kind: z.enum(HEARING_KINDS),
  date: zDueDate,
  time: z
    .string()
    .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), { params: { code: 'time_format' } })
    .optional()
    .nullable(),
  place: z.string().trim().min(2).max(200),
  note: z.string().trim().max(1000).optional().nullable(),
});
export const zHearing = z.object({
  id: z.uuid(),
  kind: z.enum(HEARING_KINDS),
  date: z.string(),
  time: z.string().nullable(),
  place: z.string(),
  note: z.string().nullable(),
  createdBy: z.uuid().nullable(),
});
export type Hearing = z.infer<typeof zHearing>;
export const zHearingParams = z.object({ id: z.uuid(), hearingId: z.uuid() });
/** Hearings between two days on the cases the user may read — all of them, or those assigned to the user. */
export const zHearingsQuery = zMyTasksQuery.extend({ mine: z.enum(['true', 'false']).default('true') });
export const zCalendarHearing = zHearing
  .omit({ note: true })
  .extend({ caseId: z.uuid(), caseNumber: z.string() });

/** What happened on a case, newest first: its interventions, notes, tasks and status changes. */
export const zCaseEvent = z.object({
  at: z.string(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
  by: z.string().nullable(),
});

export const zCaseload = z.object({
  byStatus: z.record(z.string(), z.int()),
  byPriority: z.record(z.string(), z.int()),
  overdueTasks: z.int(),
  awaitingCloseApproval: z.int(),
  byAssignee: z.array(z.object({ userId: z.uuid().nullable(), name: z.string().nullable(), open: z.int() })),
});

/** What may be attached to a case: scans and photos of documents, office files. */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'text/plain': 'txt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/msword': 'doc',
} as const;

export const zAttachmentUpload = z.object({
  filename: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((name) => !/[\\/\0]/.test(name), { message: 'no path separators' }),
  mimeType: z.enum(
    Object.keys(ATTACHMENT_TYPES) as [keyof typeof ATTACHMENT_TYPES, ...Array<keyof typeof ATTACHMENT_TYPES>],
  ),
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'not base64' }),
});
export const zAttachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.int(),
  createdAt: z.string(),
  createdBy: z.uuid().nullable(),
});

export const zSavedViewInput = z.object({
  module: z.enum(['cases', 'persons']),
  name: z.string().trim().min(1).max(100),
  filters: z
    .record(z.string().max(40), z.string().max(200))
    .refine((f) => Object.keys(f).length <= 20, { message: 'too many filters' }),
});
export const zSavedView = zSavedViewInput.extend({ id: z.uuid(), createdAt: z.string() });

export const zEligibilityCriterionInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,59}$/),
  /** The wording in each language written, keyed by locale; at least one. */
  label: z
    .partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(300))
    .refine((l) => Object.keys(l).length > 0, { params: { code: 'wording_required' } }),
});
export const zEligibilityCriterion = zEligibilityCriterionInput.extend({
  id: z.uuid(),
  active: z.boolean(),
  version: z.int(),
});
export const zEligibilityCriterionUpdate = z.object({
  version: zVersion,
  active: z.boolean().optional(),
  label: zEligibilityCriterionInput.shape.label.optional(),
});

export const zCaseloadQuery = z.object({ mine: z.enum(['true', 'false']).default('false') });
export const zCaseExportQuery = zCaseListQuery
  .omit({ limit: true, offset: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export const zCasePrecheckInput = z.object({ personIds: z.array(z.uuid()).min(1).max(20) });
/** Open cases of the people about to get a new one; those the caller may not see only counted. */
export const zCasePrecheck = z.object({ openCases: z.array(zCase), hiddenOpenCases: z.int() });
export const zEligibilityCriterionLabels = z.object({
  items: z.array(z.object({ code: z.string(), label: z.record(z.string(), z.string()) })),
});
export const zCaseActivity = z.object({
  interventions: z.array(zIntervention),
  notes: z.array(zNote),
  tasks: z.array(zTask),
  hearings: z.array(zHearing),
  events: z.array(zCaseEvent),
});
export type CaseActivity = z.infer<typeof zCaseActivity>;
export type Intervention = z.infer<typeof zIntervention>;
export type Note = z.infer<typeof zNote>;
export type Attachment = z.infer<typeof zAttachment>;
export type Task = z.infer<typeof zTask>;
export const zTaskParams = z.object({ id: z.uuid(), taskId: z.uuid() });
export type SavedViewInput = z.infer<typeof zSavedViewInput>;
export const zSavedViewQuery = z.object({ module: zSavedViewInput.shape.module });
export type SavedView = z.infer<typeof zSavedView>;
export type EligibilityCriterionInput = z.infer<typeof zEligibilityCriterionInput>;
export type EligibilityCriterionUpdate = z.infer<typeof zEligibilityCriterionUpdate>;
export type EligibilityCriterion = z.infer<typeof zEligibilityCriterion>;

export const zAttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
