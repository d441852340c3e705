import type { Db } from '../../db/connection.ts';
import { findCase } from '../cases/cases.repo.ts';
import { usersWithRoles } from '../notifications/notifications.repo.ts';
import type { ReferralRow } from './referrals.repo.ts';

/** Roles that answer referrals for an organisation and so hear of new ones. */
const ANSWERING_ROLES = ['partner_focal_point', 'supervisor', 'admin'] as const;

export async function receiverRecipients(db: Db, row: ReferralRow): Promise<string[]> {
  return (await usersWithRoles(db, row.toOrgId, ANSWERING_ROLES)).map((u) => u.id);
}

/** The person who sent it and whoever now holds the case. */
export async function senderRecipients(db: Db, row: ReferralRow): Promise<string[]> {
  const ids = row.createdBy ? [row.createdBy] : [];
  if (row.caseId) {
    const c = await findCase(db, row.caseId);
    if (c?.assignedTo) ids.push(c.assignedTo);
  }
  return ids;
}
