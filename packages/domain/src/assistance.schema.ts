import { z } from 'zod';
import { CURRENCIES } from './border-projects.schema.ts';
import { POPULATION_TYPES, SEXES } from './casework.enums.ts';
import { zClientId, zPastDate, zVersion } from './common.schema.ts';
import { AGE_BRACKETS } from './results.schema.ts';

export const ASSISTANCE_KINDS = ['cash', 'in_kind', 'livelihood_grant', 'toolkit'] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];
export const ASSISTANCE_PURPOSES = [
  'basic_needs',
  'medical',
  'education',
  'emergency',
  'livelihood',
] as const;
export type AssistancePurpose = (typeof ASSISTANCE_PURPOSES)[number];
/** requested → approved | rejected; approved → distributing (some instalments) → distributed. */
export const ASSISTANCE_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'distributing',
  'distributed',
] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];
export const RECEIPT_ANSWERS = ['fully', 'partly', 'not_received'] as const;
/** What post-distribution monitoring asks the money or goods went to. */
export const USES = [...ASSISTANCE_PURPOSES, 'food', 'rent', 'debt', 'other'] as const;

const money = z.number().positive().max(1e9);

export const zAssistanceInput = z
  .object({
    id: zClientId,
    /** To one person, or to a household: then every member is reached and the family counts once. */
    personId: z.uuid().nullable().default(null),
    householdId: z.uuid().nullable().default(null),
    kind: z.enum(ASSISTANCE_KINDS),
    purpose: z.enum(ASSISTANCE_PURPOSES),
    /** Cash and grants: the whole amount, paid in `instalments` equal parts; in kind: its value, if known. */
    amount: money.nullable().default(null),
    currency: z.enum(CURRENCIES).nullable().default(null),
    instalments: z.int().min(1).max(24).default(1),
    /** What is handed over in kind (a toolkit, a winter kit). */
    items: z.string().trim().max(1000).nullable().default(null),
    budgetLineId: z.uuid().nullable().default(null),
    /** Why this help, for this person: sealed, it speaks of their situation. */
    reason: z.string().trim().min(5).max(4000),
  })
  .refine((a) => (a.personId === null) !== (a.householdId === null), {
    path: ['personId'],
    params: { code: 'one_recipient' },
  })
  .refine((a) => a.kind === 'in_kind' || a.kind === 'toolkit' || a.amount !== null, {
    path: ['amount'],
    params: { code: 'amount_required' },
  })
  .refine((a) => a.amount === null || a.currency !== null, {
    path: ['currency'],
    params: { code: 'currency_required' },
  })
  .refine((a) => (a.kind !== 'in_kind' && a.kind !== 'toolkit') || !!a.items, {
    path: ['items'],
    params: { code: 'items_required' },
  });

export const zAssistanceDecision = z.object({
  version: zVersion,
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(1000).nullable().default(null),
});

export const zDistributionInput = z.object({
  version: zVersion,
  on: zPastDate,
  note: z.string().trim().max(1000).nullable().default(null),
});

export const zMonitoringInput = z.object({
  on: zPastDate,
  received: z.enum(RECEIPT_ANSWERS),
  usedFor: z.array(z.enum(USES)).max(USES.length).default([]),
  /** What the person said of it; sealed. */
  note: z.string().trim().max(2000).nullable().default(null),
});

export const zAssistance = z.object({
  id: z.uuid(),
  reference: z.string(),
  personId: z.uuid().nullable(),
  householdId: z.uuid().nullable(),
  /** The person's or the household's name, as the reader may see it. */
  recipientName: z.string(),
  kind: z.enum(ASSISTANCE_KINDS),
  purpose: z.enum(ASSISTANCE_PURPOSES),
  amount: z.number().nullable(),
  currency: z.enum(CURRENCIES).nullable(),
  instalments: z.int(),
  items: z.string().nullable(),
  budgetLineId: z.uuid().nullable(),
  reason: z.string(),
  status: z.enum(ASSISTANCE_STATUSES),
  /** Whether approving it takes an administrator: above the organisation's threshold for its currency. */
  aboveThreshold: z.boolean(),
  requestedBy: z.string().nullable(),
  requestedById: z.uuid().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  distributions: z.array(
    z.object({
      on: z.string(),
      instalment: z.int(),
      amount: z.number().nullable(),
      byName: z.string().nullable(),
    }),
  ),
  monitoring: z.array(
    z.object({
      on: z.string(),
      received: z.enum(RECEIPT_ANSWERS),
      usedFor: z.array(z.enum(USES)),
      note: z.string().nullable(),
      byName: z.string().nullable(),
    }),
  ),
  version: z.int(),
});
export type Assistance = z.infer<typeof zAssistance>;

export const zAssistanceListQuery = z.object({
  status: z.enum(ASSISTANCE_STATUSES).optional(),
  kind: z.enum(ASSISTANCE_KINDS).optional(),
  personId: z.uuid().optional(),
  householdId: z.uuid().optional(),
});

/** Up to which amount, per currency, a supervisor approves; above it an administrator does. */
export const zThresholds = z.object({
  items: z
    .array(z.object({ currency: z.enum(CURRENCIES), amount: z.number().min(0).max(1e9) }))
    .max(CURRENCIES.length),
});

export const zAssistanceTotalsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const zAmounts = z.array(z.object({ currency: z.string(), amount: z.number() }));
/**
 * A year's assistance handed over: families and individuals reached (a household's grant reaches
 * every member and one family), people by sex and age, country and population type; grants and
 * amounts by purpose and by budget line.
 */
export const zAssistanceTotals = z.object({
  familiesReached: z.int(),
  individualsReached: z.int(),
  bySexAge: z.array(z.object({ sex: z.enum(SEXES), age: z.enum([...AGE_BRACKETS, 'unknown']), n: z.int() })),
  byCountry: z.array(z.object({ countryCode: z.string(), individuals: z.int() })),
  byPopulation: z.array(z.object({ populationType: z.enum(POPULATION_TYPES), individuals: z.int() })),
  byPurpose: z.array(z.object({ purpose: z.enum(ASSISTANCE_PURPOSES), grants: z.int(), amounts: zAmounts })),
  byBudgetLine: z.array(z.object({ budgetLineId: z.uuid().nullable(), grants: z.int(), amounts: zAmounts })),
});
export type AssistanceTotals = z.infer<typeof zAssistanceTotals>;
