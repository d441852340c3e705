import type { zHearingInput, zHearingsQuery } from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { openOptional, sealOptional } from '../../platform/crypto.ts';
import { isoDay } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, scopeFilter } from '../../platform/policy.ts';
import { caseScope } from './cases.repo.ts';
import { getCase } from './cases.service.ts';
import * as repo from './hearings.repo.ts';

const noteContext = (id: string) => `case_hearings.note:${id}`;

export async function addHearing(
  platform: Platform,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof zHearingInput>,
) {
  const c = await getCase(platform, actor, caseId, 'case.manage');
  if (c.status === 'closed') throw new AppError('conflict', { reason: 'case_closed' });
  const id = input.id ?? uuidv7();
  return repo.insertHearing(platform.database.db, {
    id,
    orgId: c.orgId,
    caseId,
    kind: input.kind,
    date: input.date,
    time: input.time ?? null,
    place: input.place,
    noteEnc: sealOptional(platform.cipher, input.note, noteContext(id)),
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function removeHearing(platform: Platform, actor: Actor, caseId: string, hearingId: string) {
  await getCase(platform, actor, caseId, 'case.manage');
  const row = await repo.deleteHearing(platform.database.db, caseId, hearingId);
  if (!row) throw new AppError('not_found');
  return row;
}

const presentCore = (row: repo.HearingRow) => ({
  id: row.id,
  kind: row.kind,
  date: isoDay(row.date),
  time: row.time,
  place: row.place,
  createdBy: row.createdBy,
});

export const presentHearing = (platform: Platform, row: repo.HearingRow) => ({
  ...presentCore(row),
  note: openOptional(platform.cipher, row.noteEnc, noteContext(row.id)),
});

export const listHearings = async (platform: Platform, caseId: string) =>
  (await repo.listHearings(platform.database.db, caseId)).map((row) => presentHearing(platform, row));

/** The calendar's hearings: on the cases the user may read, or only those assigned to them. The note stays on the case. */
export async function hearingsBetween(
  platform: Platform,
  actor: Actor,
  query: z.infer<typeof zHearingsQuery>,
) {
  const visible = caseScope(scopeFilter(actor, 'case.read'));
  const rows = await repo.hearingsBetween(platform.database.db, visible, {
    from: query.from,
    to: query.to,
    assignedTo: query.mine === 'true' ? actor.userId : undefined,
  });
  return rows.map((r) => ({ ...presentCore(r.hearing), caseId: r.hearing.caseId, caseNumber: r.caseNumber }));
}
