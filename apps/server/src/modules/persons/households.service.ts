import type { zHouseholdInput, zHouseholdUpdate } from '@komek/domain';
import type { z } from 'zod';
import { versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, can } from '../../platform/policy.ts';
import * as repo from './households.repo.ts';
import { presentPersonSummary } from './persons.presenter.ts';
import { findPersons } from './persons.repo.ts';
import { personOwnership } from './persons.service.ts';

/** Everyone whose household changes must be a person the actor may manage. */
async function assertManagesAll(platform: Platform, actor: Actor, personIds: string[]) {
  const rows = await findPersons(platform.database.db, personIds);
  for (const id of personIds) {
    const row = rows.find((r) => r.id === id);
    assertCan(actor, 'person.manage', row && personOwnership(row));
  }
}

export async function createHousehold(
  platform: Platform,
  actor: Actor,
  input: z.infer<typeof zHouseholdInput>,
) {
  await assertManagesAll(
    platform,
    actor,
    input.members.map((m) => m.personId),
  );
  const household = await repo.insertHousehold(
    platform.database.db,
    { orgId: actor.orgId, name: input.name, createdBy: actor.userId, updatedBy: actor.userId },
    input.members,
  );
  return getHousehold(platform, actor, household.id);
}

export async function updateHousehold(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.infer<typeof zHouseholdUpdate>,
) {
  const current = await repo.findHousehold(platform.database.db, id);
  assertCan(actor, 'person.manage', current && { orgId: current.orgId, ownerId: current.createdBy });
  // A member the editor may not read stays as they are: nobody removes whom they cannot see.
  const hidden = current.members.filter((m) => !can(actor, 'person.read', personOwnership(m.person)));
  const listed = input.members.filter((m) => !hidden.some((h) => h.person.id === m.personId));
  const before = new Map(current.members.map((m) => [m.person.id, m.relationship]));
  const changed = [
    ...listed.filter((m) => before.get(m.personId) !== m.relationship).map((m) => m.personId),
    ...[...before.keys()].filter(
      (personId) =>
        !listed.some((m) => m.personId === personId) && !hidden.some((h) => h.person.id === personId),
    ),
  ];
  await assertManagesAll(platform, actor, changed);
  const members = [
    ...hidden.map((h) => ({ personId: h.person.id, relationship: h.relationship })),
    ...listed,
  ];
  const updated = await repo.updateHousehold(
    platform.database.db,
    id,
    input.version,
    { name: input.name, updatedBy: actor.userId },
    members,
  );
  if (!updated) throw versionConflict(current.version);
  return getHousehold(platform, actor, id);
}

export async function getHousehold(platform: Platform, actor: Actor, id: string) {
  const household = await repo.findHousehold(platform.database.db, id);
  assertCan(actor, 'person.read', household && { orgId: household.orgId, ownerId: household.createdBy });
  return {
    id: household.id,
    name: household.name,
    version: household.version,
    members: household.members
      .filter((m) => can(actor, 'person.read', personOwnership(m.person)))
      .map((m) => ({ person: presentPersonSummary(m.person), relationship: m.relationship as 'head' })),
  };
}
