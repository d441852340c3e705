import type { ReferralStatus } from '@komek/domain';
import { and, desc, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/connection.ts';
import { nextInYear } from '../../db/counters.ts';
import {
  caseEvents,
  organisations,
  referralCounters,
  referralEvents,
  referrals,
  services,
  users,
} from '../../db/schema/index.ts';
import { countCapped, scopeWhere } from '../../db/scope.ts';
import type { ScopeFilter } from '../../platform/policy.ts';
import { caseIdWithinReach } from '../cases/case-reach.repo.ts';

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralInsert = typeof referrals.$inferInsert;

export const byId = (id: string) => eq(referrals.id, id);

/**
 * Outgoing: the referrals the sender's scope reaches (narrowed to one organisation or to the
 * creator's own when the policy says so). Incoming: those sent to the organisation, or none.
 */
export function referralWhere(
  scope:
    | { outgoing: { filter: ScopeFilter; fromOrgId?: string; createdBy?: string } }
    | { incomingTo: string | null },
  q: { status?: ReferralStatus; overdue?: boolean; caseId?: string },
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if ('outgoing' in scope) {
    const { filter, fromOrgId, createdBy } = scope.outgoing;
    conditions.push(
      scopeWhere(filter, {
        orgId: referrals.fromOrgId,
        officeId: referrals.fromOfficeId,
        ownerId: referrals.createdBy,
      }),
    );
    if (fromOrgId) conditions.push(eq(referrals.fromOrgId, fromOrgId));
    if (createdBy) conditions.push(eq(referrals.createdBy, createdBy));
    // A referral from a restricted case is as restricted as the case, on the sending side.
    conditions.push(caseIdWithinReach(referrals.caseId, filter.reader));
  } else {
    conditions.push(scope.incomingTo ? eq(referrals.toOrgId, scope.incomingTo) : sql`false`);
  }
  if (q.status) conditions.push(eq(referrals.status, q.status));
  if (q.overdue) conditions.push(and(eq(referrals.status, 'sent'), lt(referrals.respondBy, new Date())));
  if (q.caseId) conditions.push(eq(referrals.caseId, q.caseId));
  return and(...conditions);
}

export interface ReferralEventInput {
  kind: string;
  orgId: string;
  noteEnc?: string | null;
  data?: Record<string, unknown>;
  /** Null when the system itself records the event (the overdue job). */
  by: string | null;
}
export interface CaseEventInput {
  kind: string;
  data: Record<string, unknown>;
  by: string;
}

async function nextReference(tx: Tx, orgId: string, year: number): Promise<string> {
  return `R${year}-${String(await nextInYear(tx, referralCounters, orgId, year)).padStart(5, '0')}`;
}

/** The referral, its first history entry and the sender's case timeline entry commit together. */
export async function insertReferral(
  db: Db,
  values: Omit<typeof referrals.$inferInsert, 'reference'>,
  event: ReferralEventInput,
  caseEvent?: CaseEventInput,
) {
  return db.transaction(async (tx) => {
    const reference = await nextReference(tx, values.fromOrgId, new Date().getUTCFullYear());
    const [row] = await tx
      .insert(referrals)
      .values({ ...values, reference })
      .returning();
    await tx.insert(referralEvents).values({ referralId: row!.id, ...event });
    if (row!.caseId && caseEvent)
      await tx.insert(caseEvents).values({
        orgId: row!.fromOrgId,
        caseId: row!.caseId,
        ...caseEvent,
        data: { ...caseEvent.data, reference },
      });
    if (values.parentId)
      await tx.insert(referralEvents).values({
        referralId: values.parentId,
        kind: 'onward',
        orgId: event.orgId,
        data: { childId: row!.id, reference },
        by: event.by,
      });
    return row!;
  });
}

export async function updateReferralVersioned(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof referrals.$inferInsert>,
  event: ReferralEventInput,
  caseEvent?: CaseEventInput,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(referrals)
      .set({ ...values, updatedAt: new Date(), version: sql`${referrals.version} + 1` })
      .where(and(eq(referrals.id, id), eq(referrals.version, version)))
      .returning();
    if (!row) return undefined;
    await tx.insert(referralEvents).values({ referralId: id, ...event });
    if (row.caseId && caseEvent)
      await tx.insert(caseEvents).values({
        orgId: row.fromOrgId,
        caseId: row.caseId,
        ...caseEvent,
        data: { ...caseEvent.data, reference: row.reference },
      });
    return row;
  });
}

export async function findReferral(db: Db, id: string): Promise<ReferralRow | undefined> {
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
  return row;
}

const fromOrg = alias(organisations, 'from_org');
const toOrg = alias(organisations, 'to_org');

/** Rows with the names a presenter needs: both organisations and the service. */
export async function withNames(db: Db, where: SQL | undefined, limit: number, offset: number) {
  return db
    .select({
      referral: referrals,
      fromOrgName: fromOrg.name,
      toOrgName: toOrg.name,
      serviceName: services.name,
      serviceType: services.type,
    })
    .from(referrals)
    .innerJoin(fromOrg, eq(fromOrg.id, referrals.fromOrgId))
    .innerJoin(toOrg, eq(toOrg.id, referrals.toOrgId))
    .innerJoin(services, eq(services.id, referrals.serviceId))
    .where(where)
    .orderBy(desc(referrals.sentAt))
    .limit(limit)
    .offset(offset);
}
export type ReferralWithNames = Awaited<ReturnType<typeof withNames>>[number];

export async function listReferrals(db: Db, where: SQL | undefined, limit: number, offset: number) {
  const [items, count] = await Promise.all([
    withNames(db, where, limit, offset),
    countCapped(db, referrals, where),
  ]);
  return { items, ...count };
}

export async function eventsOf(db: Db, referralId: string) {
  return db
    .select({ event: referralEvents, byName: users.displayName, orgName: organisations.name })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.by))
    .leftJoin(organisations, eq(organisations.id, referralEvents.orgId))
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(referralEvents.at);
}

export async function childrenOf(db: Db, parentId: string) {
  return db
    .select({
      id: referrals.id,
      reference: referrals.reference,
      status: referrals.status,
      toOrgName: organisations.name,
    })
    .from(referrals)
    .innerJoin(organisations, eq(organisations.id, referrals.toOrgId))
    .where(eq(referrals.parentId, parentId))
    .orderBy(referrals.sentAt);
}

/**
 * Per-partner figures. `partnerColumn` is the other side: the receiver for what we sent, the
 * sender for what we received. Response time counts from sending to accepting or declining.
 */
export async function partnerStats(db: Db, where: SQL | undefined, direction: 'incoming' | 'outgoing') {
  const partner = direction === 'outgoing' ? referrals.toOrgId : referrals.fromOrgId;
  const n = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;
  return db
    .select({
      orgId: partner,
      orgName: organisations.name,
      sent: sql<number>`count(*)::int`,
      accepted: n(sql`${referrals.respondedAt} is not null and ${referrals.status} <> 'declined'`),
      declined: n(sql`${referrals.status} = 'declined'`),
      completed: n(sql`${referrals.status} = 'completed'`),
      open: n(sql`${referrals.status} in ('sent', 'accepted', 'in_progress')`),
      overdue: n(sql`${referrals.status} = 'sent' and ${referrals.respondBy} < now()`),
      medianResponseHours: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (${referrals.respondedAt} - ${referrals.sentAt})) / 3600.0) filter (where ${referrals.respondedAt} is not null)`,
    })
    .from(referrals)
    .innerJoin(organisations, eq(organisations.id, partner))
    .where(where)
    .groupBy(partner, organisations.name)
    .orderBy(organisations.name);
}

/** Claims each overdue referral once; the claim is the update itself, so two workers cannot both send. */
export async function claimOverdue(db: Db, now: Date, limit = 500) {
  const due = db
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(eq(referrals.status, 'sent'), lt(referrals.respondBy, now), isNull(referrals.overdueNotifiedAt)),
    )
    .limit(limit);
  return db
    .update(referrals)
    .set({ overdueNotifiedAt: now })
    .where(and(inArray(referrals.id, due), isNull(referrals.overdueNotifiedAt)))
    .returning();
}

export async function insertEvent(db: Db, referralId: string, event: ReferralEventInput) {
  await db.insert(referralEvents).values({ referralId, ...event });
}
