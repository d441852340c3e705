import {
  ageOn,
  formatPartialDate,
  type Person,
  type PersonSummary,
  type zConsent,
  type zPersonDocument,
} from '@komek/domain';
import type { z } from 'zod';
import type { consents, personDocuments } from '../../db/schema/index.ts';
import { type FieldCipher, openOptional } from '../../platform/crypto.ts';
import { isoDay } from '../../platform/dates.ts';
import type { PersonRow, PersonSummaryRow } from './persons.repo.ts';

export const personContext = (id: string, column: string) => `persons.${column}:${id}`;
export const documentContext = (id: string) => `person_documents.number:${id}`;

const dateOut = (value: string | Date | null) => (value === null ? null : isoDay(value));

function birth(row: PersonSummaryRow) {
  const iso = dateOut(row.birthDate);
  if (!iso || !row.birthPrecision) return { birthDate: null, birthPrecision: null, age: null };
  const precision = row.birthPrecision;
  return { birthDate: formatPartialDate(iso, precision), birthPrecision: precision, age: ageOn(iso) };
}

export function presentPersonSummary(row: PersonSummaryRow): PersonSummary {
  return {
    id: row.id,
    orgId: row.orgId,
    givenName: row.givenName,
    familyName: row.familyName,
    patronymic: row.patronymic,
    latinName: row.latinName,
    sex: row.sex,
    ...birth(row),
    districtId: row.districtId,
    nationalityStatus: row.nationalityStatus,
    populationType: row.populationType,
  };
}

export function presentPerson(
  row: PersonRow,
  cipher: FieldCipher,
  extra: {
    documents?: Array<typeof personDocuments.$inferSelect>;
    consents?: Array<typeof consents.$inferSelect>;
  } = {},
): Person {
  return {
    ...presentPersonSummary(row),
    officeId: row.officeId,
    aliases: row.aliases,
    placeOfBirth: row.placeOfBirth,
    languages: row.languages,
    phone: openOptional(cipher, row.phoneEnc, personContext(row.id, 'phone')),
    messaging: openOptional(cipher, row.messagingEnc, personContext(row.id, 'messaging')),
    communityId: row.communityId,
    address: openOptional(cipher, row.addressEnc, personContext(row.id, 'address')),
    nationalityCountry: row.nationalityCountry,
    specificNeeds: row.specificNeeds,
    washingtonGroup: row.washingtonGroup as Person['washingtonGroup'],
    hasDisability: row.hasDisability,
    householdId: row.householdId,
    mergedInto: row.mergedInto,
    documents: extra.documents?.map((d) => presentDocument(d, cipher)),
    consents: extra.consents?.map(presentConsent),
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export function presentDocument(
  row: typeof personDocuments.$inferSelect,
  cipher: FieldCipher,
): z.infer<typeof zPersonDocument> {
  return {
    id: row.id,
    type: row.type,
    number: openOptional(cipher, row.numberEnc, documentContext(row.id)),
    issuer: row.issuer,
    validFrom: dateOut(row.validFrom),
    validUntil: dateOut(row.validUntil),
    status: row.status,
  };
}

export const presentConsent = (row: typeof consents.$inferSelect): z.infer<typeof zConsent> => ({
  id: row.id,
  purpose: row.purpose,
  scope: row.scope,
  givenAt: dateOut(row.givenAt)!,
  withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
});
