import type { zInterventionInput, zNoteInput, zTaskInput } from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { openOptional, sealOptional } from '../../platform/crypto.ts';
import { isoDay, today } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, scopeFilter } from '../../platform/policy.ts';
import { assertAssignee } from '../users/assignees.ts';
import * as repo from './case-activity.repo.ts';
import { caseScope } from './cases.repo.ts';
import { getCase } from './cases.service.ts';
import { listHearings } from './hearings.service.ts';

const interventionContext = (id: string) => `interventions.summary:${id}`;
const noteContext = (id: string) => `case_notes.body:${id}`;

export async function logIntervention(
  platform: Platform,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof zInterventionInput>,
) {
  const c = await getCase(platform, actor, caseId, 'case.manage');
  if (c.status === 'closed') throw new AppError('conflict', { reason: 'case_closed' });
  const { summary, id: chosen, ...rest } = input;
  const id = chosen ?? uuidv7();
  return repo.insertIntervention(platform.database.db, {
    id,
    orgId: c.orgId,
    caseId,
    ...rest,
    summaryEnc: sealOptional(platform.cipher, summary, interventionContext(id)),
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export const presentIntervention = (platform: Platform, row: repo.InterventionRow) => ({
  id: row.id,
  caseId: row.caseId,
  type: row.type,
  date: isoDay(row.date),
  durationMinutes: row.durationMinutes,
  channel: row.channel,
  language: row.language,
  summary: openOptional(platform.cipher, row.summaryEnc, interventionContext(row.id)),
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

export async function addNote(
  platform: Platform,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof zNoteInput>,
) {
  const c = await getCase(platform, actor, caseId, 'case.manage');
  const id = input.id ?? uuidv7();
  return repo.insertNote(platform.database.db, {
    id,
    orgId: c.orgId,
    caseId,
    bodyEnc: platform.cipher.encrypt(input.body, noteContext(id)),
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export const presentNote = (platform: Platform, row: repo.NoteRow) => ({
  id: row.id,
  body: platform.cipher.decrypt(row.bodyEnc, noteContext(row.id)),
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

export async function addTask(
  platform: Platform,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof zTaskInput>,
) {
  const c = await getCase(platform, actor, caseId, 'case.manage');
  if (c.status === 'closed') throw new AppError('conflict', { reason: 'case_closed' });
  await assertAssignee(platform, input.assignedTo, 'case.manage', { orgId: c.orgId, officeId: c.officeId });
  return repo.insertTask(platform.database.db, {
    orgId: c.orgId,
    caseId,
    title: input.title,
    dueDate: input.dueDate,
    assignedTo: input.assignedTo ?? c.assignedTo,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function completeTask(
  platform: Platform,
  actor: Actor,
  caseId: string,
  taskId: string,
  done: boolean,
) {
  await getCase(platform, actor, caseId, 'case.manage');
  const row = await repo.setTaskDone(platform.database.db, caseId, taskId, done, actor.userId);
  if (!row) throw new AppError('not_found');
  return row;
}

export const presentTask = (row: repo.TaskRow) => ({
  id: row.id,
  title: row.title,
  dueDate: isoDay(row.dueDate),
  assignedTo: row.assignedTo,
  doneAt: row.doneAt?.toISOString() ?? null,
  cancelledAt: row.cancelledAt?.toISOString() ?? null,
  overdue: !row.doneAt && !row.cancelledAt && isoDay(row.dueDate) < today(),
});

/** The user's own open tasks, for the calendar and its feed; only on cases they may read. */
export async function myOpenTasks(
  platform: Platform,
  actor: Actor,
  range: { from?: string; to?: string } = {},
) {
  const visible = caseScope(scopeFilter(actor, 'case.read'));
  const rows = await repo.openTasksOf(platform.database.db, actor.userId, visible, range.from, range.to);
  return rows.map((r) => ({ ...presentTask(r.task), caseId: r.task.caseId, caseNumber: r.caseNumber }));
}

export async function caseActivity(platform: Platform, actor: Actor, caseId: string) {
  await getCase(platform, actor, caseId);
  const { db } = platform.database;
  const [interventions, notes, tasks, hearings, events] = await Promise.all([
    repo.listInterventions(db, caseId),
    repo.listNotes(db, caseId),
    repo.listTasks(db, caseId),
    listHearings(platform, caseId),
    repo.listEvents(db, caseId),
  ]);
  return {
    interventions: interventions.map((r) => presentIntervention(platform, r)),
    notes: notes.map((r) => presentNote(platform, r)),
    tasks: tasks.map(presentTask),
    hearings,
    events: events.map((e) => ({
      at: e.event.at.toISOString(),
      kind: e.event.kind,
      data: e.event.data,
      by: e.by,
    })),
  };
}
