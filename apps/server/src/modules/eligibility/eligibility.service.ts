import type {
  EligibilityCriterion,
  EligibilityCriterionInput,
  EligibilityCriterionUpdate,
} from '@komek/domain';
import { AppError, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan } from '../../platform/policy.ts';
import * as repo from './eligibility.repo.ts';

export const presentCriterion = (row: repo.CriterionRow): EligibilityCriterion => ({
  id: row.id,
  code: row.code,
  label: row.label,
  active: row.active === 1,
  version: row.version,
});

export const listCriteria = async (platform: Platform, actor: Actor) =>
  (await repo.listCriteria(platform.database.db, actor.orgId)).map(presentCriterion);

export async function createCriterion(platform: Platform, actor: Actor, input: EligibilityCriterionInput) {
  const { db } = platform.database;
  assertCan(actor, 'organisation.manage', { orgId: actor.orgId });
  if (await repo.findCriterionByCode(db, actor.orgId, input.code)) {
    throw new AppError('conflict', { issues: [{ path: 'code', in: 'body', code: 'conflict', message: '' }] });
  }
  return repo.insertCriterion(db, {
    ...input,
    orgId: actor.orgId,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function updateCriterion(
  platform: Platform,
  actor: Actor,
  id: string,
  input: EligibilityCriterionUpdate,
) {
  const { db } = platform.database;
  const current = await repo.findCriterion(db, id);
  assertCan(actor, 'organisation.manage', current && { orgId: current.orgId });
  const { version, active, label } = input;
  const row = await repo.updateCriterion(db, current.id, version, {
    ...(active === undefined ? {} : { active: active ? 1 : 0 }),
    ...(label ? { label } : {}),
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}
