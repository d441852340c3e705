import type { zActivity, zActivityInput, zActivityQuery, zActivityUpdate } from '@komek/domain';
import type { z } from 'zod';
import { isoDay } from '../../platform/dates.ts';
import { AppError, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize } from '../../platform/policy.ts';
import { readSealedFile, storeSealedFile } from '../../platform/sealed-files.ts';
import * as repo from './activities.repo.ts';

type Row = repo.ActivityRow;
type Activity = z.infer<typeof zActivity>;

export const presentActivity = (r: Row): Activity => ({
  id: r.id,
  orgId: r.orgId,
  type: r.type,
  title: r.title,
  date: isoDay(r.date),
  districtId: r.districtId,
  organisers: r.organisers,
  audience: r.audience,
  participants: r.participants as Activity['participants'],
  participantsTotal: r.participantsTotal,
  checkpoint: r.checkpoint,
  findings: r.findings,
  version: r.version,
});

const total = (p: Array<{ count: number }>) => p.reduce((s, x) => s + x.count, 0);

export async function listActivities(platform: Platform, actor: Actor, q: z.infer<typeof zActivityQuery>) {
  authorize(actor, 'results.read');
  const rows = await repo.activitiesOf(platform.database.db, actor.orgId, q);
  return rows.map(presentActivity);
}

/** What this user recorded, whatever their reach over the organisation's results. */
export async function listMyActivities(platform: Platform, actor: Actor, q: z.infer<typeof zActivityQuery>) {
  authorize(actor, 'activity.record');
  const rows = await repo.activitiesOf(platform.database.db, actor.orgId, { ...q, createdBy: actor.userId });
  return rows.map(presentActivity);
}

export async function createActivity(
  platform: Platform,
  actor: Actor,
  input: z.infer<typeof zActivityInput>,
) {
  authorize(actor, 'activity.record');
  return repo.insertActivity(platform.database.db, {
    ...input,
    participantsTotal: total(input.participants),
    orgId: actor.orgId,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function updateActivity(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.infer<typeof zActivityUpdate>,
) {
  const { db } = platform.database;
  const current = await repo.findActivity(db, id);
  assertCan(actor, 'results.manage', current);
  const { version, ...values } = input;
  const row = await repo.updateActivityVersioned(db, id, version, {
    ...values,
    ...(values.participants ? { participantsTotal: total(values.participants) } : {}),
    updatedBy: actor.userId,
  });
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
  const row = await repo.findActivity(platform.database.db, id);
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
  return repo.insertActivityFile(platform.database.db, {
    ...stored,
    orgId: activity.orgId,
    activityId,
    filename: input.filename,
    mimeType: input.mimeType,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function activityFiles(platform: Platform, actor: Actor, activityId: string) {
  await ownActivity(platform, actor, activityId, 'results.read');
  return repo.filesOfActivity(platform.database.db, activityId);
}

export async function readActivityFile(platform: Platform, actor: Actor, activityId: string, fileId: string) {
  await ownActivity(platform, actor, activityId, 'results.read');
  const row = await repo.findActivityFile(platform.database.db, activityId, fileId);
  if (!row) throw new AppError('not_found');
  return { row, bytes: await readSealedFile(platform, FILES, row) };
}
