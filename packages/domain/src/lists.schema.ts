import { z } from 'zod';
import { zMatchFinding, zPersonSummary } from './persons.schema.ts';

export const LIST_DECISIONS = ['match', 'review', 'none'] as const;
/** A person's word on a pair the model was unsure of. */
export const LIST_VERDICTS = ['confirmed', 'rejected'] as const;
export type ListVerdict = (typeof LIST_VERDICTS)[number];

/** An uploaded list of names, matched against the registry in the background. */
export const zList = z.object({
  id: z.uuid(),
  name: z.string(),
  filename: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.int(),
  total: z.int(),
  matched: z.int(),
  review: z.int(),
  unmatched: z.int(),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type List = z.infer<typeof zList>;

export const zListRecord = z.object({
  firstName: z.string(),
  lastName: z.string(),
  patronymic: z.string().nullable(),
  sex: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
});

export const zListRow = z.object({
  id: z.uuid(),
  externalId: z.string(),
  record: zListRecord,
  decision: z.enum(LIST_DECISIONS).nullable(),
  personId: z.uuid().nullable(),
  score: z.number().nullable(),
  /** The registered person the row was matched or compared to, when the reader may see them. */
  person: zPersonSummary.nullable(),
  /** What each field showed against that person, with its weight. */
  findings: z.array(zMatchFinding).nullable(),
  review: z
    .object({ verdict: z.enum(LIST_VERDICTS), reviewedBy: z.uuid().nullable(), reviewedAt: z.string() })
    .nullable(),
  followUp: z
    .object({ assignedTo: z.uuid(), dueDate: z.string().nullable(), doneAt: z.string().nullable() })
    .nullable(),
});
export type ListRow = z.infer<typeof zListRow>;

/** Confirm that the row is the registered person shown, or reject it: the row is then not found. */
export const zListReview = z.object({ verdict: z.enum(LIST_VERDICTS) });
export type ListReview = z.infer<typeof zListReview>;

export const zMyFollowUp = z.object({
  id: z.uuid(),
  listId: z.uuid(),
  listName: z.string(),
  externalId: z.string(),
  record: zListRecord,
  dueDate: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type MyFollowUp = z.infer<typeof zMyFollowUp>;

export const zListUpload = z.object({
  name: z.string().trim().min(2).max(200),
  filename: z.string().trim().min(1).max(200),
  contentBase64: z.base64().max(14_000_000),
});
export type ListUpload = z.infer<typeof zListUpload>;

export const zListRowQuery = z.object({ decision: z.enum(LIST_DECISIONS).optional() });
export const zFollowUpInput = z.object({
  rowIds: z.array(z.uuid()).min(1).max(1000),
  assignedTo: z.uuid(),
  dueDate: z.iso.date(),
});
export type FollowUpInput = z.infer<typeof zFollowUpInput>;
export const zFollowUpsCreated = z.object({ created: z.int() });
export const zListRowParams = z.object({ id: z.uuid(), rowId: z.uuid() });
export const zFollowUpDone = z.object({ done: z.boolean() });
export type ListDecision = (typeof LIST_DECISIONS)[number];
