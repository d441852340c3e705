import { z } from 'zod';
import { CASE_PRIORITIES, LEGAL_PROBLEMS } from './casework.enums.ts';
import { zPageQuery, zVersion } from './common.schema.ts';

/**
 * The borders of the region, each a pair of countries (ISO codes, the first the one the monitoring
 * is done from where it matters): Kyrgyz–Tajik and Kyrgyz–Uzbek carry most of the disputes.
 */
export const BORDER_SEGMENTS = [
  'KG-UZ',
  'KG-TJ',
  'KG-KZ',
  'KG-CN',
  'TJ-AF',
  'TJ-UZ',
  'TJ-CN',
  'UZ-KZ',
  'UZ-TM',
  'UZ-AF',
  'KZ-CN',
  'KZ-RU',
  'TM-AF',
  'TM-IR',
] as const;
export type BorderSegment = (typeof BORDER_SEGMENTS)[number];

export const INCIDENT_TYPES = [
  'land_dispute',
  'water_dispute',
  'pasture_dispute',
  'infrastructure_dispute',
  'checkpoint_closure',
  'new_restriction',
  'detention_removal',
  'violence',
  'property_dispute',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** How exactly the time is known: a report "in the night of the 14th" is a day, not a minute. */
export const TIME_PRECISIONS = ['minute', 'hour', 'day', 'month'] as const;

/** reported → verified | disputed; a verified one may be disputed later, a disputed one verified. */
export const INCIDENT_STATUSES = ['reported', 'verified', 'disputed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const SOURCE_KINDS = [
  'own_monitor',
  'community',
  'official',
  'media',
  'partner',
  'social_media',
] as const;
export const SOURCE_RELIABILITY = ['confirmed', 'probable', 'doubtful', 'unknown'] as const;

const count = z.int().min(0).max(100_000).default(0);

/** People affected, by sex and age, and what happened to them: counts, never names. */
export const zIncidentAffected = z.object({
  women: count,
  men: count,
  girls: count,
  boys: count,
  injured: count,
  killed: count,
  detained: count,
  displaced: count,
});
export type IncidentAffected = z.infer<typeof zIncidentAffected>;

export const zIncidentSource = z.object({
  kind: z.enum(SOURCE_KINDS),
  reliability: z.enum(SOURCE_RELIABILITY),
  /** Who or what said it; sealed: a community source may be a person to protect. */
  note: z.string().trim().max(500).optional().nullable(),
});

const fields = {
  occurredAt: z.iso.datetime({ offset: true }),
  precision: z.enum(TIME_PRECISIONS).default('day'),
  segment: z.enum(BORDER_SEGMENTS),
  type: z.enum(INCIDENT_TYPES),
  districtId: z.string().max(64).optional().nullable(),
  community: z.string().trim().max(200).optional().nullable(),
  latitude: z.number().min(-90).max(90).optional().nullable(),
  longitude: z.number().min(-180).max(180).optional().nullable(),
  parties: z.array(z.string().trim().min(2).max(200)).max(10).default([]),
  affected: zIncidentAffected.default({
    women: 0,
    men: 0,
    girls: 0,
    boys: 0,
    injured: 0,
    killed: 0,
    detained: 0,
    displaced: 0,
  }),
  sources: z.array(zIncidentSource).min(1).max(10),
  description: z.string().trim().min(5).max(4000),
};

export const zIncidentInput = z.object({ id: z.uuid().optional(), ...fields });
export type IncidentInput = z.input<typeof zIncidentInput>;

export const zIncidentUpdate = z.object({ version: zVersion, ...fields });

export const zIncidentStatusChange = z.object({
  version: zVersion,
  to: z.enum(INCIDENT_STATUSES).exclude(['reported']),
  note: z.string().trim().min(3).max(1000),
});

export const zIncidentEvent = z.object({
  at: z.string(),
  byName: z.string().nullable(),
  from: z.enum(INCIDENT_STATUSES).nullable(),
  to: z.enum(INCIDENT_STATUSES),
  note: z.string().nullable(),
});

export const zIncident = z.object({
  id: z.uuid(),
  reference: z.string(),
  occurredAt: z.string(),
  precision: z.enum(TIME_PRECISIONS),
  segment: z.enum(BORDER_SEGMENTS),
  type: z.enum(INCIDENT_TYPES),
  districtId: z.string().nullable(),
  community: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  parties: z.array(z.string()),
  affected: zIncidentAffected,
  sources: z.array(zIncidentSource),
  description: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  /** Each change of status, by whom and when, oldest first; only on the one incident read. */
  history: z.array(zIncidentEvent),
  caseIds: z.array(z.uuid()),
  version: z.int(),
});
export type Incident = z.infer<typeof zIncident>;

export const zIncidentListQuery = zPageQuery.extend({
  segment: z.enum(BORDER_SEGMENTS).optional(),
  type: z.enum(INCIDENT_TYPES).optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  districtId: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/**
 * The map of a window of time: incidents gathered in cells of about five kilometres (a twentieth
 * of a degree), or by district when no point was taken, so that ten years of a busy border draw
 * as a heat of circles rather than a hundred thousand markers. A cell of one names its incident.
 */
export const zIncidentMapQuery = zIncidentListQuery.omit({ limit: true, offset: true });
export const zIncidentMap = z.object({
  cells: z.array(
    z.object({
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      districtId: z.string().nullable(),
      count: z.int(),
      people: z.int(),
      casualties: z.int(),
      incidentId: z.uuid().nullable(),
    }),
  ),
});
export type IncidentMapCell = z.infer<typeof zIncidentMap>['cells'][number];

/** Incidents per month and segment, for the trend chart; disputed ones left out. */
export const zIncidentTrendQuery = z.object({ from: z.iso.date(), to: z.iso.date() });
export const zIncidentTrend = z.object({
  items: z.array(z.object({ month: z.string(), segment: z.enum(BORDER_SEGMENTS), count: z.int() })),
});

/**
 * An early-warning rule: `minCount` incidents on a segment (or any) within `withinDays`, or, with
 * `casualties`, any incident where someone was injured or killed; the chosen people are told at once.
 */
export const zWarningRuleInput = z.object({
  segment: z.enum(BORDER_SEGMENTS).optional().nullable(),
  type: z.enum(INCIDENT_TYPES).optional().nullable(),
  casualties: z.boolean().default(false),
  minCount: z.int().min(1).max(100).default(1),
  withinDays: z.int().min(1).max(365).default(14),
  recipients: z.array(z.uuid()).min(1).max(50),
});
export const zWarningRule = zWarningRuleInput.extend({
  id: z.uuid(),
  segment: z.enum(BORDER_SEGMENTS).nullable(),
  type: z.enum(INCIDENT_TYPES).nullable(),
});
export type WarningRule = z.infer<typeof zWarningRule>;

/** A case that follows from the incident (a detained migrant's emergency case). */
export const zIncidentCaseLink = z.object({ caseId: z.uuid() });

/**
 * A person the incident concerns (found by the duplicate check, or registered first) given a case
 * of their own, linked to it: a migrant detained at the crossing becomes an emergency case.
 */
export const zIncidentToCase = z.object({
  personId: z.uuid(),
  problems: z.array(z.enum(LEGAL_PROBLEMS)).min(1).max(5),
  priority: z.enum(CASE_PRIORITIES),
});
