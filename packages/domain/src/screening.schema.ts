import { z } from 'zod';
import { zClientId, zPageQuery, zPastDate } from './common.schema.ts';
import type { ServiceType } from './referrals.schema.ts';

/**
 * The standard indicators of trafficking and smuggling a screener asks about (the OSCE/IOM
 * indicator lists, shortened to what a first conversation can establish).
 */
export const TRAFFICKING_INDICATORS = [
  'recruitment_deception',
  'debt_bondage',
  'documents_withheld',
  'movement_restricted',
  'violence_threats',
  'exploitative_conditions',
  'crossing_arranged',
] as const;
export type TraffickingIndicator = (typeof TRAFFICKING_INDICATORS)[number];

/** What makes a migrant vulnerable whether or not they were trafficked. */
export const VULNERABILITY_INDICATORS = [
  'unaccompanied_child',
  'pregnancy',
  'disability',
  'serious_illness',
  'survivor_of_violence',
] as const;
export type VulnerabilityIndicator = (typeof VULNERABILITY_INDICATORS)[number];

export const SCREENING_INDICATORS = [...TRAFFICKING_INDICATORS, ...VULNERABILITY_INDICATORS] as const;
export type ScreeningIndicator = (typeof SCREENING_INDICATORS)[number];

/** "Unknown" is an answer: the person did not say, or it could not be asked yet. */
export const SCREENING_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type ScreeningAnswer = (typeof SCREENING_ANSWERS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Direct support a screening can lead to, each sent as a referral to a service of that type. */
export const SUPPORT_NEEDS = ['shelter', 'medical', 'psychosocial', 'legal', 'return_reintegration'] as const;
export type SupportNeed = (typeof SUPPORT_NEEDS)[number];
export const SUPPORT_SERVICE: Record<SupportNeed, ServiceType> = {
  shelter: 'shelter',
  medical: 'health',
  psychosocial: 'psychosocial',
  legal: 'legal_aid',
  return_reintegration: 'return_reintegration',
};

const zAnswers = z.object(
  Object.fromEntries(SCREENING_INDICATORS.map((i) => [i, z.enum(SCREENING_ANSWERS)])) as Record<
    ScreeningIndicator,
    z.ZodEnum<{ yes: 'yes'; no: 'no'; unknown: 'unknown' }>
  >,
);
export type ScreeningAnswers = z.infer<typeof zAnswers>;

export const zScreeningInput = z.object({
  id: zClientId,
  personId: z.uuid(),
  /** The case the screening belongs to; without one, a restricted case is opened for it. */
  caseId: z.uuid().nullable().default(null),
  screenedOn: zPastDate,
  answers: zAnswers,
  supportNeeds: z.array(z.enum(SUPPORT_NEEDS)).max(SUPPORT_NEEDS.length).default([]),
  /** What the person said, in their words: sealed, and read only by those named on the case. */
  notes: z.string().trim().max(4000).nullable().default(null),
});
export type ScreeningInput = z.input<typeof zScreeningInput>;

/** Why a screening came out at its level: the rule that decided it and each indicator's weight. */
export const RISK_RULES = [
  'two_strong_indicators',
  'trafficking_score',
  'child_with_indicator',
  'some_indicator',
  'vulnerable',
  'none',
] as const;
export type RiskRule = (typeof RISK_RULES)[number];

export const zRiskResult = z.object({
  level: z.enum(RISK_LEVELS),
  score: z.int(),
  rule: z.enum(RISK_RULES),
  reasons: z.array(z.object({ indicator: z.enum(SCREENING_INDICATORS), weight: z.int() })),
  /** Indicators left unknown: what a second conversation should ask. */
  unknown: z.array(z.enum(SCREENING_INDICATORS)),
});
export type RiskResult = z.infer<typeof zRiskResult>;

export const zScreening = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  screenedOn: z.string(),
  screenedBy: z.uuid(),
  screenedByName: z.string().nullable(),
  answers: zAnswers,
  supportNeeds: z.array(z.enum(SUPPORT_NEEDS)),
  notes: z.string().nullable(),
  risk: zRiskResult,
  createdAt: z.string(),
});
export type Screening = z.infer<typeof zScreening>;

/** The people named on a restricted case: besides them, only supervisors read it. */
export const zCaseMembers = z.object({
  restricted: z.boolean(),
  items: z.array(z.object({ userId: z.uuid(), name: z.string(), assignee: z.boolean() })),
});
export const zCaseMembersInput = z.object({ userIds: z.array(z.uuid()).max(20) });

export const zScreeningListQuery = zPageQuery.extend({
  risk: z.enum(RISK_LEVELS).optional(),
});
