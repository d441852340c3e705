import { z } from 'zod';
import { CASE_PRIORITIES, LEGAL_PROBLEMS } from './casework.enums.ts';
import { zClientId, zPastDate, zVersion } from './common.schema.ts';
import { HELP_COUNTRIES } from './help.schema.ts';
import { BORDER_SEGMENTS } from './incidents.schema.ts';
import { LOCALES } from './locales.ts';

/** The countries a checkpoint of the region stands in (its own side of the line). */
export const CHECKPOINT_COUNTRIES = ['KG', 'KZ', 'TJ', 'UZ', 'TM', 'AF', 'CN'] as const;
export const CHECKPOINT_KINDS = ['road', 'rail', 'air', 'pedestrian'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];
export const CHECKPOINT_STATUSES = ['open', 'restricted', 'closed'] as const;
export type CheckpointStatus = (typeof CHECKPOINT_STATUSES)[number];

export const zCheckpointInput = z.object({
  id: zClientId,
  name: z.string().trim().min(2).max(200),
  countryCode: z.enum(CHECKPOINT_COUNTRIES),
  /** The border it stands on; none for an airport, which is a border of its own. */
  segment: z.enum(BORDER_SEGMENTS).nullable().default(null),
  kind: z.enum(CHECKPOINT_KINDS),
  districtId: z.string().max(64).nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
});
export const zCheckpointUpdate = zCheckpointInput.omit({ id: true }).extend({ version: zVersion });

/** A notice for the public help site, in the languages the organisation writes, when a crossing changes. */
export const zCheckpointNotice = z.object({
  texts: z
    .partialRecord(
      z.enum(LOCALES),
      z.object({ title: z.string().trim().min(3).max(200), body: z.string().trim().min(20).max(2_000) }),
    )
    .refine((texts) => Object.keys(texts).length > 0, { params: { code: 'wording_required' } }),
  endsOn: z.iso.date(),
});

export const zCheckpointStatusChange = z.object({
  version: zVersion,
  to: z.enum(CHECKPOINT_STATUSES),
  /** Since when: a closure learnt of a day late is dated when it happened. */
  since: zPastDate,
  note: z.string().trim().min(3).max(1000),
  notice: zCheckpointNotice.nullable().default(null),
});

export const zCheckpointEvent = z.object({
  at: z.string(),
  since: z.string(),
  byName: z.string().nullable(),
  from: z.enum(CHECKPOINT_STATUSES).nullable(),
  to: z.enum(CHECKPOINT_STATUSES),
  note: z.string().nullable(),
  noticeId: z.uuid().nullable(),
});

export const zCheckpoint = z.object({
  id: z.uuid(),
  name: z.string(),
  countryCode: z.enum(CHECKPOINT_COUNTRIES),
  segment: z.enum(BORDER_SEGMENTS).nullable(),
  kind: z.enum(CHECKPOINT_KINDS),
  districtId: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  status: z.enum(CHECKPOINT_STATUSES),
  statusSince: z.string(),
  lastVisitedOn: z.string().nullable(),
  /** Each change of status, oldest first; only on the one checkpoint read. */
  history: z.array(zCheckpointEvent),
  version: z.int(),
});
export type Checkpoint = z.infer<typeof zCheckpoint>;

export const zCheckpointListQuery = z.object({
  countryCode: z.enum(CHECKPOINT_COUNTRIES).optional(),
  segment: z.enum(BORDER_SEGMENTS).optional(),
  status: z.enum(CHECKPOINT_STATUSES).optional(),
});

/**
 * What a monitoring team looks for at a crossing, as the results report's protection questions
 * put it; an administrator adds the organisation's own questions to these.
 */
export const STANDARD_FINDINGS = [
  'asylum_information_displayed',
  'interpreter_available',
  'access_to_asylum_procedure',
  'detention_conditions_adequate',
  'refusal_of_entry_observed',
  'removal_observed',
  'refoulement_risk',
] as const;
/** The findings whose "yes" is a concern rather than good practice. */
export const CONCERN_FINDINGS: ReadonlyArray<string> = [
  'refusal_of_entry_observed',
  'removal_observed',
  'refoulement_risk',
];
export const FINDING_ANSWERS = ['yes', 'partly', 'no', 'not_observed'] as const;
export type FindingAnswer = (typeof FINDING_ANSWERS)[number];

const zLabels = z
  .partialRecord(z.enum(LOCALES), z.string().trim().min(3).max(300))
  .refine((labels) => Object.keys(labels).length > 0, { params: { code: 'wording_required' } });

export const zChecklistItemInput = z.object({
  id: zClientId,
  labels: zLabels,
  /** Whether a "yes" is a concern (a case of refusal) rather than good practice (a poster shown). */
  concern: z.boolean().default(false),
});
export const zChecklistItemUpdate = z.object({
  version: zVersion,
  labels: zLabels.optional(),
  concern: z.boolean().optional(),
  /** A retired question is no longer asked; the visits that answered it keep their answers. */
  active: z.boolean().optional(),
});
export const zChecklistItem = z.object({
  /** A standard finding's code, or the id of the organisation's own question. */
  key: z.string(),
  standard: z.boolean(),
  labels: z.partialRecord(z.enum(LOCALES), z.string()),
  concern: z.boolean(),
  active: z.boolean(),
  version: z.int().nullable(),
});
export type ChecklistItem = z.infer<typeof zChecklistItem>;

const count = z.int().min(0).max(100_000).default(0);

/**
 * What the team counted at the crossing: people seeking protection and how many of them reached
 * the asylum procedure (indicator 1.1's share), and those refused, detained or sent back.
 */
export const zVisitFigures = z
  .object({
    soughtProtection: count,
    accessedProcedure: count,
    refusedEntry: count,
    detained: count,
    removed: count,
  })
  .refine((f) => f.accessedProcedure <= f.soughtProtection, {
    path: ['accessedProcedure'],
    params: { code: 'not_more_than_sought' },
  });
export type VisitFigures = z.infer<typeof zVisitFigures>;
const NO_FIGURES = { soughtProtection: 0, accessedProcedure: 0, refusedEntry: 0, detained: 0, removed: 0 };

export const zVisitFinding = z.object({
  key: z.string().min(1).max(64),
  answer: z.enum(FINDING_ANSWERS),
  /** What was seen; sealed, since it may describe a person. */
  note: z.string().trim().max(2000).nullable().default(null),
});

const visitFields = {
  visitedOn: zPastDate,
  team: z.array(z.string().trim().min(2).max(200)).min(1).max(20),
  /** Who was met: the shift commander, a migration officer, an airline's agent. */
  met: z.array(z.string().trim().min(2).max(200)).max(20).default([]),
  findings: z.array(zVisitFinding).max(60).default([]),
  figures: zVisitFigures.default(NO_FIGURES),
  summary: z.string().trim().max(5000).nullable().default(null),
};
export const zVisitInput = z.object({ id: zClientId, checkpointId: z.uuid(), ...visitFields });
export const zVisitUpdate = z.object({ version: zVersion, ...visitFields });

export const zVisit = z.object({
  id: z.uuid(),
  checkpointId: z.uuid(),
  checkpointName: z.string(),
  countryCode: z.enum(CHECKPOINT_COUNTRIES),
  visitedOn: z.string(),
  team: z.array(z.string()),
  met: z.array(z.string()),
  findings: z.array(
    z.object({ key: z.string(), answer: z.enum(FINDING_ANSWERS), note: z.string().nullable() }),
  ),
  figures: z.object({
    soughtProtection: z.int(),
    accessedProcedure: z.int(),
    refusedEntry: z.int(),
    detained: z.int(),
    removed: z.int(),
  }),
  summary: z.string().nullable(),
  /** The cases opened for people the team identified there. */
  caseIds: z.array(z.uuid()),
  version: z.int(),
});
export type Visit = z.infer<typeof zVisit>;

export const zVisitListQuery = z.object({
  checkpointId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** A person the team identified at the crossing, given a case of their own linked to the visit. */
export const zVisitToCase = z.object({
  personId: z.uuid(),
  problems: z.array(z.enum(LEGAL_PROBLEMS)).min(1).max(5),
  priority: z.enum(CASE_PRIORITIES),
});

export const zMonitoringFiguresQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/**
 * A year of monitoring by country: "16 visits to 13 checkpoints", the people counted, the share
 * who reached the asylum procedure (what indicator 1.1 asks), and how often each finding was a yes.
 */
export const zMonitoringFigures = z.object({
  countries: z.array(
    z.object({
      countryCode: z.enum(CHECKPOINT_COUNTRIES),
      visits: z.int(),
      checkpoints: z.int(),
      soughtProtection: z.int(),
      accessedProcedure: z.int(),
      refusedEntry: z.int(),
      detained: z.int(),
      removed: z.int(),
      /** accessedProcedure ÷ soughtProtection × 100, one decimal; null when no one sought protection. */
      accessPercent: z.number().nullable(),
      casesOpened: z.int(),
      findings: z.array(z.object({ key: z.string(), yes: z.int(), partly: z.int(), no: z.int() })),
    }),
  ),
});
export type MonitoringFigures = z.infer<typeof zMonitoringFigures>;

/**
 * The results indicator that asks for the share of people seeking protection who reach the asylum
 * procedure: what the monitoring visits count at the crossings (the standard indicators' 1.1).
 */
export const BORDER_ACCESS_INDICATOR = '1.1';

/** Only countries the public help site speaks of can carry a notice. */
export const canPublishNotice = (countryCode: string) =>
  (HELP_COUNTRIES as readonly string[]).includes(countryCode);
