import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { linkageListRows, linkageLists, users } from '../../db/schema/index.ts';
import { InputFileError, parsePeopleCsv } from '../../linkage/read-people-csv.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { enqueueOrRun, serveQueue } from '../../platform/jobs.ts';
import { type Actor, actorFromUser, assertCan, authorize, scopeFilter } from '../../platform/policy.ts';
import { notify } from '../notifications/notifications.service.ts';
import { findDuplicates } from '../persons/persons.service.ts';
import { assertAssignee } from '../users/assignees.ts';

export const LIST_QUEUE = 'linkage-list';
/** Same cut-offs as the registration check shows: a sure match, and one a person should look at. */
export const MATCH_AT = 0.85;
export const REVIEW_AT = 0.5;
const BATCH = 50;

type ListRow = typeof linkageLists.$inferSelect;
type Row = typeof linkageListRows.$inferSelect;
interface ListRecord {
  firstName: string;
  lastName: string;
  patronymic: string | null;
  sex: string | null;
  dateOfBirth: string | null;
}
const rowContext = (id: string) => `linkage_list_rows.record:${id}`;

export const presentList = (l: ListRow) => ({
  id: l.id,
  name: l.name,
  filename: l.filename,
  status: l.status as 'queued' | 'running' | 'done' | 'failed',
  progress: l.progress,
  total: l.total,
  matched: l.matched,
  review: l.review,
  unmatched: l.unmatched,
  error: l.error,
  createdAt: l.createdAt.toISOString(),
});

/** Reads the file (same columns and encodings as `komek link`), stores its rows sealed and queues the matching. */
export async function uploadList(
  platform: Platform,
  actor: Actor,
  input: { name: string; filename: string; contentBase64: string },
) {
  authorize(actor, 'person.manage');
  let records: ReturnType<typeof parsePeopleCsv>;
  try {
    records = parsePeopleCsv(Buffer.from(input.contentBase64, 'base64'), input.filename);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    const line = /line (\d+)/.exec(error.message)?.[1] ?? '1';
    throw new AppError('validation_failed', {
      issues: [{ path: 'contentBase64', in: 'body', code: 'bad_file', message: '', params: { line } }],
    });
  }
  if (records.length === 0 || records.length > 50_000)
    throw new AppError('validation_failed', {
      issues: [
        { path: 'contentBase64', in: 'body', code: 'row_count', message: '', params: { max: '50 000' } },
      ],
    });
  const { db } = platform.database;
  const list = await db.transaction(async (tx) => {
    const [l] = await tx
      .insert(linkageLists)
      .values({
        orgId: actor.orgId,
        name: input.name,
        filename: input.filename,
        total: records.length,
        createdBy: actor.userId,
      })
      .returning();
    for (let i = 0; i < records.length; i += 1000) {
      await tx.insert(linkageListRows).values(
        records.slice(i, i + 1000).map((r, k) => {
          const { id: externalId, ...record } = r;
          const id = uuidv7();
          return {
            id,
            listId: l!.id,
            orgId: actor.orgId,
            position: i + k,
            externalId,
            recordEnc: platform.cipher.encrypt(JSON.stringify(record), rowContext(id)),
          };
        }),
      );
    }
    return l!;
  });
  await enqueueOrRun(platform.jobs, LIST_QUEUE, { listId: list.id }, ({ listId }) =>
    matchList(platform, listId),
  );
  return list;
}

/** Matches every row against the people the uploader may see, reporting progress as it goes. */
export async function matchList(platform: Platform, listId: string): Promise<void> {
  const { db } = platform.database;
  const [list] = await db.select().from(linkageLists).where(eq(linkageLists.id, listId));
  if (list?.status !== 'queued') return;
  const [user] = await db.select().from(users).where(eq(users.id, list.createdBy));
  const set = (values: Partial<ListRow>) =>
    db.update(linkageLists).set(values).where(eq(linkageLists.id, listId));
  if (!user) return void (await set({ status: 'failed', error: 'uploader not found' }));
  const actor = actorFromUser(user);
  await set({ status: 'running', progress: 0 });
  const counts = { matched: 0, review: 0, unmatched: 0 };
  try {
    const rows = await db
      .select()
      .from(linkageListRows)
      .where(eq(linkageListRows.listId, listId))
      .orderBy(asc(linkageListRows.position));
    for (let i = 0; i < rows.length; i += BATCH) {
      for (const row of rows.slice(i, i + BATCH)) {
        const r = openRecord(platform, row);
        const [best] = await findDuplicates(platform, actor, {
          givenName: r.firstName,
          familyName: r.lastName,
          patronymic: r.patronymic ?? undefined,
          birthDate: r.dateOfBirth ?? undefined,
        });
        const decision =
          !best || best.score < REVIEW_AT ? 'none' : best.score >= MATCH_AT ? 'match' : 'review';
        counts[decision === 'match' ? 'matched' : decision === 'review' ? 'review' : 'unmatched']++;
        await db
          .update(linkageListRows)
          .set({
            decision,
            personId: best && decision !== 'none' ? best.person.id : null,
            score: best?.score ?? null,
          })
          .where(eq(linkageListRows.id, row.id));
      }
      await set({ progress: Math.round((Math.min(i + BATCH, rows.length) / rows.length) * 100), ...counts });
    }
    await set({ status: 'done', progress: 100, ...counts });
  } catch (error) {
    await set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}

const openRecord = (platform: Platform, row: Row): ListRecord =>
  JSON.parse(platform.cipher.decrypt(row.recordEnc, rowContext(row.id))) as ListRecord;

async function ownList(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'person.read' | 'person.manage',
) {
  const [list] = await platform.database.db.select().from(linkageLists).where(eq(linkageLists.id, id));
  // Lists belong to the organisation: who reads its people reads them all; a field worker, who
  // reads only their own people, the lists they uploaded.
  assertCan(actor, permission, list && listOwnership(list));
  return list;
}

const listOwnership = (list: { orgId: string; createdBy: string }) => ({
  orgId: list.orgId,
  ownerId: list.createdBy,
});

/** Only the lists the actor may open: names, file names and counts of the others stay hidden. */
export async function listLists(platform: Platform, actor: Actor) {
  const scope = scopeFilter(actor, 'person.read');
  const wide = scope.kind === 'all' || scope.kind === 'organisation';
  return platform.database.db
    .select()
    .from(linkageLists)
    .where(
      and(eq(linkageLists.orgId, actor.orgId), wide ? undefined : eq(linkageLists.createdBy, actor.userId)),
    )
    .orderBy(desc(linkageLists.createdAt))
    .limit(100);
}

export async function getList(platform: Platform, actor: Actor, id: string) {
  return ownList(platform, actor, id, 'person.read');
}

export async function listRows(platform: Platform, actor: Actor, id: string, decision?: string) {
  await ownList(platform, actor, id, 'person.read');
  const rows = await platform.database.db
    .select()
    .from(linkageListRows)
    .where(and(eq(linkageListRows.listId, id), decision ? eq(linkageListRows.decision, decision) : undefined))
    .orderBy(asc(linkageListRows.position))
    .limit(1000);
  return rows.map((row) => ({
    id: row.id,
    externalId: row.externalId,
    record: openRecord(platform, row),
    decision: row.decision as 'match' | 'review' | 'none' | null,
    personId: row.personId,
    score: row.score,
    followUp: row.followUpAssignee
      ? {
          assignedTo: row.followUpAssignee,
          dueDate: row.followUpDue ? String(row.followUpDue).slice(0, 10) : null,
          doneAt: row.followUpDoneAt?.toISOString() ?? null,
        }
      : null,
  }));
}

/** Unmatched rows become follow-up tasks for a caseworker: find the family, check the documents. */
export async function createFollowUps(
  platform: Platform,
  actor: Actor,
  id: string,
  input: { rowIds: string[]; assignedTo: string; dueDate: string },
) {
  const list = await ownList(platform, actor, id, 'person.manage');
  const { db } = platform.database;
  // Whoever looks for these people reads the rows' names and registers whom they find: they must
  // be allowed to work people of the organisation (a viewer is not).
  await assertAssignee(platform, input.assignedTo, 'person.manage', { orgId: list.orgId });
  const updated = await db
    .update(linkageListRows)
    .set({ followUpAssignee: input.assignedTo, followUpDue: input.dueDate, followUpDoneAt: null })
    .where(and(eq(linkageListRows.listId, id), inArray(linkageListRows.id, input.rowIds)))
    .returning({ id: linkageListRows.id });
  await notify(platform, {
    userIds: [input.assignedTo],
    kind: 'follow_up_assigned',
    params: { count: String(updated.length), list: list.name, due: input.dueDate },
    link: `/lists?list=${id}`,
  });
  return updated.length;
}

/** The follow-ups assigned to the caller, open ones first, whatever list they came from. */
export async function myFollowUps(platform: Platform, actor: Actor) {
  const rows = await platform.database.db
    .select({ row: linkageListRows, listName: linkageLists.name })
    .from(linkageListRows)
    .innerJoin(linkageLists, eq(linkageLists.id, linkageListRows.listId))
    .where(and(eq(linkageListRows.followUpAssignee, actor.userId), eq(linkageListRows.orgId, actor.orgId)))
    .orderBy(asc(linkageListRows.followUpDoneAt), asc(linkageListRows.followUpDue))
    .limit(200);
  return rows.map(({ row, listName }) => ({
    id: row.id,
    listId: row.listId,
    listName,
    externalId: row.externalId,
    record: openRecord(platform, row),
    dueDate: row.followUpDue ? String(row.followUpDue).slice(0, 10) : null,
    doneAt: row.followUpDoneAt?.toISOString() ?? null,
  }));
}

export async function finishFollowUp(
  platform: Platform,
  actor: Actor,
  id: string,
  rowId: string,
  done: boolean,
) {
  const [mine] = await platform.database.db
    .select({ assignee: linkageListRows.followUpAssignee })
    .from(linkageListRows)
    .where(
      and(
        eq(linkageListRows.listId, id),
        eq(linkageListRows.id, rowId),
        eq(linkageListRows.orgId, actor.orgId),
      ),
    );
  // The person the follow-up was given to closes it, even without a hand on the whole list.
  if (mine?.assignee !== actor.userId) await ownList(platform, actor, id, 'person.manage');
  const [row] = await platform.database.db
    .update(linkageListRows)
    .set({ followUpDoneAt: done ? new Date() : null })
    .where(and(eq(linkageListRows.listId, id), eq(linkageListRows.id, rowId)))
    .returning();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function registerListWorkers(platform: Platform): Promise<void> {
  await serveQueue<{ listId: string }>(platform.jobs, LIST_QUEUE, ({ listId }) =>
    matchList(platform, listId),
  );
}
