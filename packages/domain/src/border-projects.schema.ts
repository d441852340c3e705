import { z } from 'zod';
import { SEXES } from './casework.enums.ts';
import { zClientId, zPastDate, zVersion } from './common.schema.ts';
import { BORDER_SEGMENTS } from './incidents.schema.ts';
import { AGE_BRACKETS } from './results.schema.ts';

/** The currencies of the region's budgets and grants, and the dollar donors count in. */
export const CURRENCIES = ['KGS', 'KZT', 'TJS', 'UZS', 'TMT', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Who carries a measure out in a border community: the cross-monitoring's "State bodies and civil society". */
export const IMPLEMENTER_KINDS = [
  'state_body',
  'local_government',
  'security_forces',
  'civil_society',
  'international',
  'community',
] as const;
export const PROJECT_SECTORS = [
  'water',
  'land_pasture',
  'roads_infrastructure',
  'security',
  'education',
  'health',
  'livelihoods',
  'peacebuilding',
  'other',
] as const;
export type ProjectSector = (typeof PROJECT_SECTORS)[number];
export const PROJECT_STATUSES = ['planned', 'ongoing', 'completed', 'suspended'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

const projectFields = {
  title: z.string().trim().min(3).max(300),
  implementer: z.string().trim().min(2).max(200),
  implementerKind: z.enum(IMPLEMENTER_KINDS),
  sector: z.enum(PROJECT_SECTORS),
  description: z.string().trim().max(4000).nullable().default(null),
  districtId: z.string().max(64),
  community: z.string().trim().max(200).nullable().default(null),
  segment: z.enum(BORDER_SEGMENTS).nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  startsOn: z.iso.date(),
  endsOn: z.iso.date().nullable().default(null),
  budget: z.number().min(0).max(1e12).nullable().default(null),
  currency: z.enum(CURRENCIES).nullable().default(null),
  status: z.enum(PROJECT_STATUSES),
};
const ordered = <T extends { startsOn: string; endsOn: string | null }>(p: T) =>
  !p.endsOn || p.endsOn >= p.startsOn;
const priced = <T extends { budget: number | null; currency: string | null }>(p: T) =>
  p.budget === null || p.currency !== null;

export const zProjectInput = z
  .object({ id: zClientId, ...projectFields })
  .refine(ordered, { path: ['endsOn'], params: { code: 'validity_order' } })
  .refine(priced, { path: ['currency'], params: { code: 'currency_required' } });
export const zProjectUpdate = z
  .object({ version: zVersion, ...projectFields })
  .refine(ordered, { path: ['endsOn'], params: { code: 'validity_order' } })
  .refine(priced, { path: ['currency'], params: { code: 'currency_required' } });

export const FEEDBACK_SENTIMENTS = ['positive', 'mixed', 'negative'] as const;
export type FeedbackSentiment = (typeof FEEDBACK_SENTIMENTS)[number];

/** What a resident said of a measure, in their words, with who they are in counts' terms only. */
export const zFeedbackInput = z.object({
  id: zClientId,
  receivedOn: zPastDate,
  sentiment: z.enum(FEEDBACK_SENTIMENTS),
  topic: z.enum(PROJECT_SECTORS),
  /** The resident's own words; sealed, never in a list or a report. */
  verbatim: z.string().trim().min(3).max(4000),
  sex: z.enum(SEXES),
  age: z.enum([...AGE_BRACKETS, 'unknown']),
});

export const zFeedback = z.object({
  id: z.uuid(),
  receivedOn: z.string(),
  sentiment: z.enum(FEEDBACK_SENTIMENTS),
  topic: z.enum(PROJECT_SECTORS),
  verbatim: z.string(),
  sex: z.enum(SEXES),
  age: z.enum([...AGE_BRACKETS, 'unknown']),
  byName: z.string().nullable(),
});
export type Feedback = z.infer<typeof zFeedback>;

export const zProject = z.object({
  id: z.uuid(),
  title: z.string(),
  implementer: z.string(),
  implementerKind: z.enum(IMPLEMENTER_KINDS),
  sector: z.enum(PROJECT_SECTORS),
  description: z.string().nullable(),
  districtId: z.string(),
  community: z.string().nullable(),
  segment: z.enum(BORDER_SEGMENTS).nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  budget: z.number().nullable(),
  currency: z.enum(CURRENCIES).nullable(),
  status: z.enum(PROJECT_STATUSES),
  /** How residents spoke of it: counts by sentiment. */
  feedbackCounts: z.object({ positive: z.int(), mixed: z.int(), negative: z.int() }),
  /** The residents' feedback itself, newest first; only on the one project read. */
  feedback: z.array(zFeedback),
  version: z.int(),
});
export type Project = z.infer<typeof zProject>;

export const zProjectListQuery = z.object({
  districtId: z.string().max(64).optional(),
  sector: z.enum(PROJECT_SECTORS).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  /** Projects running at some time in this window (the incidents map's window). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
