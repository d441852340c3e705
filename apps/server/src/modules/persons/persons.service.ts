import {
  needsWithDisability,
  type PersonInput,
  precisionOf,
  startOf,
  type zConsentInput,
  type zPersonDocumentInput,
} from '@komek/domain';
import { nameKeys, type PersonNames, rankDuplicates, soundKeys, storedNameKeys } from '@komek/matching';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { sealOptional } from '../../platform/crypto.ts';
import { AppError, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/policy.ts';
import { refreshPersonKeysOfCases } from '../cases/cases.repo.ts';
import { orgFrequencies, reviewCalibration } from './name-frequencies.ts';
import { documentContext, personContext, presentPersonSummary } from './persons.presenter.ts';
import * as repo from './persons.repo.ts';

export const personOwnership = (row: repo.PersonRow) => ({
  orgId: row.orgId,
  officeId: row.officeId,
  ownerId: row.registeredBy,
});

function birthColumns(input: PersonInput) {
  if (input.birthDate) {
    return {
      birthDate: startOf(input.birthDate).toISOString().slice(0, 10),
      birthPrecision: precisionOf(input.birthDate),
    };
  }
  if (input.estimatedAge != null) {
    const year = new Date().getUTCFullYear() - input.estimatedAge;
    return { birthDate: `${year}-01-01`, birthPrecision: 'estimated' as const };
  }
  return { birthDate: null, birthPrecision: null };
}

function columns(platform: Platform, id: string, input: PersonInput): Omit<repo.PersonInsert, 'orgId'> {
  const { cipher } = platform;
  return {
    givenName: input.givenName,
    familyName: input.familyName,
    patronymic: input.patronymic ?? null,
    latinName: input.latinName ?? null,
    aliases: input.aliases,
    nameKeys: storedNameKeys(input),
    sex: input.sex,
    ...birthColumns(input),
    placeOfBirth: input.placeOfBirth ?? null,
    languages: input.languages,
    phoneEnc: sealOptional(cipher, input.phone, personContext(id, 'phone')),
    messagingEnc: sealOptional(cipher, input.messaging, personContext(id, 'messaging')),
    districtId: input.districtId ?? null,
    communityId: input.communityId ?? null,
    addressEnc: sealOptional(cipher, input.address, personContext(id, 'address')),
    nationalityStatus: input.nationalityStatus,
    nationalityCountry: input.nationalityCountry ?? null,
    populationType: input.populationType,
    specificNeeds: needsWithDisability(
      input.specificNeeds,
      input.washingtonGroup,
    ) as PersonInput['specificNeeds'],
    washingtonGroup: input.washingtonGroup,
    hasDisability: needsWithDisability(input.specificNeeds, input.washingtonGroup).includes('disability'),
  };
}

export async function registerPerson(platform: Platform, actor: Actor, input: PersonInput & { id?: string }) {
  assertCan(actor, 'person.manage', { orgId: actor.orgId, officeId: actor.officeId, ownerId: actor.userId });
  const id = input.id ?? uuidv7();
  return repo.insertPerson(platform.database.db, {
    id,
    orgId: actor.orgId,
    officeId: actor.officeId,
    registeredBy: actor.userId,
    ...columns(platform, id, input),
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function getPerson(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'person.read' | 'person.manage' = 'person.read',
) {
  const row = await repo.findPerson(platform.database.db, id);
  assertCan(actor, permission, row && personOwnership(row));
  return row;
}

export async function getPersonWithDetails(platform: Platform, actor: Actor, id: string) {
  const row = await getPerson(platform, actor, id);
  const { db } = platform.database;
  const [documents, consentRows] = await Promise.all([repo.listDocuments(db, id), repo.listConsents(db, id)]);
  return { row, documents, consents: consentRows };
}

export async function updatePerson(
  platform: Platform,
  actor: Actor,
  id: string,
  version: number,
  input: PersonInput,
) {
  const current = await getPerson(platform, actor, id, 'person.manage');
  const updated = await repo.updatePersonVersioned(platform.database.db, id, version, {
    ...columns(platform, id, input),
    updatedBy: actor.userId,
  });
  if (!updated) throw versionConflict(current.version);
  await refreshPersonKeysOfCases(platform.database.db, id);
  return updated;
}

export async function listPersons(
  platform: Platform,
  actor: Actor,
  query: Omit<repo.PersonFilters, 'nameKeys'> & { q?: string },
) {
  const { q, ...rest } = query;
  return repo.listPersons(platform.database.db, scopeFilter(actor, 'person.read'), {
    ...rest,
    nameKeys: q ? nameKeys(q) : undefined,
  });
}

/** Likely duplicates among the people this user may see, best first, by the linkage model. */
export async function findDuplicates(platform: Platform, actor: Actor, input: PersonNames) {
  const keys = nameKeys(input.givenName, input.familyName, input.patronymic);
  if (keys.length === 0) return [];
  const { db } = platform.database;
  const birthYear = input.birthDate ? Number(input.birthDate.slice(0, 4)) : null;
  const rows = await repo.findNameCandidates(db, scopeFilter(actor, 'person.read'), keys, birthYear, {
    sounds: soundKeys(input),
  });
  const { freq, total } = await orgFrequencies(db, actor.orgId, keys);
  const priorShift = await reviewCalibration(db, actor.orgId);
  return rankDuplicates(
    input,
    rows.map((row) => {
      const person = presentPersonSummary(row);
      return { item: person, names: { ...person, birthDate: person.birthDate } };
    }),
    freq,
    total,
    { priorShift },
  ).map(({ item, score, findings }) => ({ person: item, score, findings }));
}

export async function addDocument(
  platform: Platform,
  actor: Actor,
  personId: string,
  input: z.infer<typeof zPersonDocumentInput>,
) {
  const person = await getPerson(platform, actor, personId, 'person.manage');
  const id = uuidv7();
  return repo.insertDocument(platform.database.db, {
    id,
    orgId: person.orgId,
    personId,
    type: input.type,
    numberEnc: sealOptional(platform.cipher, input.number, documentContext(id)),
    issuer: input.issuer ?? null,
    validFrom: input.validFrom ?? null,
    validUntil: input.validUntil ?? null,
    status: input.status,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function addConsent(
  platform: Platform,
  actor: Actor,
  personId: string,
  input: z.infer<typeof zConsentInput>,
) {
  const person = await getPerson(platform, actor, personId, 'person.manage');
  if (startOf(input.givenAt) > new Date()) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'givenAt', in: 'body', code: 'bad_request', message: '' }],
    });
  }
  return repo.insertConsent(platform.database.db, {
    ...input,
    orgId: person.orgId,
    personId,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function withdrawConsent(platform: Platform, actor: Actor, personId: string, consentId: string) {
  await getPerson(platform, actor, personId, 'person.manage');
  const row = await repo.withdrawConsent(platform.database.db, personId, consentId, actor.userId);
  if (!row) throw new AppError('not_found');
  return row;
}
