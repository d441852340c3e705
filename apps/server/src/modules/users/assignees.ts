import type { Permission } from '@komek/domain';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { actorFromUser, can, type Owned } from '../../platform/policy.ts';
import { findUser } from './users.repo.ts';

/**
 * Work goes only to someone who may do it: an active user of the record's organisation who holds
 * the permission for the record once it is theirs (a viewer, a partner's focal point or another
 * organisation's user is refused, naming the field).
 */
export async function assertAssignee(
  platform: Platform,
  userId: string | null | undefined,
  permission: Permission,
  record: Owned,
  path = 'assignedTo',
): Promise<void> {
  if (!userId) return;
  const user = await findUser(platform.database.db, userId);
  const allowed =
    !!user &&
    !user.disabledAt &&
    user.orgId === record.orgId &&
    can(actorFromUser(user), permission, { ...record, ownerId: user.id });
  if (!allowed) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path,
          in: 'body',
          code: user && user.orgId === record.orgId ? 'assignee_not_allowed' : 'not_found',
          message: '',
        },
      ],
    });
  }
}
