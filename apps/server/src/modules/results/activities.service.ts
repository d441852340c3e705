import type { zActivity, zActivityInput, zActivityQuery, zActivityUpdate } from '@komek/domain';
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { activities, activityAttachments } from '../../db/schema/index.ts';
import { isoDay } from '../../platform/dates.ts';
import { AppError, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize } from '../../platform/policy.ts';
import { readSealedFile, storeSealedFile } from '../../platform/sealed-files.ts';

type Row = typeof activities.$inferSelect;
type Activity = z.infer<typeof zActivity>;

export const presentActivity = (r: Row): Activity => ({
  id: r.id,
  orgId: r.orgId,
  type: r.type as Activity['type'],
  title: r.title,
  date: isoDay(r.date),
  districtId: r.districtId,
  organisers: r.organisers,
  audience: r.audience as Activity['audience'],
  participants: r.participants as Activity['participants'],
  participantsTotal: r.participantsTotal,
  checkpoint: r.checkpoint,
  findings: r.findings,
  version: r.version,
});

const total = (p: Array<{ count: number }>) => p.reduce((s, x) => s + x.count, 0);

export async function listActivities(platform: Platform, actor: Actor, q: z.infer<typeof zActivityQuery>) {
  authorize(actor, 'results.read');
  const rows = await platform.database.db
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.orgId, actor.orgId),
        q.year
          ? and(gte(activities.date, `${q.year}-01-01`), lt(activities.date, `${q.year + 1}-01-01`))
          : undefined,
        q.type ? eq(activities.type, q.type) : undefined,
        q.districtId ? eq(activities.districtId, q.districtId) : undefined,
      ),
    )
    .orderBy(desc(activities.date))
    .limit(500);
  return rows.map(presentActivity);
}

export async function createActivity(
  platform: Platform,
  actor: Actor,
  input: z.infer<typeof zActivityInput>,
) {
  authorize(actor, 'results.manage');
  const [row] = await platform.database.db
    .insert(activities)
    .values({
      ...input,
      participantsTotal: total(input.participants),
      orgId: actor.orgId,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning();
  return row!;
}

export async function updateActivity(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.infer<typeof zActivityUpdate>,
) {
  const { db } = platform.database;
  const [current] = await db.select().from(activities).where(eq(activities.id, id));
  assertCan(actor, 'results.manage', current);
  const { version, ...values } = input;
  const [row] = await db
    .update(activities)
    .set({
      ...values,
      ...(values.participants ? { participantsTotal: total(values.participants) } : {}),
      updatedBy: actor.userId,
      updatedAt: new Date(),
      version: sql`${activities.version} + 1`,
    })
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning();
  if (!row) throw versionConflict(current.version);
  return row;
}

const FILES = 'activity_attachments';

async function ownActivity(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'results.read' | 'results.manage',
) {
  const [row] = await platform.database.db.select().from(activities).where(eq(activities.id, id));
  assertCan(actor, permission, row);
  return row;
}

export async function attachToActivity(
  platform: Platform,
  actor: Actor,
  activityId: string,
  input: { filename: string; mimeType: string; contentBase64: string },
) {
  const activity = await ownActivity(platform, actor, activityId, 'results.manage');
  const stored = await storeSealedFile(platform, FILES, activity.orgId, input);
  const [row] = await platform.database.db
    .insert(activityAttachments)
    .values({
      ...stored,
      orgId: activity.orgId,
      activityId,
      filename: input.filename,
      mimeType: input.mimeType,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning();
  return row!;
}

export async function activityFiles(platform: Platform, actor: Actor, activityId: string) {
  await ownActivity(platform, actor, activityId, 'results.read');
  return platform.database.db
    .select()
    .from(activityAttachments)
    .where(eq(activityAttachments.activityId, activityId))
    .orderBy(asc(activityAttachments.createdAt));
}

export async function readActivityFile(platform: Platform, actor: Actor, activityId: string, fileId: string) {
  await ownActivity(platform, actor, activityId, 'results.read');
  const [row] = await platform.database.db
    .select()
    .from(activityAttachments)
    .where(and(eq(activityAttachments.id, fileId), eq(activityAttachments.activityId, activityId)));
  if (!row) throw new AppError('not_found');
  return { row, bytes: await readSealedFile(platform, FILES, row) };
}
