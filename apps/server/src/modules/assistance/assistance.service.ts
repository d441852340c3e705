import type {
  Assistance,
  zAssistanceDecision,
  zAssistanceInput,
  zAssistanceListQuery,
  zDistributionInput,
  zMonitoringInput,
  zThresholds,
} from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { AppError, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize, can, scopeFilter } from '../../platform/policy.ts';
import { namesOfUsers } from '../cases/cases.repo.ts';
import { getHousehold } from '../persons/households.service.ts';
import { getPerson } from '../persons/persons.service.ts';
import * as repo from './assistance.repo.ts';

const sealContext = {
  reason: (id: string) => `assistance.reason:${id}`,
  note: (id: string) => `assistance_monitoring.note:${id}`,
};

const ownership = (row: repo.AssistanceRow) => ({
  orgId: row.orgId,
  officeId: row.officeId,
  ownerId: row.createdBy,
});

/** An instalment's share: equal parts in cents, the last one taking what rounding left over. */
export function instalmentAmount(total: number | null, instalments: number, n: number): number | null {
  if (total === null) return null;
  const cents = Math.round(total * 100);
  const part = Math.floor(cents / instalments);
  return (n === instalments ? cents - part * (instalments - 1) : part) / 100;
}

async function thresholdMap(platform: Platform, orgId: string) {
  return new Map((await repo.thresholdsOf(platform.database.db, orgId)).map((t) => [t.currency, t.amount]));
}

/** Above the organisation's threshold for its currency (none set: no limit), approval takes an administrator. */
const isAbove = (row: repo.AssistanceRow, thresholds: Map<string, number>) =>
  row.amount !== null &&
  row.currency !== null &&
  thresholds.has(row.currency) &&
  row.amount > thresholds.get(row.currency)!;

export async function presentAssistance(
  platform: Platform,
  rows: repo.AssistanceRow[],
): Promise<Assistance[]> {
  const db = platform.database.db;
  const ids = rows.map((r) => r.id);
  const present = <T>(list: Array<T | null>) => [...new Set(list.filter((v): v is T => v !== null))];
  // One query each for the whole list, whatever its length.
  const [distributions, monitoring, names, people, households, thresholds] = await Promise.all([
    repo.distributionsOf(db, ids),
    repo.monitoringOf(db, ids),
    namesOfUsers(db, present(rows.flatMap((r) => [r.createdBy, r.decidedBy]))),
    repo.personNames(db, present(rows.map((r) => r.personId))),
    repo.householdNames(db, present(rows.map((r) => r.householdId))),
    repo.thresholdsOfOrgs(db, present(rows.map((r) => r.orgId))),
  ]);
  const thresholdsOf = (orgId: string) =>
    new Map(thresholds.filter((t) => t.orgId === orgId).map((t) => [t.currency, t.amount]));
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    personId: r.personId,
    householdId: r.householdId,
    recipientName: (r.personId ? people.get(r.personId) : households.get(r.householdId!)) ?? '',
    kind: r.kind,
    purpose: r.purpose,
    amount: r.amount,
    currency: r.currency as Assistance['currency'],
    instalments: r.instalments,
    items: r.items,
    budgetLineId: r.budgetLineId,
    reason: platform.cipher.decrypt(r.reasonEnc, sealContext.reason(r.id)),
    status: r.status,
    aboveThreshold: isAbove(r, thresholdsOf(r.orgId)),
    requestedBy: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
    requestedById: r.createdBy,
    decidedBy: r.decidedBy ? (names.get(r.decidedBy) ?? null) : null,
    decisionNote: r.decisionNote,
    distributions: distributions
      .filter(({ d }) => d.assistanceId === r.id)
      .map(({ d, byName }) => ({ on: d.on, instalment: d.instalment, amount: d.amount, byName })),
    monitoring: monitoring
      .filter(({ m }) => m.assistanceId === r.id)
      .map(({ m, byName }) => ({
        on: m.on,
        received: m.received as 'fully',
        usedFor: m.usedFor as Assistance['monitoring'][number]['usedFor'],
        note: m.noteEnc ? platform.cipher.decrypt(m.noteEnc, sealContext.note(m.id)) : null,
        byName,
      })),
    version: r.version,
  }));
}

export const presentOne = async (platform: Platform, row: repo.AssistanceRow) =>
  (await presentAssistance(platform, [row]))[0]!;

/** Asked for a person or a household the asker may read; it waits for a decision. */
export async function requestAssistance(
  platform: Platform,
  actor: Actor,
  input: z.output<typeof zAssistanceInput>,
) {
  authorize(actor, 'assistance.record');
  if (input.personId) await getPerson(platform, actor, input.personId);
  if (input.householdId) await getHousehold(platform, actor, input.householdId);
  const id = input.id ?? uuidv7();
  return repo.insertAssistance(platform.database.db, {
    id,
    orgId: actor.orgId,
    officeId: actor.officeId ?? null,
    personId: input.personId,
    householdId: input.householdId,
    kind: input.kind,
    purpose: input.purpose,
    amount: input.amount,
    currency: input.currency,
    instalments: input.instalments,
    items: input.items,
    budgetLineId: input.budgetLineId,
    reasonEnc: platform.cipher.encrypt(input.reason, sealContext.reason(id)),
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function getAssistance(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'assistance.read' | 'assistance.record' | 'assistance.approve' = 'assistance.read',
) {
  const row = await repo.findAssistance(platform.database.db, id);
  assertCan(actor, permission, row && ownership(row));
  return row!;
}

export function listAssistance(
  platform: Platform,
  actor: Actor,
  query: z.output<typeof zAssistanceListQuery>,
) {
  return repo.listAssistance(platform.database.db, scopeFilter(actor, 'assistance.read'), query);
}

/**
 * Approved or rejected, with a note: by a supervisor up to the organisation's threshold, above it
 * by an administrator, and never by the one who asked for it.
 */
export async function decide(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zAssistanceDecision>,
) {
  const current = await getAssistance(platform, actor, id, 'assistance.approve');
  if (current.status !== 'requested')
    throw new AppError('conflict', {
      reason: 'invalid_transition',
      from: current.status,
      to: input.decision,
    });
  if (current.createdBy === actor.userId) throw new AppError('forbidden', { reason: 'own_request' });
  if (
    isAbove(current, await thresholdMap(platform, current.orgId)) &&
    !can(actor, 'organisation.manage', current)
  )
    throw new AppError('forbidden', { reason: 'above_threshold' });
  const row = await repo.updateAssistance(platform.database.db, id, input.version, {
    status: input.decision === 'approve' ? 'approved' : 'rejected',
    decidedBy: actor.userId,
    decidedAt: new Date(),
    decisionNote: input.note,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

/** The next instalment (or the goods) handed over; the last one makes it distributed. */
export async function distribute(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zDistributionInput>,
) {
  const current = await getAssistance(platform, actor, id, 'assistance.record');
  if (current.status !== 'approved' && current.status !== 'distributing')
    throw new AppError('conflict', { reason: 'not_approved', status: current.status });
  const done = (await repo.distributionsOf(platform.database.db, [id])).length;
  const instalment = done + 1;
  // The version guards against two people recording the same instalment at once.
  const row = await repo.updateAssistance(platform.database.db, id, input.version, {
    status: instalment >= current.instalments ? 'distributed' : 'distributing',
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  await repo.insertDistribution(platform.database.db, {
    id: uuidv7(),
    assistanceId: id,
    instalment,
    on: input.on,
    amount: instalmentAmount(current.amount, current.instalments, instalment),
    note: input.note,
    by: actor.userId,
  });
  return row;
}

/** What the person said after: received or not, used for what. Only of what was handed over. */
export async function monitor(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zMonitoringInput>,
) {
  const row = await getAssistance(platform, actor, id, 'assistance.record');
  if (row.status !== 'distributing' && row.status !== 'distributed')
    throw new AppError('conflict', { reason: 'not_distributed', status: row.status });
  const mid = uuidv7();
  await repo.insertMonitoring(platform.database.db, {
    id: mid,
    assistanceId: id,
    on: input.on,
    received: input.received,
    usedFor: input.usedFor,
    noteEnc: input.note ? platform.cipher.encrypt(input.note, sealContext.note(mid)) : null,
    by: actor.userId,
  });
  return row;
}

export async function thresholds(platform: Platform, actor: Actor) {
  authorize(actor, 'assistance.read');
  return { items: await repo.thresholdsOf(platform.database.db, actor.orgId) };
}

export async function setThresholds(platform: Platform, actor: Actor, input: z.output<typeof zThresholds>) {
  authorize(actor, 'organisation.manage');
  const seen = new Set(input.items.map((i) => i.currency));
  if (seen.size !== input.items.length)
    throw new AppError('validation_failed', {
      issues: [{ path: 'items', in: 'body', code: 'currency_twice', message: '' }],
    });
  await repo.replaceThresholds(platform.database.db, actor.orgId, input.items);
  return { items: await repo.thresholdsOf(platform.database.db, actor.orgId) };
}
