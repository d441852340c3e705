import { z } from 'zod';
import { POPULATION_TYPES, SEXES } from './casework.enums.ts';
import { zPastDate, zVersion } from './common.schema.ts';
import { ORGANISATION_TYPES } from './roles.ts';

export const AGE_BRACKETS = ['0-4', '5-11', '12-17', '18-59', '60+'] as const;
export type AgeBracket = (typeof AGE_BRACKETS)[number];

/** The bracket of an age in whole years; null when the age is unknown. */
export function ageBracket(age: number | null | undefined): AgeBracket | null {
  if (age === null || age === undefined || age < 0) return null;
  if (age <= 4) return '0-4';
  if (age <= 11) return '5-11';
  if (age <= 17) return '12-17';
  if (age <= 59) return '18-59';
  return '60+';
}

/**
 * Counts from 1 to `below - 1` leave the organisation as "<5" (or "<N"): small groups of people
 * in small districts can be recognised. Zero stays zero; the threshold is configurable.
 */
export function suppress(n: number, below = 5): number | string {
  return n > 0 && n < below ? `<${below}` : n;
}

export const INDICATOR_LEVELS = ['impact', 'outcome', 'output'] as const;
export const INDICATOR_UNITS = ['number', 'percentage', 'text'] as const;
export const INDICATOR_SOURCES = ['computed', 'entered'] as const;

/** What the system can count from its own records for a period; each one a person count unless named. */
export const COMPUTATIONS = [
  'people_legal_assistance',
  'people_protection_services',
  'nationality_granted_or_confirmed',
  'residency_granted_or_confirmed',
  'referrals_completed',
  'procedures_won',
] as const;
export type Computation = (typeof COMPUTATIONS)[number];

const zLocalised = z.record(z.string(), z.string().trim().max(500));

const zIndicatorFields = z.object({
  code: z.string().trim().min(1).max(30),
  name: zLocalised,
  level: z.enum(INDICATOR_LEVELS),
  area: z.string().trim().max(60),
  populationTypes: z.array(z.enum(POPULATION_TYPES)).max(POPULATION_TYPES.length).default([]),
  unit: z.enum(INDICATOR_UNITS),
  source: z.enum(INDICATOR_SOURCES),
  computation: z.enum(COMPUTATIONS).nullable().default(null),
  active: z.boolean().default(true),
});
export const zIndicatorInput = zIndicatorFields.refine(
  (i) => (i.source === 'computed') === (i.computation !== null),
  { path: ['computation'], message: 'a computed indicator names its computation; an entered one has none' },
);
export type IndicatorInput = z.infer<typeof zIndicatorInput>;
/** Source and computation are fixed once set: changing what an indicator counts would rewrite its history. */
export const zIndicatorUpdate = zIndicatorFields
  .omit({ source: true, computation: true, code: true })
  .partial()
  .extend({ version: zVersion });

export const zIndicator = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  code: z.string(),
  name: z.record(z.string(), z.string()),
  level: z.enum(INDICATOR_LEVELS),
  area: z.string(),
  populationTypes: z.array(z.enum(POPULATION_TYPES)),
  unit: z.enum(INDICATOR_UNITS),
  source: z.enum(INDICATOR_SOURCES),
  computation: z.enum(COMPUTATIONS).nullable(),
  active: z.boolean(),
  version: z.int(),
});
export type Indicator = z.infer<typeof zIndicator>;

export const zIndicatorValueInput = z.object({
  year: z.int().min(2000).max(2100),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  populationType: z.enum(POPULATION_TYPES),
  baseline: z.number().nullable().default(null),
  target: z.number().nullable().default(null),
  /** Only for entered indicators; a computed one takes its actual from the records. */
  actual: z.number().nullable().default(null),
  actualText: z.string().trim().max(200).nullable().default(null),
});
export const zIndicatorValues = z.object({ values: z.array(zIndicatorValueInput).max(200) });

/** Counts by sex × age bracket, and by disability, for one cell of a results table. */
export const zDisaggregation = z.object({
  bySexAge: z.array(
    z.object({
      sex: z.enum(SEXES),
      age: z.enum([...AGE_BRACKETS, 'unknown']),
      n: z.union([z.int(), z.string()]),
    }),
  ),
  withDisability: z.union([z.int(), z.string()]),
});

export const zResultRow = z.object({
  countryCode: z.string(),
  populationType: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  actual: z.union([z.number(), z.string()]).nullable(),
  actualText: z.string().nullable(),
  /** (actual − baseline) / (target − baseline); null without a baseline and a different target. */
  progress: z.number().nullable(),
  disaggregation: zDisaggregation.nullable(),
});

export const zIndicatorResult = z.object({
  indicator: zIndicator,
  name: z.string(),
  rows: z.array(zResultRow),
  byDistrict: z.array(z.object({ districtId: z.string(), n: z.union([z.int(), z.string()]) })).optional(),
});
export type IndicatorResult = z.infer<typeof zIndicatorResult>;

export const zResultsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  suppress: z.enum(['true', 'false']).default('false'),
});

export const ACTIVITY_TYPES = [
  'coordination_meeting',
  'training',
  'awareness_session',
  'border_monitoring',
  'working_group_consultation',
] as const;
export const AUDIENCES = [
  'judges',
  'border_guards',
  'officials',
  'lawyers',
  'community',
  'ngo_staff',
  'other',
] as const;

export const zParticipants = z.object({
  sex: z.enum(SEXES),
  age: z.enum([...AGE_BRACKETS, 'unknown']),
  orgType: z.enum([...ORGANISATION_TYPES, 'government', 'community']),
  count: z.int().min(1).max(100_000),
});

export const zActivityInput = z.object({
  type: z.enum(ACTIVITY_TYPES),
  title: z.string().trim().min(3).max(300),
  date: zPastDate,
  districtId: z.string().max(64).nullable().default(null),
  organisers: z.string().trim().max(500).nullable().default(null),
  audience: z.enum(AUDIENCES).nullable().default(null),
  participants: z.array(zParticipants).max(100).default([]),
  checkpoint: z.string().trim().max(200).nullable().default(null),
  findings: z.string().trim().max(5000).nullable().default(null),
});
export const zActivityUpdate = zActivityInput.partial().extend({ version: zVersion });
export const zActivity = zActivityInput.extend({
  id: z.uuid(),
  orgId: z.uuid(),
  participantsTotal: z.int(),
  version: z.int(),
});
export const zActivityQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  type: z.enum(ACTIVITY_TYPES).optional(),
  districtId: z.string().max(64).optional(),
});

export const zBudgetLineInput = z.object({
  year: z.int().min(2000).max(2100),
  areaKind: z.enum(['impact', 'outcome']),
  areaCode: z.string().trim().min(1).max(30),
  areaName: z.string().trim().min(1).max(200),
  finalBudget: z.number().min(0),
  fundsAvailable: z.number().min(0),
  expenditure: z.number().min(0),
});
export const zBudgetLine = zBudgetLineInput.extend({
  id: z.uuid(),
  availablePct: z.number().nullable(),
  expenditurePct: z.number().nullable(),
  version: z.int(),
});

export const STORY_STATUSES = ['draft', 'in_review', 'approved', 'archived'] as const;
export const zStoryInput = z.object({ caseId: z.uuid() });
export const zStoryUpdate = z.object({
  version: zVersion,
  title: z.string().trim().min(3).max(200).optional(),
  body: z.string().trim().min(20).max(10_000).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(10).optional(),
  status: z.enum(STORY_STATUSES).optional(),
});
export const zStory = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  status: z.enum(STORY_STATUSES),
  consentToPublish: z.boolean(),
  approvedBy: z.string().nullable(),
  version: z.int(),
});

const zYearNumber = z.int().min(2000).max(2100);
export const zYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const zStandardIndicatorsInput = z.object({ year: zYearNumber });
export const zIndicatorsAdded = z.object({ added: z.int() });

/** A count or, below the suppression threshold, the text that stands for it. */
export const zCount = z.union([z.int(), z.string()]);
export const zMonthlyTrend = z.object({
  month: z.int(),
  peopleLegalAid: zCount,
  casesOpened: zCount,
  referralsSent: zCount,
});

export const REPORT_FORMATS = ['xlsx', 'pdf'] as const;
export const zReportRequest = z.object({ year: zYearNumber, format: z.enum(REPORT_FORMATS) });
/**
 * Where a report's figures were read: the read replica (when one is set up and had caught up with
 * every change made before the report was asked), or the primary. `lagSeconds`: how long the
 * replica took to catch up, or, when it had not within the wait, how far behind it was; null
 * without a replica.
 */
export const zReadSource = z.object({
  from: z.enum(['primary', 'replica']),
  lagSeconds: z.number().nullable(),
  asOf: z.string(),
  /** A replica is set up but did not answer: the figures came from the primary. */
  replicaUnreachable: z.boolean().optional(),
});
export type ReadSource = z.infer<typeof zReadSource>;

export const zReportRun = z.object({
  id: z.uuid(),
  year: z.int(),
  format: z.enum(REPORT_FORMATS),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  /** Set once the figures are read. */
  source: zReadSource.nullable(),
});
export type ReportRun = z.infer<typeof zReportRun>;

export const zNarrative = z.object({ area: z.string(), text: z.string() });
export type Narrative = z.infer<typeof zNarrative>;
export const zNarrativeInput = z.object({
  year: zYearNumber,
  area: z.string().trim().min(1).max(100),
  text: z.string().trim().max(20_000),
});
export type NarrativeInput = z.infer<typeof zNarrativeInput>;

export const zStoryListQuery = z.object({ status: z.enum(STORY_STATUSES).optional() });
export const zStoryApproval = z.object({ version: z.int().min(1) });
export type MonthlyTrend = z.infer<typeof zMonthlyTrend>;
export type Story = z.infer<typeof zStory>;
export type StoryStatus = (typeof STORY_STATUSES)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];
