import {
  grantedScope,
  REFERRAL_RESPONSE_HOURS,
  REFERRAL_TRANSITIONS,
  type ReferralInput,
  type ReferralStatus,
  type ReferralTransition,
  type zReferralListQuery,
} from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { openOptional, sealOptional } from '../../platform/crypto.ts';
import { AppError, fieldIssue, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, authorize, can, readerOf, scopeFilter } from '../../platform/policy.ts';
import { caseWithinReach } from '../cases/case-reach.repo.ts';
import { caseContext } from '../cases/cases.presenter.ts';
import { personsOfCases } from '../cases/cases.repo.ts';
import { getCase } from '../cases/cases.service.ts';
import { findService } from '../directory/directory.repo.ts';
import { notify } from '../notifications/notifications.service.ts';
import { presentPerson } from '../persons/persons.presenter.ts';
import { listDocuments } from '../persons/persons.repo.ts';
import { receiverRecipients, senderRecipients } from './referral-recipients.ts';
import { narrowSnapshot, sharedSnapshot } from './referral-snapshot.ts';
import { eventNoteContext, openShared, presentReferral, referralContext } from './referrals.presenter.ts';
import * as repo from './referrals.repo.ts';

type Side = 'sender' | 'receiver';

const senderOwnership = (row: repo.ReferralRow) => ({
  orgId: row.fromOrgId,
  officeId: row.fromOfficeId,
  ownerId: row.createdBy,
});

/** Whoever answers for an organisation, or reads all of its referrals, sees what comes in. */
function seesIncoming(actor: Actor): boolean {
  const read = grantedScope(actor.role, actor.platformAdmin, 'referral.read');
  return (
    !!grantedScope(actor.role, actor.platformAdmin, 'referral.respond') ||
    read === 'organisation' ||
    read === 'all'
  );
}

/**
 * Someone who does not work cases (a partner's focal point) sees on the sending side only the
 * onward referrals they sent themselves, never their colleagues' referrals from cases: what was
 * referred to them is all they may know.
 */
const worksCases = (actor: Actor) => !!grantedScope(actor.role, actor.platformAdmin, 'case.read');

function seesAsSender(actor: Actor, row: repo.ReferralRow): boolean {
  if (row.fromOrgId !== actor.orgId || !can(actor, 'referral.read', senderOwnership(row))) return false;
  return worksCases(actor) || row.createdBy === actor.userId;
}

/** Which side of the referral the actor reads it from; 404 when neither. */
function sideOf(actor: Actor, row: repo.ReferralRow | undefined): Side {
  if (!row) throw new AppError('not_found');
  if (seesAsSender(actor, row)) return 'sender';
  if (row.toOrgId === actor.orgId && seesIncoming(actor)) return 'receiver';
  authorize(actor, 'referral.read');
  throw new AppError('not_found');
}

export async function loadReferral(platform: Platform, actor: Actor, id: string) {
  const row = await repo.findReferral(platform.database.db, id);
  const side = sideOf(actor, row);
  // On the sending side a referral from a restricted case is read by those who may read the case.
  if (
    side === 'sender' &&
    row?.caseId &&
    !(await caseWithinReach(platform.database.db, row.caseId, readerOf(actor)))
  )
    throw new AppError('not_found');
  return { row: row!, side };
}

export async function present(platform: Platform, id: string, side: Side, detailed: boolean) {
  const { db } = platform.database;
  const [r] = await repo.withNames(db, repo.byId(id), 1, 0);
  if (!r) throw new AppError('not_found');
  if (!detailed) return presentReferral(r, platform.cipher, side);
  const [events, children] = await Promise.all([repo.eventsOf(db, id), repo.childrenOf(db, id)]);
  return presentReferral(r, platform.cipher, side, {
    events: events.map((e) => ({
      id: e.event.id,
      kind: e.event.kind,
      at: e.event.at.toISOString(),
      byName: e.byName,
      orgName: e.orgName,
      note: e.event.noteEnc ? platform.cipher.decrypt(e.event.noteEnc, eventNoteContext(id)) : null,
      data: e.event.data,
    })),
    onward: side === 'receiver' ? children : undefined,
  });
}

export async function getReferral(platform: Platform, actor: Actor, id: string) {
  const { side } = await loadReferral(platform, actor, id);
  return present(platform, id, side, true);
}

async function targetService(platform: Platform, actor: Actor, serviceId: string) {
  const service = await findService(platform.database.db, serviceId);
  if (!service?.active || !service.acceptsReferrals)
    throw new AppError('validation_failed', { issues: [fieldIssue('serviceId', 'not_found')] });
  if (service.orgId === actor.orgId)
    throw new AppError('validation_failed', {
      issues: [fieldIssue('serviceId', 'own_organisation', 'a referral goes to another organisation')],
    });
  return service;
}

function consentColumns(platform: Platform, id: string, input: ReferralInput) {
  return input.consent.kind === 'consent'
    ? {
        consentKind: 'consent' as const,
        consentScope: input.consent.scope,
        consentGivenAt: input.consent.givenAt,
      }
    : {
        consentKind: 'emergency_override' as const,
        overrideReasonEnc: sealOptional(
          platform.cipher,
          input.consent.reason,
          referralContext(id, 'override_reason'),
        ),
      };
}

function sealedCore(platform: Platform, id: string, input: ReferralInput, shared: object) {
  const { cipher } = platform;
  return {
    needEnc: cipher.encrypt(input.need, referralContext(id, 'need')),
    contactEnc: cipher.encrypt(input.contact, referralContext(id, 'contact')),
    sharedEnc: cipher.encrypt(JSON.stringify(shared), referralContext(id, 'shared')),
    sharedFields: [...new Set(input.share)],
  };
}

const respondBy = (priority: ReferralInput['priority'], from = new Date()) =>
  new Date(from.getTime() + REFERRAL_RESPONSE_HOURS[priority] * 3_600_000);

/** Sends a new referral (from a case or onward): sealed content, clocks, history, the receiver told. */
async function send(
  platform: Platform,
  actor: Actor,
  input: ReferralInput,
  target: { orgId: string; id: string },
  shared: object,
  origin: { fromOfficeId: string | null; caseId: string | null; caseCode: string; parentId?: string },
  events: { data: Record<string, unknown>; caseEvent?: repo.CaseEventInput },
) {
  const id = uuidv7();
  const now = new Date();
  const row = await repo.insertReferral(
    platform.database.db,
    {
      id,
      ...origin,
      fromOrgId: actor.orgId,
      toOrgId: target.orgId,
      serviceId: target.id,
      status: 'sent',
      priority: input.priority,
      ...sealedCore(platform, id, input, shared),
      ...consentColumns(platform, id, input),
      sentAt: now,
      respondBy: respondBy(input.priority, now),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    },
    {
      kind: 'sent',
      orgId: actor.orgId,
      data: { priority: input.priority, ...events.data },
      by: actor.userId,
    },
    events.caseEvent,
  );
  await notifyReceivers(platform, row, 'referral_received');
  return present(platform, row.id, 'sender', true);
}

export async function referFromCase(platform: Platform, actor: Actor, caseId: string, input: ReferralInput) {
  authorize(actor, 'referral.send');
  const theCase = await getCase(platform, actor, caseId, 'case.manage');
  if (theCase.status === 'closed') throw new AppError('conflict', { reason: 'case_closed' });
  const service = await targetService(platform, actor, input.serviceId);
  const { db } = platform.database;
  const [main] = await personsOfCases(db, [caseId]);
  const person = presentPerson(main!.person, platform.cipher, {
    documents: input.share.includes('documents') ? await listDocuments(db, main!.person.id) : [],
  });
  const summary = openOptional(platform.cipher, theCase.summaryEnc, caseContext(caseId, 'summary'));
  const shared = sharedSnapshot(input.share, { person, problems: theCase.problems, caseSummary: summary });
  return send(
    platform,
    actor,
    input,
    service,
    shared,
    { fromOfficeId: theCase.officeId, caseId, caseCode: theCase.caseNumber },
    {
      data: {},
      caseEvent: {
        kind: 'referral_sent',
        data: { to: service.orgName, service: service.name },
        by: actor.userId,
      },
    },
  );
}

/** A receiver passes the need on to a third organisation, sharing at most what it was given. */
export async function referOnward(platform: Platform, actor: Actor, parentId: string, input: ReferralInput) {
  authorize(actor, 'referral.send');
  const { row: parent, side } = await loadReferral(platform, actor, parentId);
  if (side !== 'receiver') throw new AppError('conflict', { reason: 'only_receiver_refers_onward' });
  if (parent.status !== 'accepted' && parent.status !== 'in_progress')
    throw new AppError('conflict', { reason: 'invalid_transition', from: parent.status, to: 'onward' });
  const notReceived = input.share.filter((f) => !parent.sharedFields.includes(f));
  if (notReceived.length > 0)
    throw new AppError('validation_failed', {
      issues: [fieldIssue('share', 'not_shared_with_you', `not received: ${notReceived.join(', ')}`)],
    });
  const service = await targetService(platform, actor, input.serviceId);
  const shared = narrowSnapshot(openShared(platform.cipher, parent), input.share);
  return send(
    platform,
    actor,
    input,
    service,
    shared,
    { fromOfficeId: actor.officeId, caseId: null, caseCode: parent.reference, parentId: parent.id },
    { data: { onwardFrom: parent.reference } },
  );
}

export async function transitionReferral(
  platform: Platform,
  actor: Actor,
  id: string,
  t: ReferralTransition,
  as: Side,
) {
  const { row, side } = await loadReferral(platform, actor, id);
  authorize(actor, as === 'receiver' ? 'referral.respond' : 'referral.send');
  const from = row.status;
  const allowed = REFERRAL_TRANSITIONS[from].find((x) => x.to === t.to);
  if (!allowed || allowed.by !== side || side !== as)
    throw new AppError('conflict', { reason: 'invalid_transition', from, to: t.to });
  if (row.version !== t.version) throw versionConflict(row.version);
  const now = new Date();
  const values: Partial<repo.ReferralInsert> = { status: t.to, updatedBy: actor.userId };
  let note: string | null = null;
  const data: Record<string, unknown> = { from };
  switch (t.to) {
    case 'accepted':
      Object.assign(values, { respondedAt: now, expectedDate: t.expectedDate });
      data.expectedDate = t.expectedDate;
      break;
    case 'declined':
      values.respondedAt = now;
      note = t.reason;
      break;
    case 'in_progress':
      note = t.note ?? null;
      break;
    case 'completed':
      Object.assign(values, { completedAt: now, outcome: t.outcome });
      data.outcome = t.outcome;
      note = t.feedback;
      break;
    case 'revoked':
      note = t.reason;
      break;
  }
  const updated = await repo.updateReferralVersioned(
    platform.database.db,
    id,
    t.version,
    values,
    {
      kind: t.to,
      orgId: actor.orgId,
      noteEnc: sealOptional(platform.cipher, note, eventNoteContext(id)),
      data,
      by: actor.userId,
    },
    { kind: `referral_${t.to}`, data: 'outcome' in data ? { outcome: data.outcome } : {}, by: actor.userId },
  );
  if (!updated) throw versionConflict(row.version);
  if (side === 'receiver') await notifySender(platform, updated, `referral_${t.to}` as const);
  else await notifyReceivers(platform, updated, 'referral_revoked');
  return present(platform, id, side, true);
}

type ReferralNotice =
  | 'referral_received'
  | 'referral_accepted'
  | 'referral_declined'
  | 'referral_in_progress'
  | 'referral_completed'
  | 'referral_revoked'
  | 'referral_overdue';

export async function orgNames(platform: Platform, row: repo.ReferralRow) {
  const [r] = await repo.withNames(platform.database.db, repo.byId(row.id), 1, 0);
  return { reference: row.reference, from: r?.fromOrgName ?? '', to: r?.toOrgName ?? '' };
}

export async function notifyReceivers(platform: Platform, row: repo.ReferralRow, kind: ReferralNotice) {
  await notify(platform, {
    userIds: await receiverRecipients(platform.database.db, row),
    kind,
    params: await orgNames(platform, row),
    link: `/referrals/${row.id}`,
  });
}

export async function notifySender(platform: Platform, row: repo.ReferralRow, kind: ReferralNotice) {
  await notify(platform, {
    userIds: await senderRecipients(platform.database.db, row),
    kind,
    params: await orgNames(platform, row),
    link: `/referrals/${row.id}`,
  });
}

/** Which referrals a list shows: the policy decides here, the repository turns it into SQL. */
function listWhere(
  actor: Actor,
  q: { direction: 'incoming' | 'outgoing'; status?: ReferralStatus; overdue?: string; caseId?: string },
) {
  const filters = { status: q.status, overdue: q.overdue === 'true', caseId: q.caseId };
  if (q.direction === 'outgoing') {
    return repo.referralWhere(
      {
        outgoing: {
          filter: scopeFilter(actor, 'referral.read'),
          fromOrgId: actor.platformAdmin ? actor.orgId : undefined,
          createdBy: worksCases(actor) ? undefined : actor.userId,
        },
      },
      filters,
    );
  }
  authorize(actor, 'referral.read');
  return repo.referralWhere({ incomingTo: seesIncoming(actor) ? actor.orgId : null }, filters);
}

export async function listReferrals(platform: Platform, actor: Actor, q: z.infer<typeof zReferralListQuery>) {
  const page = await repo.listReferrals(platform.database.db, listWhere(actor, q), q.limit, q.offset);
  const side: Side = q.direction === 'outgoing' ? 'sender' : 'receiver';
  return {
    items: page.items.map((r) => presentReferral(r, platform.cipher, side)),
    total: page.total,
    totalCapped: page.totalCapped,
  };
}

export async function partnerStats(platform: Platform, actor: Actor, direction: 'incoming' | 'outgoing') {
  const rows = await repo.partnerStats(platform.database.db, listWhere(actor, { direction }), direction);
  return {
    direction,
    rows: rows.map((r) => ({
      ...r,
      medianResponseHours:
        r.medianResponseHours === null ? null : Math.round(Number(r.medianResponseHours) * 10) / 10,
    })),
  };
}

/** Flags referrals past their response time, once each, and tells both sides. */
export async function flagOverdueReferrals(platform: Platform, now = new Date()): Promise<number> {
  const claimed = await repo.claimOverdue(platform.database.db, now);
  for (const row of claimed) {
    await repo.insertEvent(platform.database.db, row.id, {
      kind: 'overdue',
      orgId: row.toOrgId,
      data: { respondBy: row.respondBy.toISOString() },
      by: null,
    });
    await notifyReceivers(platform, row, 'referral_overdue');
    await notifySender(platform, row, 'referral_overdue');
  }
  return claimed.length;
}
