import type { FollowUpInput, ListDecision, ListUpload, ListVerdict } from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import { QUEUES } from '../../jobs/queues.ts';
import { InputFileError, parsePeopleCsv } from '../../linkage/read-people-csv.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { enqueueOrRun } from '../../platform/jobs.ts';
import { type Actor, assertCan, authorize, can, scopeFilter } from '../../platform/policy.ts';
import { notify } from '../notifications/notifications.service.ts';
import { forgetOrgFrequencies } from '../persons/name-frequencies.ts';
import { presentPersonSummary } from '../persons/persons.presenter.ts';
import { findPersons } from '../persons/persons.repo.ts';
import { personOwnership } from '../persons/persons.service.ts';
import { assertAssignee } from '../users/assignees.ts';
import { presentEntry, presentFollowUp, sealRecord } from './lists.presenter.ts';
import * as repo from './lists.repo.ts';
import { matchList } from './lists.worker.ts';

const fileIssue = (code: string, params: Record<string, string>) =>
  new AppError('validation_failed', {
    issues: [{ path: 'contentBase64', in: 'body', code, message: '', params }],
  });

/** Reads the file (same columns and encodings as `komek link`), stores its rows sealed and queues the matching. */
export async function uploadList(platform: Platform, actor: Actor, input: ListUpload) {
  authorize(actor, 'person.manage');
  let records: ReturnType<typeof parsePeopleCsv>;
  try {
    records = parsePeopleCsv(Buffer.from(input.contentBase64, 'base64'), input.filename);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    throw fileIssue('bad_file', { line: /line (\d+)/.exec(error.message)?.[1] ?? '1' });
  }
  if (records.length === 0 || records.length > 50_000) throw fileIssue('row_count', { max: '50 000' });
  const list = await repo.insertList(
    platform.database.db,
    {
      orgId: actor.orgId,
      name: input.name,
      filename: input.filename,
      total: records.length,
      createdBy: actor.userId,
    },
    (listId) =>
      records.map(({ id: externalId, ...record }, position) => {
        const id = uuidv7();
        return {
          id,
          listId,
          orgId: actor.orgId,
          position,
          externalId,
          recordEnc: sealRecord(platform, id, record),
        };
      }),
  );
  await enqueueOrRun(platform.jobs, QUEUES.linkageList, { listId: list.id }, ({ listId }) =>
    matchList(platform, listId),
  );
  return list;
}

async function ownList(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'person.read' | 'person.manage',
) {
  const list = await repo.findList(platform.database.db, id);
  // Lists belong to the organisation: who reads its people reads them all; a field worker, who
  // reads only their own people, the lists they uploaded.
  assertCan(actor, permission, list && { orgId: list.orgId, ownerId: list.createdBy });
  return list;
}

/** Only the lists the actor may open: names, file names and counts of the others stay hidden. */
export async function listLists(platform: Platform, actor: Actor) {
  const scope = scopeFilter(actor, 'person.read');
  const wide = scope.kind === 'all' || scope.kind === 'organisation';
  return repo.listsOf(platform.database.db, actor.orgId, wide ? undefined : actor.userId);
}

export const getList = (platform: Platform, actor: Actor, id: string) =>
  ownList(platform, actor, id, 'person.read');

export async function listRows(platform: Platform, actor: Actor, id: string, decision?: ListDecision) {
  await ownList(platform, actor, id, 'person.read');
  const rows = await repo.entriesOf(platform.database.db, id, decision, 1000);
  const people = await visiblePeople(
    platform,
    actor,
    rows.map((r) => r.personId),
  );
  return rows.map((row) => presentEntry(platform, row, (row.personId && people.get(row.personId)) || null));
}

/** The people rows point to, as summaries, among those the reader may see. */
async function visiblePeople(platform: Platform, actor: Actor, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  const found = await findPersons(platform.database.db, wanted);
  return new Map(
    found
      .filter((p) => can(actor, 'person.read', personOwnership(p)))
      .map((p) => [p.id, presentPersonSummary(p)]),
  );
}

/**
 * The review queue: a person confirms or rejects a pair the model put between its review and
 * match thresholds, looking at both side by side with what each field showed. The verdict is
 * kept and calibrates the organisation's duplicate check (`reviewCalibration`).
 */
export async function reviewRow(
  platform: Platform,
  actor: Actor,
  id: string,
  rowId: string,
  verdict: ListVerdict,
) {
  const list = await ownList(platform, actor, id, 'person.manage');
  const { db } = platform.database;
  const row = await repo.reviewEntry(db, id, rowId, verdict, actor.userId);
  if (!row) {
    if (!(await repo.hasEntry(db, id, rowId))) throw new AppError('not_found');
    // Reviewed already by someone else, or never waiting for review.
    throw new AppError('conflict', { reason: 'not_waiting_for_review' });
  }
  forgetOrgFrequencies(list.orgId);
  const people = await visiblePeople(platform, actor, [row.personId]);
  return presentEntry(platform, row, (row.personId && people.get(row.personId)) || null);
}

/** Unmatched rows become follow-up tasks for a caseworker: find the family, check the documents. */
export async function createFollowUps(platform: Platform, actor: Actor, id: string, input: FollowUpInput) {
  const list = await ownList(platform, actor, id, 'person.manage');
  // Whoever looks for these people reads the rows' names and registers whom they find: they must
  // be allowed to work people of the organisation (a viewer is not).
  await assertAssignee(platform, input.assignedTo, 'person.manage', { orgId: list.orgId });
  const updated = await repo.assignFollowUps(
    platform.database.db,
    id,
    input.rowIds,
    input.assignedTo,
    input.dueDate,
  );
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
  const rows = await repo.followUpsOf(platform.database.db, actor.userId, actor.orgId);
  return rows.map(({ row, listName }) => presentFollowUp(platform, row, listName));
}

export async function finishFollowUp(
  platform: Platform,
  actor: Actor,
  id: string,
  rowId: string,
  done: boolean,
) {
  const { db } = platform.database;
  // The person the follow-up was given to closes it, even without a hand on the whole list.
  if ((await repo.followUpAssignee(db, id, rowId, actor.orgId)) !== actor.userId) {
    await ownList(platform, actor, id, 'person.manage');
  }
  const row = await repo.markFollowUp(db, id, rowId, done ? new Date() : null);
  if (!row) throw new AppError('not_found');
  return row;
}
