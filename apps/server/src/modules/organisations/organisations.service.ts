import type { OrganisationInput, zOfficeInput, zOrganisationUpdate } from '@komek/domain';
import type { z } from 'zod';
import { AppError, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize, scopeFilter } from '../../platform/policy.ts';
import * as repo from './organisations.repo.ts';

export const listOrganisations = (
  platform: Platform,
  actor: Actor,
  page: { limit: number; offset: number },
) => repo.listOrganisations(platform.database.db, scopeFilter(actor, 'organisation.read'), page);

export async function getOrganisation(platform: Platform, actor: Actor, id: string) {
  const row = await repo.findOrganisation(platform.database.db, id);
  assertCan(actor, 'organisation.read', row && { orgId: row.id });
  return row;
}

/** Only an operator of the whole installation creates organisations. */
export async function createOrganisation(platform: Platform, actor: Actor, input: OrganisationInput) {
  if (authorize(actor, 'organisation.manage') !== 'all') throw new AppError('forbidden');
  return repo.insertOrganisation(platform.database.db, {
    ...input,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function updateOrganisation(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.infer<typeof zOrganisationUpdate>,
) {
  const current = await repo.findOrganisation(platform.database.db, id);
  assertCan(actor, 'organisation.manage', current && { orgId: current.id });
  const { version, ...fields } = input;
  const updated = await repo.updateOrganisationVersioned(
    platform.database.db,
    id,
    version,
    actor.userId,
    fields,
  );
  if (!updated) throw versionConflict(current.version);
  return updated;
}

export async function listOffices(platform: Platform, actor: Actor, orgId: string) {
  await getOrganisation(platform, actor, orgId);
  return repo.listOffices(platform.database.db, orgId);
}

export async function createOffice(
  platform: Platform,
  actor: Actor,
  orgId: string,
  input: z.infer<typeof zOfficeInput>,
) {
  const org = await repo.findOrganisation(platform.database.db, orgId);
  assertCan(actor, 'organisation.manage', org && { orgId: org.id });
  return repo.insertOffice(platform.database.db, {
    orgId,
    name: input.name,
    districtId: input.districtId ?? null,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}
