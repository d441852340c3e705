import type { SharedDetails } from '@komek/domain';
import { AppError, fieldIssue } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { personsOfCases } from '../cases/cases.repo.ts';
import { notify } from '../notifications/notifications.service.ts';
import { presentPerson } from '../persons/persons.presenter.ts';
import { listDocuments } from '../persons/persons.repo.ts';
import { unsharedDetailsIn } from './referral-message-check.ts';
import { receiverRecipients, senderRecipients } from './referral-recipients.ts';
import { sharedSnapshot } from './referral-snapshot.ts';
import { eventNoteContext, openShared } from './referrals.presenter.ts';
import * as repo from './referrals.repo.ts';
import { loadReferral, orgNames, present } from './referrals.service.ts';

/**
 * What the sender knows of the people a referral is about: the case's people for a referral from a
 * case, what was received for an onward one. The receiver knows only what was shared.
 */
async function senderKnows(platform: Platform, row: repo.ReferralRow): Promise<SharedDetails[]> {
  const { db } = platform.database;
  if (row.parentId) {
    const parent = await repo.findReferral(db, row.parentId);
    return parent ? [openShared(platform.cipher, parent)] : [];
  }
  if (!row.caseId) return [];
  const people = await personsOfCases(db, [row.caseId]);
  return Promise.all(
    people.map(async ({ person: p }) =>
      sharedSnapshot(['name', 'phone', 'birth_date', 'documents'], {
        person: presentPerson(p, platform.cipher, { documents: await listDocuments(db, p.id) }),
        problems: [],
        caseSummary: null,
      }),
    ),
  );
}

/** A message on the referral's thread, from either side; the other side is told. */
export async function sendMessage(platform: Platform, actor: Actor, id: string, body: string) {
  const { row, side } = await loadReferral(platform, actor, id);
  authorize(actor, side === 'receiver' ? 'referral.respond' : 'referral.send');
  if (row.status === 'revoked') throw new AppError('conflict', { reason: 'referral_revoked' });
  if (side === 'sender') {
    const leaks = unsharedDetailsIn(body, await senderKnows(platform, row), row.sharedFields);
    if (leaks.length > 0)
      throw new AppError('validation_failed', {
        issues: leaks.map((field) =>
          fieldIssue('body', `message_has_${field === 'documents' ? 'document' : field}`),
        ),
      });
  }
  await repo.insertEvent(platform.database.db, id, {
    kind: 'message',
    orgId: actor.orgId,
    noteEnc: platform.cipher.encrypt(body, eventNoteContext(id)),
    data: {},
    by: actor.userId,
  });
  const names = await orgNames(platform, row);
  await notify(platform, {
    userIds: await (side === 'sender' ? receiverRecipients : senderRecipients)(platform.database.db, row),
    kind: 'referral_message',
    params: { ...names, by: side === 'sender' ? names.from : names.to },
    link: `/referrals/${row.id}`,
  });
  return present(platform, id, side, true);
}
