import { MERGEABLE_FIELDS, type zPersonMergeInput } from '@komek/domain';
import { storedNameKeys } from '@komek/matching';
import type { z } from 'zod';
import { openOptional, sealOptional } from '../../platform/crypto.ts';
import { AppError, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan } from '../../platform/policy.ts';
import { refreshPersonKeysOfCases } from '../cases/cases.repo.ts';
import { personContext } from './persons.presenter.ts';
import { findPerson, type PersonRow } from './persons.repo.ts';
import { personOwnership } from './persons.service.ts';
import { mergeRecords } from './persons-merge.repo.ts';

type Field = (typeof MERGEABLE_FIELDS)[number];

/** Column(s) behind each mergeable field; sealed ones are re-sealed for the surviving record. */
const COLUMNS: Record<Field, Array<keyof PersonRow>> = {
  givenName: ['givenName'],
  familyName: ['familyName'],
  patronymic: ['patronymic'],
  latinName: ['latinName'],
  sex: ['sex'],
  birthDate: ['birthDate', 'birthPrecision'],
  placeOfBirth: ['placeOfBirth'],
  phone: ['phoneEnc'],
  messaging: ['messagingEnc'],
  districtId: ['districtId'],
  communityId: ['communityId'],
  address: ['addressEnc'],
  nationalityStatus: ['nationalityStatus'],
  nationalityCountry: ['nationalityCountry'],
  populationType: ['populationType'],
};
const SEALED: Partial<Record<keyof PersonRow, string>> = {
  phoneEnc: 'phone',
  messagingEnc: 'messaging',
  addressEnc: 'address',
};

/**
 * Merges `source` into `target`: chosen fields move over, the source's names become aliases,
 * and its cases, documents, consents and household places follow. The source stays, marked as
 * merged, so links and the audit trail to it still resolve.
 */
export async function mergePersons(
  platform: Platform,
  actor: Actor,
  targetId: string,
  input: z.infer<typeof zPersonMergeInput>,
) {
  if (targetId === input.sourceId)
    throw new AppError('validation_failed', {
      issues: [{ path: 'sourceId', in: 'body', code: 'same_record', message: '' }],
    });
  const { db } = platform.database;
  const [target, source] = await Promise.all([targetId, input.sourceId].map((id) => findPerson(db, id)));
  assertCan(actor, 'person.merge', target && personOwnership(target));
  assertCan(actor, 'person.merge', source && personOwnership(source));
  if (target.mergedInto || source.mergedInto) throw new AppError('conflict', { reason: 'already_merged' });
  if (target.version !== input.version) throw versionConflict(target.version);
  if (source.version !== input.sourceVersion) throw versionConflict(source.version);

  const values: Partial<PersonRow> = {};
  for (const field of MERGEABLE_FIELDS) {
    if (input.take[field] !== 'source') continue;
    for (const column of COLUMNS[field]) {
      const label = SEALED[column];
      (values as Record<string, unknown>)[column] = label
        ? sealOptional(
            platform.cipher,
            openOptional(platform.cipher, source[column] as string | null, personContext(source.id, label)),
            personContext(target.id, label),
          )
        : source[column];
    }
  }
  const merged = { ...target, ...values } as PersonRow;
  const formerNames = [
    `${source.givenName} ${source.familyName}`,
    source.latinName,
    ...source.aliases,
  ].filter((n): n is string => !!n && n !== `${merged.givenName} ${merged.familyName}`);
  const aliases = [...new Set([...target.aliases, ...formerNames])].slice(0, 20);
  const specificNeeds = [...new Set([...target.specificNeeds, ...source.specificNeeds])];

  const result = await mergeRecords(db, {
    target,
    source,
    version: input.version,
    actorId: actor.userId,
    values: {
      ...values,
      aliases,
      specificNeeds,
      hasDisability: target.hasDisability || source.hasDisability,
      nameKeys: storedNameKeys({ ...merged, aliases }),
    },
  });
  if (!result) throw versionConflict(target.version);
  await refreshPersonKeysOfCases(db, target.id);
  return { row: result, source };
}
