import { MATCH_FIELDS, MATCH_OUTCOMES } from '@komek/matching';
import { z } from 'zod';
import {
  BIRTH_PRECISIONS,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  NATIONALITY_STATUSES,
  POPULATION_TYPES,
  RELATIONSHIPS,
  SEXES,
  SPECIFIC_NEEDS,
  WG_DOMAINS,
  WG_LEVELS,
} from './casework.enums.ts';
import { zClientId, zPageQuery, zPastDate, zPhone, zVersion } from './common.schema.ts';
import { zCountryCode } from './organisations.schema.ts';
import { zPartialDate } from './partial-date.ts';

export const CONSENT_PURPOSES = [
  'registration',
  'referral',
  'data_sharing',
  'story_publication',
  'other',
] as const;

const name = z.string().trim().min(1).max(120);
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();
const isoDate = z.iso.date();

export const zWashingtonGroup = z.partialRecord(z.enum(WG_DOMAINS), z.enum(WG_LEVELS));

export const zPersonInput = z
  .object({
    givenName: name,
    familyName: name,
    patronymic: optionalText(120),
    /** The name in Latin letters as written in a passport, when the record is kept in another script. */
    latinName: optionalText(240),
    aliases: z.array(z.string().trim().min(1).max(240)).max(20).default([]),
    sex: z.enum(SEXES),
    birthDate: zPartialDate.optional().nullable(),
    estimatedAge: z.int().min(0).max(120).optional().nullable(),
    placeOfBirth: optionalText(200),
    languages: z.array(z.string().trim().min(2).max(10)).max(10).default([]),
    phone: zPhone.optional().nullable(),
    messaging: optionalText(100),
    districtId: z.string().max(64).optional().nullable(),
    communityId: z.string().max(64).optional().nullable(),
    address: optionalText(500),
    nationalityStatus: z.enum(NATIONALITY_STATUSES),
    nationalityCountry: zCountryCode.optional().nullable(),
    populationType: z.enum(POPULATION_TYPES),
    specificNeeds: z.array(z.enum(SPECIFIC_NEEDS)).max(SPECIFIC_NEEDS.length).default([]),
    washingtonGroup: zWashingtonGroup.default({}),
  })
  .refine((p) => !(p.birthDate && p.estimatedAge != null), {
    path: ['estimatedAge'],
    params: { code: 'birth_date_or_age' },
  })
  .refine((p) => p.nationalityStatus !== 'citizen' || !!p.nationalityCountry, {
    path: ['nationalityCountry'],
    params: { code: 'citizenship_country' },
  });
export type PersonInput = z.infer<typeof zPersonInput>;
/** Registering: the person's fields and, optionally, the id the client chose. */
export const zPersonCreate = z.intersection(zPersonInput, z.object({ id: zClientId }));

export const zPersonUpdate = z.object({ version: zVersion, person: zPersonInput });

export const zPersonDocument = z.object({
  id: z.uuid(),
  type: z.enum(DOCUMENT_TYPES),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  status: z.enum(DOCUMENT_STATUSES),
});
export const zPersonDocumentInput = z
  .object({
    type: z.enum(DOCUMENT_TYPES),
    number: z.string().trim().max(60).optional().nullable(),
    issuer: optionalText(200),
    validFrom: isoDate.optional().nullable(),
    validUntil: isoDate.optional().nullable(),
    status: z.enum(DOCUMENT_STATUSES),
  })
  .refine((d) => !d.validFrom || !d.validUntil || d.validFrom <= d.validUntil, {
    path: ['validUntil'],
    params: { code: 'validity_order' },
  });

export const zConsent = z.object({
  id: z.uuid(),
  purpose: z.string(),
  scope: z.string(),
  givenAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export const zConsentInput = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  scope: z.string().trim().min(1).max(500),
  givenAt: zPastDate,
});

export const zPerson = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  officeId: z.uuid().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  patronymic: z.string().nullable(),
  latinName: z.string().nullable(),
  aliases: z.array(z.string()),
  sex: z.enum(SEXES),
  birthDate: z.string().nullable(),
  birthPrecision: z.enum(BIRTH_PRECISIONS).nullable(),
  age: z.int().nullable(),
  placeOfBirth: z.string().nullable(),
  languages: z.array(z.string()),
  phone: z.string().nullable(),
  messaging: z.string().nullable(),
  districtId: z.string().nullable(),
  communityId: z.string().nullable(),
  address: z.string().nullable(),
  nationalityStatus: z.enum(NATIONALITY_STATUSES),
  nationalityCountry: z.string().nullable(),
  populationType: z.enum(POPULATION_TYPES),
  specificNeeds: z.array(z.enum(SPECIFIC_NEEDS)),
  washingtonGroup: zWashingtonGroup,
  hasDisability: z.boolean(),
  householdId: z.uuid().nullable(),
  /** Set when this record was merged into another; the other one is the person now. */
  mergedInto: z.uuid().nullable(),
  documents: z.array(zPersonDocument).optional(),
  consents: z.array(zConsent).optional(),
  createdAt: z.string(),
  version: z.int(),
});
export type Person = z.infer<typeof zPerson>;

export const zPersonSummary = zPerson.pick({
  id: true,
  orgId: true,
  givenName: true,
  familyName: true,
  patronymic: true,
  latinName: true,
  sex: true,
  birthDate: true,
  birthPrecision: true,
  age: true,
  districtId: true,
  nationalityStatus: true,
  populationType: true,
});
export type PersonSummary = z.infer<typeof zPersonSummary>;

export const zPersonListQuery = zPageQuery.extend({
  q: z.string().trim().max(200).optional(),
  districtId: z.string().max(64).optional(),
  populationType: z.enum(POPULATION_TYPES).optional(),
  nationalityStatus: z.enum(NATIONALITY_STATUSES).optional(),
});

export const zDuplicateCheck = z.object({
  givenName: z.string().trim().max(120).default(''),
  familyName: z.string().trim().max(120).default(''),
  patronymic: z.string().trim().max(120).optional(),
  sex: z.enum(SEXES).optional(),
  birthDate: zPartialDate.optional(),
});
/**
 * Why a registered person looks like the one being registered, field by field, as codes each
 * screen words (the matching package's findings): what the field showed and its weight in bits,
 * positive for, negative against.
 */
export const zMatchFinding = z.object({
  field: z.enum(MATCH_FIELDS),
  outcome: z.enum(MATCH_OUTCOMES),
  bits: z.number(),
});
export type MatchFinding = z.infer<typeof zMatchFinding>;
export const zDuplicateCandidate = z.object({
  person: zPersonSummary,
  /** The probability that this is the person, among the candidates found. */
  score: z.number(),
  findings: z.array(zMatchFinding),
});
export type DuplicateCandidate = z.infer<typeof zDuplicateCandidate>;

export const zHouseholdInput = z.object({
  name: z.string().trim().min(1).max(200),
  members: z
    .array(z.object({ personId: z.uuid(), relationship: z.enum(RELATIONSHIPS) }))
    .min(1)
    .max(50)
    .refine((members) => new Set(members.map((m) => m.personId)).size === members.length, {
      params: { code: 'member_twice' },
    }),
});
/** The household as the editor saw it (`version`), renamed or with members added, removed or re-related. */
export const zHouseholdUpdate = zHouseholdInput.extend({ version: zVersion });
export const zHousehold = z.object({
  id: z.uuid(),
  name: z.string(),
  version: z.int(),
  members: z.array(z.object({ person: zPersonSummary, relationship: z.enum(RELATIONSHIPS) })),
});
export type Household = z.infer<typeof zHousehold>;

/** Fields a supervisor chooses between when merging two records of the same person. */
export const MERGEABLE_FIELDS = [
  'givenName',
  'familyName',
  'patronymic',
  'latinName',
  'sex',
  'birthDate',
  'placeOfBirth',
  'phone',
  'messaging',
  'districtId',
  'communityId',
  'address',
  'nationalityStatus',
  'nationalityCountry',
  'populationType',
] as const;

export const zPersonMergeInput = z.object({
  sourceId: z.uuid(),
  version: zVersion,
  sourceVersion: zVersion,
  /** For each field, whose value the merged record keeps; unnamed fields keep the target's. */
  take: z.partialRecord(z.enum(MERGEABLE_FIELDS), z.enum(['target', 'source'])).default({}),
});

export const zPersonExportQuery = zPersonListQuery
  .omit({ limit: true, offset: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export const zDuplicateCandidates = z.object({ items: z.array(zDuplicateCandidate) });
export const zConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });
