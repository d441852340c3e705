import type { Platform } from '../../platform/http.ts';
import type { Actor } from '../../platform/policy.ts';
import { assertAssignee } from '../users/assignees.ts';
import * as reach from './case-reach.repo.ts';
import { namesOfUsers } from './cases.repo.ts';
import { getCase } from './cases.service.ts';

/** Who is named on a case: its assignee first, then the members. */
export async function caseMembers(platform: Platform, actor: Actor, caseId: string) {
  const c = await getCase(platform, actor, caseId);
  return present(platform, c);
}

async function present(
  platform: Platform,
  c: { id: string; restricted: boolean; assignedTo: string | null },
) {
  const { db } = platform.database;
  const members = await reach.membersOf(db, c.id);
  const assignee = c.assignedTo ? (await namesOfUsers(db, [c.assignedTo])).get(c.assignedTo) : undefined;
  return {
    restricted: c.restricted,
    items: [
      ...(c.assignedTo && assignee ? [{ userId: c.assignedTo, name: assignee, assignee: true }] : []),
      ...members.filter((m) => m.userId !== c.assignedTo).map((m) => ({ ...m, assignee: false })),
    ],
  };
}

/**
 * Names the people who may read a restricted case. Each must be an active colleague who could
 * read the case were it theirs (a viewer or a partner's focal point is refused, naming the field).
 */
export async function setCaseMembers(platform: Platform, actor: Actor, caseId: string, userIds: string[]) {
  const c = await getCase(platform, actor, caseId, 'case.manage');
  const unique = [...new Set(userIds)];
  for (const [i, userId] of unique.entries())
    await assertAssignee(
      platform,
      userId,
      'case.read',
      { orgId: c.orgId, officeId: c.officeId },
      `userIds.${i}`,
    );
  const changed = await reach.setMembers(platform.database.db, c.id, unique, actor.userId);
  return { view: await present(platform, c), changed };
}
