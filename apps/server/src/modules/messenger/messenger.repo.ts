import { and, asc, desc, eq, gte, inArray, isNotNull, lt, max, or, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.ts';
import {
  geoAreas,
  messengerAuthors,
  messengerGroups,
  messengerImports,
  messengerMessages,
} from '../../db/schema/index.ts';
import { countAll, scopeWhere } from '../../db/scope.ts';
import type { ScopeFilter } from '../../platform/policy.ts';

export type GroupRow = typeof messengerGroups.$inferSelect;
export type AuthorRow = typeof messengerAuthors.$inferSelect;
export type MessageRow = typeof messengerMessages.$inferSelect;

/** A group's messages are the group's: whoever may read the group reads them. */
export const groupScope = (filter: ScopeFilter) =>
  scopeWhere(filter, {
    orgId: messengerGroups.orgId,
    officeId: messengerGroups.officeId,
    ownerId: messengerGroups.keeperId,
  });

export const findDistrict = async (db: Db, id: string) =>
  (
    await db
      .select()
      .from(geoAreas)
      .where(and(eq(geoAreas.id, id), eq(geoAreas.level, 'district')))
  )[0];

export async function insertGroup(db: Db, values: typeof messengerGroups.$inferInsert) {
  const [row] = await db.insert(messengerGroups).values(values).returning();
  return row!;
}

export const findGroup = async (db: Db, id: string) =>
  (await db.select().from(messengerGroups).where(eq(messengerGroups.id, id)))[0];

export async function updateGroup(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof messengerGroups.$inferInsert>,
) {
  const [row] = await db
    .update(messengerGroups)
    .set({ ...values, updatedAt: new Date(), version: sql`${messengerGroups.version} + 1` })
    .where(and(eq(messengerGroups.id, id), eq(messengerGroups.version, version)))
    .returning();
  return row;
}

export const listGroups = (db: Db, scope: SQL | undefined) =>
  db.select().from(messengerGroups).where(scope).orderBy(asc(messengerGroups.name));

/** For each group: its messages, those of the public waiting for a look, and the newest one's time. */
export async function groupCounts(db: Db, groupIds: string[]) {
  if (groupIds.length === 0)
    return new Map<string, { messages: number; waiting: number; last: Date | null }>();
  const rows = await db
    .select({
      groupId: messengerMessages.groupId,
      messages: countAll,
      waiting: sql<number>`(count(*) filter (where ${messengerMessages.status} in ('new', 'question')
        and ${messengerMessages.kind} = 'message' and ${messengerAuthors.role} = 'public'))::int`,
      last: max(messengerMessages.sentAt),
    })
    .from(messengerMessages)
    .leftJoin(messengerAuthors, eq(messengerAuthors.id, messengerMessages.authorId))
    .where(inArray(messengerMessages.groupId, groupIds))
    .groupBy(messengerMessages.groupId);
  return new Map(rows.map((r) => [r.groupId, { messages: r.messages, waiting: r.waiting, last: r.last }]));
}

export const authorsOf = (db: Db, groupId: string) =>
  db
    .select()
    .from(messengerAuthors)
    .where(eq(messengerAuthors.groupId, groupId))
    .orderBy(asc(messengerAuthors.ordinal));

export async function authorMessageCounts(db: Db, groupId: string) {
  const rows = await db
    .select({ authorId: messengerMessages.authorId, n: countAll })
    .from(messengerMessages)
    .where(and(eq(messengerMessages.groupId, groupId), isNotNull(messengerMessages.authorId)))
    .groupBy(messengerMessages.authorId);
  return new Map(rows.map((r) => [r.authorId!, r.n]));
}

export async function insertAuthors(db: Db, values: Array<typeof messengerAuthors.$inferInsert>) {
  if (values.length === 0) return [];
  return db.insert(messengerAuthors).values(values).returning();
}

export const findAuthor = async (db: Db, groupId: string, id: string) =>
  (
    await db
      .select()
      .from(messengerAuthors)
      .where(and(eq(messengerAuthors.id, id), eq(messengerAuthors.groupId, groupId)))
  )[0];

export async function updateAuthor(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof messengerAuthors.$inferInsert>,
) {
  const [row] = await db
    .update(messengerAuthors)
    .set({ ...values, updatedAt: new Date(), version: sql`${messengerAuthors.version} + 1` })
    .where(and(eq(messengerAuthors.id, id), eq(messengerAuthors.version, version)))
    .returning();
  return row;
}

export async function insertImport(db: Db, values: typeof messengerImports.$inferInsert) {
  const [row] = await db.insert(messengerImports).values(values).returning();
  return row!;
}

export const setImportAdded = (db: Db, id: string, added: number) =>
  db.update(messengerImports).set({ added }).where(eq(messengerImports.id, id));

/**
 * Inserts a slice of messages as one statement of column arrays (unnest): fifty thousand rows built
 * one by one as Drizzle values took most of an import's time. A message already in the group (same
 * fingerprint) is passed over. Returns how many were new.
 */
export async function insertMessages(db: Db, rows: Array<typeof messengerMessages.$inferInsert>) {
  if (rows.length === 0) return 0;
  const column = <K extends keyof (typeof rows)[number]>(key: K) =>
    sql.param(rows.map((r) => r[key] ?? null));
  const inserted = await queryRows<{ id: string }>(
    db,
    sql`
    insert into messenger_messages
      (id, org_id, group_id, import_id, fingerprint, sent_at, kind, author_id, text_enc, original_enc,
       looks_like_question, created_by, updated_by)
    select * from unnest(
      ${column('id')}::uuid[], ${column('orgId')}::uuid[], ${column('groupId')}::uuid[],
      ${column('importId')}::uuid[], ${column('fingerprint')}::text[],
      ${sql.param(rows.map((r) => r.sentAt!.toISOString()))}::timestamptz[], ${column('kind')}::text[],
      ${column('authorId')}::uuid[], ${column('textEnc')}::text[], ${column('originalEnc')}::text[],
      ${column('looksLikeQuestion')}::boolean[], ${column('createdBy')}::uuid[], ${column('updatedBy')}::uuid[])
    on conflict (group_id, fingerprint) do nothing
    returning id`,
  );
  return inserted.length;
}

const messageColumns = {
  message: messengerMessages,
  groupName: messengerGroups.name,
  groupOrgId: messengerGroups.orgId,
  groupOfficeId: messengerGroups.officeId,
  groupKeeperId: messengerGroups.keeperId,
  author: messengerAuthors,
};
export type MessageWithGroup = {
  message: MessageRow;
  groupName: string;
  groupOrgId: string;
  groupOfficeId: string | null;
  groupKeeperId: string | null;
  author: AuthorRow | null;
};

const messagesJoined = (db: Db) =>
  db
    .select(messageColumns)
    .from(messengerMessages)
    .innerJoin(messengerGroups, eq(messengerGroups.id, messengerMessages.groupId))
    .leftJoin(messengerAuthors, eq(messengerAuthors.id, messengerMessages.authorId));

export const findMessage = async (db: Db, id: string): Promise<MessageWithGroup | undefined> =>
  (await messagesJoined(db).where(eq(messengerMessages.id, id)))[0];

export interface MessageFilters {
  groupId?: string;
  status?: string;
  fromPublic?: boolean;
  limit: number;
  offset: number;
}

export async function listMessages(db: Db, scope: SQL | undefined, f: MessageFilters) {
  const where = and(
    scope,
    f.groupId ? eq(messengerMessages.groupId, f.groupId) : undefined,
    f.status ? eq(messengerMessages.status, f.status as 'new') : undefined,
    f.fromPublic
      ? and(eq(messengerAuthors.role, 'public'), eq(messengerMessages.kind, 'message'))
      : undefined,
  );
  const [rows, count] = await Promise.all([
    messagesJoined(db).where(where).orderBy(desc(messengerMessages.sentAt)).limit(f.limit).offset(f.offset),
    // The count joins as the list does, for the filters on the group and the writer.
    (async () => {
      const inner = db
        .select({ one: sql`1` })
        .from(messengerMessages)
        .innerJoin(messengerGroups, eq(messengerGroups.id, messengerMessages.groupId))
        .leftJoin(messengerAuthors, eq(messengerAuthors.id, messengerMessages.authorId))
        .where(where)
        .limit(501);
      const [n] = await db.select({ n: countAll }).from(inner.as('capped'));
      return { total: Math.min(n?.n ?? 0, 500), totalCapped: (n?.n ?? 0) > 500 };
    })(),
  ]);
  return { rows, ...count };
}

export async function updateMessage(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof messengerMessages.$inferInsert>,
) {
  const [row] = await db
    .update(messengerMessages)
    .set({ ...values, updatedAt: new Date(), version: sql`${messengerMessages.version} + 1` })
    .where(and(eq(messengerMessages.id, id), eq(messengerMessages.version, version)))
    .returning();
  return row;
}

/** Words as written are not kept past their time: dropped once a message was imported this long ago. */
export const dropOldOriginals = (db: Db, orgId: string, before: Date) =>
  db
    .update(messengerMessages)
    .set({ originalEnc: null })
    .where(
      and(
        eq(messengerMessages.orgId, orgId),
        isNotNull(messengerMessages.originalEnc),
        lt(messengerMessages.createdAt, before),
      ),
    );

/** A year's messages of the organisation's readable groups, in order: only who wrote and what became of it. */
export const yearOfMessages = (db: Db, scope: SQL | undefined, year: number) =>
  db
    .select({
      groupId: messengerMessages.groupId,
      authorId: messengerMessages.authorId,
      role: messengerAuthors.role,
      kind: messengerMessages.kind,
      status: messengerMessages.status,
    })
    .from(messengerMessages)
    .innerJoin(messengerGroups, eq(messengerGroups.id, messengerMessages.groupId))
    .leftJoin(messengerAuthors, eq(messengerAuthors.id, messengerMessages.authorId))
    .where(
      and(
        scope,
        gte(messengerMessages.sentAt, new Date(Date.UTC(year, 0, 1))),
        lt(messengerMessages.sentAt, new Date(Date.UTC(year + 1, 0, 1))),
        or(eq(messengerMessages.kind, 'message'), eq(messengerMessages.kind, 'media')),
      ),
    )
    .orderBy(asc(messengerMessages.groupId), asc(messengerMessages.sentAt), asc(messengerMessages.id));
