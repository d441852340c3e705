import { z } from 'zod';
import { CASE_PRIORITIES, LEGAL_PROBLEMS } from './casework.enums.ts';
import { zComingDate, zPageQuery, zPastDate, zVersion } from './common.schema.ts';
import { LOCALES } from './locales.ts';

export const SERVICE_TYPES = [
  'legal_aid',
  'documentation',
  'civil_registration',
  'visa_and_stay',
  'asylum',
  'shelter',
  'health',
  'psychosocial',
  'child_protection',
  'livelihoods',
  'return_reintegration',
  'other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Languages a service works in, as the codes the UI names (ISO 639-1, plus Dari). */
export const SERVICE_LANGUAGES = ['ky', 'ru', 'uz', 'tg', 'kk', 'tk', 'fa-AF', 'en'] as const;

export const zService = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  type: z.enum(SERVICE_TYPES),
  description: z.string().nullable(),
  districtIds: z.array(z.string()),
  languages: z.array(z.enum(SERVICE_LANGUAGES)),
  eligibility: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  hours: z.string().nullable(),
  acceptsReferrals: z.boolean(),
  publicListing: z.boolean(),
  active: z.boolean(),
  version: z.int(),
});
export type Service = z.infer<typeof zService>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const zServiceInput = z.object({
  name: z.string().trim().min(2).max(200),
  type: z.enum(SERVICE_TYPES),
  description: optionalText(2000),
  districtIds: z.array(z.string().max(64)).max(200).default([]),
  languages: z.array(z.enum(SERVICE_LANGUAGES)).max(SERVICE_LANGUAGES.length).default([]),
  eligibility: optionalText(1000),
  contactName: optionalText(200),
  contactPhone: optionalText(60),
  contactEmail: z.email().max(200).nullable().optional(),
  hours: optionalText(300),
  acceptsReferrals: z.boolean().default(true),
  /** Listed on the public help site: its phone, hours and languages are for anyone to read. */
  publicListing: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type ServiceInput = z.infer<typeof zServiceInput>;
export const zServiceUpdate = zServiceInput.partial().extend({ version: zVersion });

export const zServiceListQuery = zPageQuery.extend({
  q: z.string().trim().max(200).optional(),
  type: z.enum(SERVICE_TYPES).optional(),
  districtId: z.string().max(64).optional(),
  language: z.enum(SERVICE_LANGUAGES).optional(),
  orgId: z.uuid().optional(),
  includeInactive: z.enum(['true', 'false']).default('false'),
});

export const REFERRAL_STATUSES = [
  'sent',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'revoked',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Who may move a referral where: the receiver answers and reports back; the sender may revoke. */
export const REFERRAL_TRANSITIONS: Record<
  ReferralStatus,
  ReadonlyArray<{ to: ReferralStatus; by: 'sender' | 'receiver' }>
> = {
  sent: [
    { to: 'accepted', by: 'receiver' },
    { to: 'declined', by: 'receiver' },
    { to: 'revoked', by: 'sender' },
  ],
  accepted: [
    { to: 'in_progress', by: 'receiver' },
    { to: 'revoked', by: 'sender' },
  ],
  in_progress: [
    { to: 'completed', by: 'receiver' },
    { to: 'revoked', by: 'sender' },
  ],
  declined: [],
  completed: [],
  revoked: [],
};

/** Hours the receiver has to accept or decline, by priority (the partners' agreed response times). */
export const REFERRAL_RESPONSE_HOURS = { emergency: 24, urgent: 72, normal: 14 * 24 } as const;

/**
 * What a sender may choose to share beyond the minimum (case code, need, urgency, how to contact).
 * Each is copied into the referral when it is sent, so later edits of the case do not leak.
 */
export const SHAREABLE_FIELDS = [
  'name',
  'sex',
  'birth_date',
  'phone',
  'languages',
  'district',
  'nationality_status',
  'population_type',
  'specific_needs',
  'documents',
  'problems',
  'case_summary',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

export const REFERRAL_OUTCOMES = [
  'service_provided',
  'partially_provided',
  'not_provided',
  'person_unreachable',
  'referred_onward',
] as const;

export const zReferralConsent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('consent'),
    scope: z.string().trim().min(3).max(500),
    givenAt: zPastDate,
  }),
  z.object({
    kind: z.literal('emergency_override'),
    reason: z.string().trim().min(10).max(1000),
  }),
]);

export const zReferralInput = z.object({
  serviceId: z.uuid(),
  priority: z.enum(CASE_PRIORITIES).default('normal'),
  need: z.string().trim().min(5).max(2000),
  contact: z.string().trim().min(3).max(500),
  share: z.array(z.enum(SHAREABLE_FIELDS)).max(SHAREABLE_FIELDS.length).default([]),
  consent: zReferralConsent,
});
export type ReferralInput = z.infer<typeof zReferralInput>;

export const zReferralTransition = z.discriminatedUnion('to', [
  z.object({ version: zVersion, to: z.literal('accepted'), expectedDate: zComingDate }),
  z.object({ version: zVersion, to: z.literal('declined'), reason: z.string().trim().min(5).max(1000) }),
  z.object({ version: zVersion, to: z.literal('in_progress'), note: optionalText(1000) }),
  z.object({
    version: zVersion,
    to: z.literal('completed'),
    outcome: z.enum(REFERRAL_OUTCOMES),
    feedback: z.string().trim().min(5).max(2000),
  }),
  z.object({ version: zVersion, to: z.literal('revoked'), reason: z.string().trim().min(5).max(1000) }),
]);
export type ReferralTransition = z.infer<typeof zReferralTransition>;

/** The snapshot a receiver sees; a key is present only when the sender chose to share it. */
export const zSharedDetails = z.object({
  name: z.string().optional(),
  sex: z.string().optional(),
  birthDate: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  languages: z.array(z.string()).optional(),
  districtId: z.string().nullable().optional(),
  nationalityStatus: z.string().optional(),
  populationType: z.string().optional(),
  specificNeeds: z.array(z.string()).optional(),
  documents: z
    .array(z.object({ type: z.string(), status: z.string(), number: z.string().nullable() }))
    .optional(),
  problems: z.array(z.enum(LEGAL_PROBLEMS)).optional(),
  caseSummary: z.string().nullable().optional(),
});
export type SharedDetails = z.infer<typeof zSharedDetails>;

export const zReferralEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  at: z.string(),
  byName: z.string().nullable(),
  orgName: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

/** A message between the two sides of a referral, kept in its history; it shares no more than the referral does. */
export const zReferralMessage = z.object({ body: z.string().trim().min(1).max(2000) });

export const zReferral = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  priority: z.enum(CASE_PRIORITIES),
  /** Which side the reader is on; decides which actions the UI offers. */
  side: z.enum(['sender', 'receiver']),
  fromOrg: z.object({ id: z.uuid(), name: z.string() }),
  toOrg: z.object({ id: z.uuid(), name: z.string() }),
  service: z.object({ id: z.uuid(), name: z.string(), type: z.enum(SERVICE_TYPES) }),
  caseCode: z.string(),
  /** The sender's case; null for the receiver, who never reaches it. */
  caseId: z.uuid().nullable(),
  need: z.string(),
  contact: z.string(),
  shared: zSharedDetails,
  sharedFields: z.array(z.enum(SHAREABLE_FIELDS)),
  consent: z.object({
    kind: z.enum(['consent', 'emergency_override']),
    scope: z.string().nullable(),
    givenAt: z.string().nullable(),
    overrideReason: z.string().nullable(),
  }),
  respondBy: z.string(),
  overdue: z.boolean(),
  expectedDate: z.string().nullable(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  parentId: z.uuid().nullable(),
  sentAt: z.string(),
  respondedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  version: z.int(),
  events: z.array(zReferralEvent).optional(),
  onward: z
    .array(z.object({ id: z.uuid(), reference: z.string(), toOrgName: z.string(), status: z.string() }))
    .optional(),
});
export type Referral = z.infer<typeof zReferral>;

export const zReferralListQuery = zPageQuery.extend({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: z.enum(REFERRAL_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  caseId: z.uuid().optional(),
});

export const zPartnerStats = z.object({
  direction: z.enum(['incoming', 'outgoing']),
  rows: z.array(
    z.object({
      orgId: z.uuid(),
      orgName: z.string(),
      sent: z.int(),
      accepted: z.int(),
      declined: z.int(),
      completed: z.int(),
      open: z.int(),
      overdue: z.int(),
      medianResponseHours: z.number().nullable(),
    }),
  ),
});

export const zNotification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const zNotificationList = z.object({ items: z.array(zNotification), unread: z.int() });

export const zNotificationQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const zNotificationsMarked = z.object({ marked: z.int() });

/** Only a platform operator may name another organisation; the policy enforces it. */
export const zServiceCreate = zServiceInput.extend({ orgId: z.uuid().optional() });

const receiverMoves = zReferralTransition.options.filter((o) => o.shape.to.value !== 'revoked');
/** What the receiving organisation may do with a referral: every move but revoking it. */
export const zReferralResponse = z.discriminatedUnion('to', [receiverMoves[0]!, ...receiverMoves.slice(1)]);
export const zReferralRevoke = zReferralTransition.options.find((o) => o.shape.to.value === 'revoked')!;
export const zPartnerStatsQuery = z.object({
  direction: z.enum(['incoming', 'outgoing']).default('outgoing'),
});
/** A link opened in a new tab cannot set headers; the page passes its language here. */
export const zReferralFormQuery = z.object({ locale: z.enum(LOCALES).optional() });
export type AppNotification = z.infer<typeof zNotification>;
