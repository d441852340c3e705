import { z } from 'zod';
import { CASE_PRIORITIES, CONSULTATION_LANGUAGES, LEGAL_PROBLEMS, SEXES } from './casework.enums.ts';
import { zClientId, zPageQuery, zPhone, zVersion } from './common.schema.ts';
import { LOCALES } from './locales.ts';
import { zReferralInput } from './referrals.schema.ts';
import { AGE_BRACKETS, zCount } from './results.schema.ts';

/** How a request for help reached the organisation. */
export const INTAKE_CHANNELS = ['walk_in', 'hotline', 'web', 'messenger', 'email'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** What became of a request: every item ends in one of these. */
export const INTAKE_OUTCOMES = [
  'answered',
  'consultation_booked',
  'case_opened',
  'referred',
  'not_for_us',
] as const;
export type IntakeOutcome = (typeof INTAKE_OUTCOMES)[number];

export const INTAKE_STATUSES = ['open', 'done'] as const;

/**
 * How soon a request must have its first answer, by urgency. An emergency (detention,
 * deportation, extradition, refoulement) is a matter of hours: the person may be removed tomorrow.
 */
export const INTAKE_RESPONSE_HOURS = { emergency: 2, urgent: 24, normal: 72 } as const;

/** Problems that make a request an emergency whatever urgency was chosen. */
export const EMERGENCY_PROBLEMS: readonly (typeof LEGAL_PROBLEMS)[number][] = [
  'deportation_extradition_refoulement',
];

/** The urgency the rule gives: detention or a removal problem is an emergency, else as chosen. */
export function intakeUrgency(input: {
  problems: readonly string[];
  inDetention: boolean;
  priority: (typeof CASE_PRIORITIES)[number];
}): (typeof CASE_PRIORITIES)[number] {
  if (input.inDetention || input.problems.some((p) => (EMERGENCY_PROBLEMS as string[]).includes(p)))
    return 'emergency';
  return input.priority;
}

const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();

export const zIntakeInput = z.object({
  id: zClientId,
  channel: z.enum(INTAKE_CHANNELS),
  language: z.enum(CONSULTATION_LANGUAGES).optional().nullable(),
  districtId: z.string().max(64).optional().nullable(),
  problems: z.array(z.enum(LEGAL_PROBLEMS)).min(1).max(5),
  priority: z.enum(CASE_PRIORITIES).default('normal'),
  inDetention: z.boolean().default(false),
  /** A caller who gives no name; their number may still be kept for a callback. */
  anonymous: z.boolean().default(false),
  contactName: optionalText(200),
  contactPhone: zPhone.optional().nullable(),
  /** How and when to reach them ("after 18:00, WhatsApp only"). */
  contactHow: optionalText(300),
  sex: z.enum(SEXES).optional().nullable(),
  ageBracket: z.enum(AGE_BRACKETS).optional().nullable(),
  summary: z.string().trim().min(2).max(4000),
  /** A call's length, from the desk's timer. */
  durationSeconds: z
    .int()
    .min(0)
    .max(6 * 3600)
    .optional()
    .nullable(),
  /** Settled on the spot: the hotline answered the question during the call. */
  answeredOnTheSpot: z.boolean().default(false),
  /** A callback, due in hours from now, given to whoever took the call. */
  callbackInHours: z
    .int()
    .min(1)
    .max(14 * 24)
    .optional()
    .nullable(),
});
export type IntakeInput = z.input<typeof zIntakeInput>;

export const zIntakeItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  channel: z.enum(INTAKE_CHANNELS),
  receivedAt: z.string(),
  language: z.string().nullable(),
  districtId: z.string().nullable(),
  problems: z.array(z.enum(LEGAL_PROBLEMS)),
  priority: z.enum(CASE_PRIORITIES),
  inDetention: z.boolean(),
  anonymous: z.boolean(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactHow: z.string().nullable(),
  sex: z.enum(SEXES).nullable(),
  ageBracket: z.enum(AGE_BRACKETS).nullable(),
  summary: z.string(),
  durationSeconds: z.int().nullable(),
  status: z.enum(INTAKE_STATUSES),
  outcome: z.enum(INTAKE_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  assignedTo: z.uuid().nullable(),
  assignedName: z.string().nullable(),
  respondBy: z.string(),
  overdue: z.boolean(),
  callbackDue: z.string().nullable(),
  caseId: z.uuid().nullable(),
  /** The referral it was passed on by. */
  referralId: z.uuid().nullable(),
  /** Its callback is due and not yet made: the request is still open and the time has come. */
  callbackOverdue: z.boolean(),
  /** Other requests from the same phone number to this organisation: a repeat caller. */
  otherFromPhone: z.int(),
  version: z.int(),
});
export type IntakeItem = z.infer<typeof zIntakeItem>;

export const zIntakeListQuery = zPageQuery.extend({
  status: z.enum(INTAKE_STATUSES).optional(),
  channel: z.enum(INTAKE_CHANNELS).optional(),
  priority: z.enum(CASE_PRIORITIES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Open requests whose promised callback is due. */
  callbacks: z.enum(['true', 'false']).optional(),
});

export const zIntakeUpdate = z.object({
  version: zVersion,
  assignedTo: z.uuid().nullable().optional(),
  priority: z.enum(CASE_PRIORITIES).optional(),
  problems: z.array(z.enum(LEGAL_PROBLEMS)).min(1).max(5).optional(),
});

/**
 * Ends an item; `case_opened` and `referred` are reached by opening the case or sending the
 * referral from it, not by saying so: a count of referrals is a count of referrals sent.
 */
export const RESOLVABLE_OUTCOMES = INTAKE_OUTCOMES.filter(
  (o): o is Exclude<IntakeOutcome, 'case_opened' | 'referred'> => o !== 'case_opened' && o !== 'referred',
);
export const zIntakeResolve = z.object({
  version: zVersion,
  outcome: z.enum(RESOLVABLE_OUTCOMES),
  note: optionalText(2000),
});

/** The person a request turns into (found by the duplicate check, or registered first) and the case. */
export const zIntakeToCase = z.object({ version: zVersion, personId: z.uuid() });

/**
 * Passes the request on through the referral flow: a case is opened for the person (found by the
 * duplicate check, or registered first) and the referral sent from it, with its consent.
 */
export const zIntakeToReferral = zReferralInput.extend({ version: zVersion, personId: z.uuid() });

export const zPhoneLookup = z.object({ phone: zPhone });
export const zPhoneHistory = z.object({
  items: z.array(
    zIntakeItem.pick({ id: true, reference: true, receivedAt: true, problems: true, outcome: true }),
  ),
});

/**
 * A year's requests for help counted by channel, topic, district, sex, age bracket and outcome, for
 * the results: counts of requests, not of people. Below the suppression threshold a count leaves
 * as "<5"; a request names several topics, so the topics add up to more than the total.
 */
const zCounts = z.record(z.string(), zCount);
export const zRequestCounts = z.object({
  total: zCount,
  byChannel: zCounts,
  byProblem: zCounts,
  byDistrict: zCounts,
  bySex: zCounts,
  byAge: zCounts,
  byOutcome: zCounts,
  /** Share of the answered requests first answered within their response time, 0–1; null if none. */
  answeredInTime: z.number().nullable(),
});
export type RequestCounts = z.infer<typeof zRequestCounts>;

/** What to say about a topic on the hotline, in each language the organisation wrote it in. */
export const zIntakeAnswer = z.object({
  problem: z.enum(LEGAL_PROBLEMS),
  texts: z.partialRecord(z.enum(LOCALES), z.string()),
  version: z.int(),
});
export type IntakeAnswer = z.infer<typeof zIntakeAnswer>;
export const zIntakeAnswerParams = z.object({ problem: z.enum(LEGAL_PROBLEMS) });
/** `version` is the one seen, absent for a topic not yet written. */
export const zIntakeAnswerInput = z.object({
  version: zVersion.optional(),
  texts: z
    .partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(4000))
    .refine((l) => Object.keys(l).length > 0, { params: { code: 'wording_required' } }),
});
