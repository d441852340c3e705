import type { Service, ServiceInput, zServiceListQuery, zServiceUpdate } from '@komek/domain';
import type { z } from 'zod';
import { AppError, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize } from '../../platform/policy.ts';
import { forgetSiteContent } from '../help/site-cache.ts';
import { findOrganisation } from '../organisations/organisations.repo.ts';
import * as repo from './directory.repo.ts';

export function presentService(row: repo.ServiceWithOrg): Service {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    name: row.name,
    type: row.type,
    description: row.description,
    districtIds: row.districtIds,
    languages: row.languages,
    eligibility: row.eligibility,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    hours: row.hours,
    acceptsReferrals: row.acceptsReferrals,
    publicListing: row.publicListing,
    active: row.active,
    version: row.version,
  };
}

export async function listServices(platform: Platform, actor: Actor, q: z.infer<typeof zServiceListQuery>) {
  authorize(actor, 'service.read');
  const { limit, offset, includeInactive, ...filters } = q;
  const page = await repo.listServices(
    platform.database.db,
    { ...filters, includeInactive: includeInactive === 'true' },
    limit,
    offset,
  );
  return { items: page.items.map(presentService), total: page.total };
}

export async function getService(platform: Platform, actor: Actor, id: string) {
  const row = await repo.findService(platform.database.db, id);
  assertCan(actor, 'service.read', row);
  return row;
}

export async function createService(
  platform: Platform,
  actor: Actor,
  input: ServiceInput & { orgId?: string },
) {
  const orgId = input.orgId ?? actor.orgId;
  assertCan(actor, 'service.manage', { orgId });
  if (!(await findOrganisation(platform.database.db, orgId)))
    throw new AppError('validation_failed', {
      issues: [{ path: 'orgId', in: 'body', code: 'not_found', message: '' }],
    });
  const row = await repo.insertService(platform.database.db, {
    ...input,
    orgId,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
  // A service may be listed on the public help site.
  await forgetSiteContent(platform);
  return (await repo.findService(platform.database.db, row.id))!;
}

export async function updateService(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.infer<typeof zServiceUpdate>,
) {
  const current = await repo.findService(platform.database.db, id);
  assertCan(actor, 'service.manage', current);
  const { version, ...values } = input;
  const row = await repo.updateServiceVersioned(platform.database.db, id, version, {
    ...values,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  await forgetSiteContent(platform);
  return (await repo.findService(platform.database.db, id))!;
}
