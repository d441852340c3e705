import {
  type Checkpoint,
  canPublishNotice,
  type zCheckpointInput,
  type zCheckpointListQuery,
  type zCheckpointStatusChange,
  type zCheckpointUpdate,
} from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { AppError, fieldIssue, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize } from '../../platform/policy.ts';
import { createNotice } from '../help/help.service.ts';
import * as repo from './checkpoints.repo.ts';

const today = () => new Date().toISOString().slice(0, 10);

export async function presentCheckpoints(
  platform: Platform,
  rows: repo.CheckpointRow[],
  options: { history?: boolean } = {},
): Promise<Checkpoint[]> {
  const db = platform.database.db;
  const last = await repo.lastVisits(
    db,
    rows.map((r) => r.id),
  );
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      name: row.name,
      countryCode: row.countryCode as Checkpoint['countryCode'],
      segment: row.segment,
      kind: row.kind,
      districtId: row.districtId,
      latitude: row.latitude,
      longitude: row.longitude,
      status: row.status,
      statusSince: row.statusSince,
      lastVisitedOn: last.get(row.id) ?? null,
      history: options.history
        ? (await repo.eventsOf(db, row.id)).map(({ event, byName }) => ({
            at: event.at.toISOString(),
            since: event.since,
            byName,
            from: event.from,
            to: event.to,
            note: event.note,
            noticeId: event.noticeId,
          }))
        : [],
      version: row.version,
    })),
  );
}

export const presentCheckpoint = async (platform: Platform, row: repo.CheckpointRow) =>
  (await presentCheckpoints(platform, [row], { history: true }))[0]!;

const place = (input: z.output<typeof zCheckpointUpdate> | z.output<typeof zCheckpointInput>) => ({
  name: input.name,
  countryCode: input.countryCode,
  segment: input.segment,
  kind: input.kind,
  districtId: input.districtId,
  latitude: input.latitude,
  longitude: input.longitude,
});

/** Adds a checkpoint to the register, open from today, its first status in its history. */
export async function addCheckpoint(
  platform: Platform,
  actor: Actor,
  input: z.output<typeof zCheckpointInput>,
) {
  authorize(actor, 'monitoring.record');
  const id = input.id ?? uuidv7();
  const row = await repo.insertCheckpoint(platform.database.db, {
    id,
    orgId: actor.orgId,
    ...place(input),
    statusSince: today(),
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
  await repo.insertEvent(platform.database.db, {
    id: uuidv7(),
    checkpointId: id,
    from: null,
    to: 'open',
    since: row.statusSince,
    by: actor.userId,
  });
  return row;
}

export async function getCheckpoint(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'monitoring.read' | 'monitoring.record' = 'monitoring.read',
) {
  const row = await repo.findCheckpoint(platform.database.db, id);
  assertCan(actor, permission, row && { orgId: row.orgId, officeId: null, ownerId: row.createdBy });
  return row!;
}

export function listCheckpoints(
  platform: Platform,
  actor: Actor,
  query: z.output<typeof zCheckpointListQuery>,
) {
  authorize(actor, 'monitoring.read');
  return repo.listCheckpoints(platform.database.db, actor.orgId, query);
}

export async function updateCheckpoint(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zCheckpointUpdate>,
) {
  const current = await getCheckpoint(platform, actor, id, 'monitoring.record');
  const row = await repo.updateCheckpoint(platform.database.db, id, input.version, {
    ...place(input),
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

/**
 * A new status since a day, with why. With a notice, the public help site tells travellers at
 * once, in the checkpoint's country, from today until the day the notice names.
 */
export async function setCheckpointStatus(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zCheckpointStatusChange>,
) {
  const current = await getCheckpoint(platform, actor, id, 'monitoring.record');
  if (input.notice) {
    authorize(actor, 'help.publish');
    if (!canPublishNotice(current.countryCode))
      throw new AppError('validation_failed', { issues: [fieldIssue('notice', 'notice_country')] });
    if (input.notice.endsOn < today())
      throw new AppError('validation_failed', { issues: [fieldIssue('notice.endsOn', 'validity_order')] });
  }
  if (current.status === input.to)
    throw new AppError('conflict', { reason: 'invalid_transition', from: current.status, to: input.to });
  const row = await repo.updateCheckpoint(platform.database.db, id, input.version, {
    status: input.to,
    statusSince: input.since,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  const notice = input.notice
    ? await createNotice(platform, actor, {
        countryCode: current.countryCode as 'KG',
        texts: input.notice.texts,
        startsOn: today(),
        endsOn: input.notice.endsOn,
      })
    : null;
  await repo.insertEvent(platform.database.db, {
    id: uuidv7(),
    checkpointId: id,
    from: current.status,
    to: input.to,
    since: input.since,
    note: input.note,
    noticeId: notice?.id ?? null,
    by: actor.userId,
  });
  return { row, notice };
}
