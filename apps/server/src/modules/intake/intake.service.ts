import {
  INTAKE_RESPONSE_HOURS,
  type IntakeItem,
  intakeUrgency,
  zCaseInput,
  zIntakeInput,
  type zIntakeListQuery,
  type zIntakeResolve,
  type zIntakeToReferral,
  type zIntakeUpdate,
} from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { openOptional, sealOptional } from '../../platform/crypto.ts';
import { AppError, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize, scopeFilter } from '../../platform/policy.ts';
import { afterCommit } from '../../platform/unit-of-work.ts';
import { openCase } from '../cases/cases.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { referFromCase } from '../referrals/referrals.service.ts';
import { assertAssignee } from '../users/assignees.ts';
import * as repo from './intake.repo.ts';
import { acknowledgement } from './mail-acknowledgement.ts';

const HOUR = 3_600_000;
const ownership = (row: repo.IntakeRow) => ({
  orgId: row.orgId,
  officeId: row.officeId,
  ownerId: row.assignedTo,
});
const context = (column: string, id: string) => `intake_items.${column}:${id}`;

/** A caller's number as it is looked up: its last nine digits, the same however it was typed. */
export const phoneKey = (platform: Platform, phone: string) =>
  platform.cipher.lookupHash(phone.replace(/\D/g, '').slice(-9), 'intake.phone');

export function presentIntake(platform: Platform, row: repo.IntakeWithName, otherFromPhone = 0): IntakeItem {
  const open = (column: string, value: string | null) =>
    openOptional(platform.cipher, value, context(column, row.id));
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel,
    receivedAt: row.receivedAt.toISOString(),
    language: row.language,
    districtId: row.districtId,
    problems: row.problems,
    priority: row.priority,
    inDetention: row.inDetention,
    anonymous: row.anonymous,
    contactName: open('contact_name', row.contactNameEnc),
    contactPhone: open('contact_phone', row.contactPhoneEnc),
    contactHow: open('contact_how', row.contactHowEnc),
    sex: row.sex as IntakeItem['sex'],
    ageBracket: row.ageBracket as IntakeItem['ageBracket'],
    summary: open('summary', row.summaryEnc) ?? '',
    durationSeconds: row.durationSeconds,
    status: row.status,
    outcome: row.outcome,
    outcomeNote: open('outcome_note', row.outcomeNote),
    assignedTo: row.assignedTo,
    assignedName: row.assignedName,
    respondBy: row.respondBy.toISOString(),
    overdue: row.status === 'open' && row.respondBy.getTime() < Date.now(),
    callbackDue: row.callbackDue?.toISOString() ?? null,
    caseId: row.caseId,
    referralId: row.referralId,
    callbackOverdue: row.status === 'open' && !!row.callbackDue && row.callbackDue.getTime() < Date.now(),
    otherFromPhone,
    version: row.version,
  };
}

export async function presentMany(platform: Platform, orgId: string, rows: repo.IntakeWithName[]) {
  const counts = await repo.otherFromPhoneCounts(platform.database.db, orgId, rows);
  return rows.map((r) => presentIntake(platform, r, r.phoneLookup ? (counts.get(r.phoneLookup) ?? 0) : 0));
}

/**
 * An emergency reaches the supervisors and whoever is on duty at once, in their inbox and by mail;
 * the notice names the reference only, never the person.
 */
async function alertEmergency(platform: Platform, row: repo.IntakeRow, except: string | null) {
  const recipients = await repo.emergencyRecipients(platform.database.db, row.orgId);
  await notify(platform, {
    userIds: recipients.map((r) => r.id).filter((id) => id !== except),
    kind: 'intake_emergency',
    params: { reference: row.reference, hours: String(INTAKE_RESPONSE_HOURS.emergency) },
    link: `/intake/${row.id}`,
  });
}

/**
 * Records a request. `holder` took it (a call, a walk-in) and holds it until they pass it on; a
 * request from the public help site has no holder yet and waits in the queue.
 */
async function recordRequest(
  platform: Platform,
  input: z.output<typeof zIntakeInput>,
  who: { orgId: string; officeId: string | null; holder: string | null; externalRef?: string },
) {
  const id = input.id ?? uuidv7();
  const now = new Date();
  const priority = intakeUrgency(input);
  const seal = (column: string, value: string | null | undefined) =>
    sealOptional(platform.cipher, value, context(column, id));
  const settled = input.answeredOnTheSpot;
  const row = await repo.insertIntake(platform.database.db, {
    id,
    orgId: who.orgId,
    officeId: who.officeId,
    channel: input.channel,
    receivedAt: now,
    language: input.language ?? null,
    districtId: input.districtId ?? null,
    problems: input.problems,
    priority,
    inDetention: input.inDetention,
    anonymous: input.anonymous,
    contactNameEnc: input.anonymous ? null : seal('contact_name', input.contactName),
    contactPhoneEnc: seal('contact_phone', input.contactPhone),
    phoneLookup: input.contactPhone ? phoneKey(platform, input.contactPhone) : null,
    contactHowEnc: seal('contact_how', input.contactHow),
    sex: input.sex ?? null,
    ageBracket: input.ageBracket ?? null,
    summaryEnc: seal('summary', input.summary)!,
    durationSeconds: input.durationSeconds ?? null,
    assignedTo: who.holder,
    respondBy: new Date(now.getTime() + INTAKE_RESPONSE_HOURS[priority] * HOUR),
    callbackDue: input.callbackInHours ? new Date(now.getTime() + input.callbackInHours * HOUR) : null,
    ...(settled
      ? { status: 'done' as const, outcome: 'answered' as const, doneAt: now, firstAnsweredAt: now }
      : {}),
    externalRef: who.externalRef ?? null,
    createdBy: who.holder,
    updatedBy: who.holder,
  });
  if (priority === 'emergency' && !settled) await alertEmergency(platform, row, who.holder);
  return row;
}

export const createIntake = (platform: Platform, actor: Actor, input: z.output<typeof zIntakeInput>) =>
  recordRequest(platform, input, { orgId: actor.orgId, officeId: actor.officeId, holder: actor.userId });

/**
 * A request sent by a member of the public from the help site to the organisation they chose: a
 * web request that no one holds yet, told at once when it is an emergency as from any channel.
 */
export const createPublicRequest = (
  platform: Platform,
  orgId: string,
  input: z.output<typeof zIntakeInput>,
) =>
  recordRequest(
    platform,
    { ...input, id: undefined, channel: 'web', answeredOnTheSpot: false, callbackInHours: null },
    { orgId, officeId: null, holder: null },
  );

/**
 * A request that came by email to one of the organisation's mailboxes: waiting in the queue like
 * a web request, known by `externalRef` so the same message never makes two; the sender is told
 * its reference by an automatic answer that other robots know not to answer.
 */
export async function createMailRequest(
  platform: Platform,
  orgId: string,
  input: z.input<typeof zIntakeInput>,
  externalRef: string,
  replyTo: string | null,
) {
  const row = await recordRequest(platform, zIntakeInput.parse(input), {
    orgId,
    officeId: null,
    holder: null,
    externalRef,
  });
  if (replyTo) {
    const words = acknowledgement(row.language, row.reference);
    // Only for a request that committed; a mail server that fails loses the answer, not the request.
    await afterCommit(() =>
      platform.mailer
        .send({ to: replyTo, ...words, headers: { 'Auto-Submitted': 'auto-replied' } })
        .catch((error: unknown) => console.error('[mail]', error instanceof Error ? error.message : error)),
    );
  }
  return row;
}

export async function getIntake(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'intake.read' | 'intake.manage' = 'intake.read',
) {
  const row = await repo.findIntake(platform.database.db, id);
  assertCan(actor, permission, row && ownership(row));
  return row;
}

export async function listIntake(platform: Platform, actor: Actor, query: z.output<typeof zIntakeListQuery>) {
  const scope = repo.intakeScope(scopeFilter(actor, 'intake.read'));
  return repo.listIntake(platform.database.db, scope, {
    status: query.status,
    channel: query.channel,
    priority: query.priority,
    assignedTo: query.mine === 'true' ? actor.userId : undefined,
    overdue: query.overdue === 'true',
    callbacks: query.callbacks === 'true',
    limit: query.limit,
    offset: query.offset,
  });
}

export async function updateIntake(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zIntakeUpdate>,
) {
  const current = await getIntake(platform, actor, id, 'intake.manage');
  if (input.assignedTo !== undefined)
    await assertAssignee(platform, input.assignedTo, 'intake.manage', ownership(current));
  const problems = input.problems ?? current.problems;
  const priority = intakeUrgency({
    problems,
    inDetention: current.inDetention,
    priority: input.priority ?? current.priority,
  });
  const row = await repo.updateIntake(platform.database.db, id, input.version, {
    ...(input.assignedTo !== undefined ? { assignedTo: input.assignedTo } : {}),
    problems,
    priority,
    respondBy: new Date(current.receivedAt.getTime() + INTAKE_RESPONSE_HOURS[priority] * HOUR),
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  if (priority === 'emergency' && current.priority !== 'emergency' && row.status === 'open')
    await alertEmergency(platform, row, actor.userId);
  return row;
}

function assertOpen(row: repo.IntakeRow) {
  if (row.status !== 'open') throw new AppError('conflict', { reason: 'intake_done' });
}

export async function resolveIntake(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zIntakeResolve>,
) {
  const current = await getIntake(platform, actor, id, 'intake.manage');
  assertOpen(current);
  const now = new Date();
  const row = await repo.updateIntake(platform.database.db, id, input.version, {
    status: 'done',
    outcome: input.outcome,
    outcomeNote: sealOptional(platform.cipher, input.note, context('outcome_note', id)),
    doneAt: now,
    firstAnsweredAt: current.firstAnsweredAt ?? now,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

/** Opens the case for the person the request turned out to be, with its topics, urgency and words. */
async function openCaseFrom(platform: Platform, actor: Actor, current: repo.IntakeRow, personId: string) {
  const summary = openOptional(platform.cipher, current.summaryEnc, context('summary', current.id));
  return openCase(
    platform,
    actor,
    zCaseInput.parse({
      personIds: [personId],
      problems: current.problems,
      priority: current.priority,
      summary: summary?.slice(0, 4000) ?? null,
    }),
  );
}

/** Ends the request as `outcome`, linked to what it became; refused if someone saved first. */
async function settle(
  platform: Platform,
  actor: Actor,
  current: repo.IntakeRow,
  values: Pick<Partial<repo.IntakeRow>, 'outcome' | 'caseId' | 'referralId'>,
) {
  const now = new Date();
  const row = await repo.updateIntake(platform.database.db, current.id, current.version, {
    ...values,
    status: 'done',
    doneAt: now,
    firstAnsweredAt: current.firstAnsweredAt ?? now,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

async function openToAct(platform: Platform, actor: Actor, id: string, version: number) {
  const current = await getIntake(platform, actor, id, 'intake.manage');
  assertOpen(current);
  if (current.version !== version) throw versionConflict(current.version);
  return current;
}

/** Opens the case for the person the request turned out to be; the request ends linked to it. */
export async function intakeToCase(
  platform: Platform,
  actor: Actor,
  id: string,
  input: { version: number; personId: string },
) {
  const current = await openToAct(platform, actor, id, input.version);
  const opened = await openCaseFrom(platform, actor, current, input.personId);
  const item = await settle(platform, actor, current, { outcome: 'case_opened', caseId: opened.id });
  return { item, opened };
}

/**
 * Refers the person on through the referral flow: their case is opened from the request and the
 * referral sent from it, consent and all; the request ends as referred, linked to both. Within the
 * request's one transaction, a referral refused leaves no case behind.
 */
export async function intakeToReferral(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zIntakeToReferral>,
) {
  authorize(actor, 'referral.send');
  const { version, personId, ...referral } = input;
  const current = await openToAct(platform, actor, id, version);
  const opened = await openCaseFrom(platform, actor, current, personId);
  const sent = await referFromCase(platform, actor, opened.id, referral);
  const item = await settle(platform, actor, current, {
    outcome: 'referred',
    caseId: opened.id,
    referralId: sent.id,
  });
  return { item, opened, sent };
}

export async function phoneHistory(platform: Platform, actor: Actor, phone: string) {
  const scope = repo.intakeScope(scopeFilter(actor, 'intake.read'));
  return repo.byPhone(platform.database.db, scope, phoneKey(platform, phone));
}
