import {
  CASE_TRANSITIONS,
  type CaseInput,
  type CaseListQuery,
  type CaseOutcome,
  type CaseTransition,
  type zCaseUpdate,
} from '@komek/domain';
import { nameKeys } from '@komek/matching';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { sealOptional } from '../../platform/crypto.ts';
import { AppError, fieldIssue, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, assertReachesRestricted, can, scopeFilter } from '../../platform/policy.ts';
import { presentPersonSummary } from '../persons/persons.presenter.ts';
import { getPerson } from '../persons/persons.service.ts';
import { assertAssignee } from '../users/assignees.ts';
import { countOpenTasks, settleOpenTasks } from './case-activity.repo.ts';
import * as reach from './case-reach.repo.ts';
import { caseContext, presentCase } from './cases.presenter.ts';
import * as repo from './cases.repo.ts';

const PRIORITY_RANK = { emergency: 0, urgent: 1, normal: 2 } as const;

export const caseOwnership = (row: repo.CaseRow) => ({
  orgId: row.orgId,
  officeId: row.officeId,
  ownerId: row.assignedTo,
});

export async function getCase(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'case.read' | 'case.manage' = 'case.read',
) {
  const { db } = platform.database;
  const row = await repo.findCase(db, id);
  if (row?.restricted && row.orgId === actor.orgId) {
    const named = row.assignedTo === actor.userId || (await reach.isMember(db, row.id, actor.userId));
    assertReachesRestricted(actor, permission, { ...caseOwnership(row), named });
    return row;
  }
  assertCan(actor, permission, row && caseOwnership(row));
  return row;
}

/** A trafficking case is a restricted record from the moment it is one. */
const isTrafficking = (problems: readonly string[] | undefined) =>
  !!problems?.includes('trafficking_exploitation');

/** Loads persons, assignee names and overdue counts for a page of cases in three queries. */
export async function presentCases(platform: Platform, rows: repo.CaseRow[]) {
  const { db } = platform.database;
  const ids = rows.map((r) => r.id);
  const assignees = [...new Set(rows.map((r) => r.assignedTo).filter((x): x is string => !!x))];
  const [personRows, names, overdue] = await Promise.all([
    repo.personSummariesOfCases(db, ids),
    repo.namesOfUsers(db, assignees),
    repo.overdueTaskCounts(db, ids),
  ]);
  return rows.map((row) =>
    presentCase(row, platform.cipher, {
      persons: personRows.filter((p) => p.caseId === row.id).map((p) => presentPersonSummary(p.person)),
      assignedName: row.assignedTo ? (names.get(row.assignedTo) ?? null) : null,
      overdueTasks: row.status === 'closed' ? 0 : (overdue.get(row.id) ?? 0),
    }),
  );
}

/** A case goes to someone who may work it: same organisation, `case.manage` over it once assigned. */
const assertAssignable = (platform: Platform, actor: Actor, userId: string | null | undefined) =>
  assertAssignee(platform, userId, 'case.manage', { orgId: actor.orgId, officeId: actor.officeId });

export async function openCase(platform: Platform, actor: Actor, input: CaseInput) {
  const people = [];
  for (const personId of input.personIds) people.push(await getPerson(platform, actor, personId));
  await assertAssignable(platform, actor, input.assignedTo);
  const failed = input.eligibility.filter((e) => !e.passed);
  if (failed.length > 0 && !input.eligibilityOverrideReason) {
    throw new AppError('validation_failed', {
      issues: [
        fieldIssue(
          'eligibilityOverrideReason',
          'eligibility_override_required',
          'required when a criterion is not met',
        ),
      ],
    });
  }
  const assignedTo =
    input.assignedTo ?? (actor.role === 'lawyer' || actor.role === 'field_worker' ? actor.userId : null);
  assertCan(actor, 'case.manage', { orgId: actor.orgId, officeId: actor.officeId, ownerId: assignedTo });
  const main = people[0]!;
  const id = input.id ?? uuidv7();
  const restricted = isTrafficking(input.problems);
  const row = await repo.insertCase(
    platform.database.db,
    {
      restricted,
      id,
      orgId: actor.orgId,
      officeId: actor.officeId,
      status: 'intake',
      priority: input.priority,
      priorityRank: PRIORITY_RANK[input.priority],
      problems: input.problems,
      summaryEnc: sealOptional(platform.cipher, input.summary, caseContext(id, 'summary')),
      assignedTo,
      eligibility: input.eligibility,
      eligibilityOverrideReason: failed.length > 0 ? (input.eligibilityOverrideReason ?? null) : null,
      populationType: main.populationType,
      districtId: main.districtId,
      // Sound keys (`~…`) serve the duplicate check, not case search.
      personKeys: [...new Set(people.flatMap((p) => p.nameKeys.filter((k) => !k.startsWith('~'))))].sort(),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    },
    input.personIds,
    actor.userId,
  );
  // Whoever opens a restricted case is named on it, even when it goes to someone else.
  if (restricted) await reach.addMembers(platform.database.db, row.id, [actor.userId], actor.userId);
  return row;
}

export async function updateCase(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.infer<typeof zCaseUpdate>,
) {
  const current = await getCase(platform, actor, id, 'case.manage');
  await assertAssignable(platform, actor, input.assignedTo);
  const { version, summary, priority, restricted, ...rest } = input;
  const restrict = await restrictionChange(platform, actor, current, input);
  const updated = await repo.updateCaseVersioned(
    platform.database.db,
    id,
    version,
    {
      ...rest,
      ...(restrict === undefined ? {} : { restricted: restrict }),
      ...(priority ? { priority, priorityRank: PRIORITY_RANK[priority] } : {}),
      ...(summary === undefined
        ? {}
        : { summaryEnc: sealOptional(platform.cipher, summary, caseContext(id, 'summary')) }),
      updatedBy: actor.userId,
    },
    input.assignedTo !== undefined && input.assignedTo !== current.assignedTo
      ? { kind: 'assigned', data: { from: current.assignedTo, to: input.assignedTo }, by: actor.userId }
      : undefined,
  );
  if (!updated) throw versionConflict(current.version);
  if (updated.restricted && !current.restricted)
    await reach.addMembers(platform.database.db, id, [actor.userId], actor.userId);
  return updated;
}

/**
 * What an update does to a case's restriction. Anyone who works the case may restrict it, and a
 * trafficking problem restricts it by itself; lifting it is a supervisor's decision, and never
 * while the case is about trafficking or holds a screening.
 */
async function restrictionChange(
  platform: Platform,
  actor: Actor,
  current: repo.CaseRow,
  input: z.infer<typeof zCaseUpdate>,
): Promise<boolean | undefined> {
  const problems = input.problems ?? current.problems;
  if (input.restricted === false && current.restricted) {
    const kept =
      !can(actor, 'case.read_restricted', caseOwnership(current)) ||
      isTrafficking(problems) ||
      (await reach.hasScreening(platform.database.db, current.id));
    if (kept)
      throw new AppError('validation_failed', { issues: [fieldIssue('restricted', 'restriction_kept')] });
    return false;
  }
  if (isTrafficking(problems) || input.restricted === true) return current.restricted ? undefined : true;
  return undefined;
}

/**
 * Moves a case along intake → open → pending authority → closed (and back to open when reopened).
 * Closing by someone without the approval permission records a request that a supervisor decides.
 */
export async function transitionCase(platform: Platform, actor: Actor, id: string, t: CaseTransition) {
  const current = await getCase(platform, actor, id, 'case.manage');
  const from = current.status;
  if (!CASE_TRANSITIONS[from].includes(t.to))
    throw new AppError('conflict', { reason: 'invalid_transition', from, to: t.to });
  if (current.version !== t.version) throw versionConflict(current.version);
  const db = platform.database.db;
  const event = (kind: string, data: Record<string, unknown>) => ({
    kind,
    data: { from, ...data },
    by: actor.userId,
  });
  let result: repo.CaseRow | undefined;
  if (t.to === 'closed') {
    // Closing says what becomes of unfinished work instead of leaving it open on a closed case.
    const open = await countOpenTasks(db, id);
    if (open > 0 && !t.openTasks)
      throw new AppError('validation_failed', { issues: [fieldIssue('openTasks', 'open_tasks_choice')] });
    const settle = open > 0 ? (t.openTasks ?? null) : null;
    if (!can(actor, 'case.approve_close', caseOwnership(current))) {
      const request = {
        outcome: t.outcome,
        by: actor.userId,
        at: new Date().toISOString(),
        note: t.closingNote ?? null,
        openTasks: settle,
      };
      result = await repo.updateCaseVersioned(
        db,
        id,
        t.version,
        { closeRequest: request, updatedBy: actor.userId },
        event('close_requested', { outcome: t.outcome }),
      );
    } else {
      result = await repo.updateCaseVersioned(
        db,
        id,
        t.version,
        {
          status: 'closed',
          outcome: t.outcome,
          closedAt: new Date(),
          closeRequest: null,
          updatedBy: actor.userId,
        },
        event('closed', { outcome: t.outcome, note: t.closingNote ?? null, openTasks: settle }),
      );
      if (result && settle) await settleOpenTasks(db, id, settle, actor.userId);
    }
  } else if (t.to === 'pending_authority') {
    result = await repo.updateCaseVersioned(
      db,
      id,
      t.version,
      { status: t.to, pendingAuthority: t.authority, updatedBy: actor.userId },
      event('status', { to: t.to, authority: t.authority }),
    );
  } else {
    const reopening = from === 'closed';
    result = await repo.updateCaseVersioned(
      db,
      id,
      t.version,
      {
        status: 'open',
        pendingAuthority: null,
        ...(reopening ? { outcome: null, closedAt: null } : {}),
        updatedBy: actor.userId,
      },
      event(reopening ? 'reopened' : 'status', { to: 'open' }),
    );
  }
  if (!result) throw versionConflict(current.version);
  return result;
}

export async function decideCloseRequest(platform: Platform, actor: Actor, id: string, approve: boolean) {
  const current = await getCase(platform, actor, id, 'case.read');
  assertCan(actor, 'case.approve_close', caseOwnership(current));
  if (!current.closeRequest || current.status === 'closed')
    throw new AppError('conflict', { reason: 'no_close_request' });
  const request = current.closeRequest;
  const values = approve
    ? {
        status: 'closed' as const,
        outcome: request.outcome as CaseOutcome,
        closedAt: new Date(),
        closeRequest: null,
        updatedBy: actor.userId,
      }
    : { closeRequest: null, updatedBy: actor.userId };
  const row = await repo.updateCaseVersioned(platform.database.db, id, current.version, values, {
    kind: approve ? 'closed' : 'close_rejected',
    data: { outcome: request.outcome, requestedBy: request.by },
    by: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  // Tasks added since closing was asked are dropped with the rest unless the request said "done".
  if (approve)
    await settleOpenTasks(platform.database.db, id, request.openTasks ?? 'cancelled', actor.userId);
  return row;
}

/** Parses the free-text search: a case number ("2026-00042") or a name in any script. */
function searchTerms(q: string | undefined) {
  if (!q) return {};
  if (/^\d{4}-\d{1,6}$/.test(q.trim())) {
    const [year, n] = q.trim().split('-');
    return { number: `${year}-${n!.padStart(5, '0')}` };
  }
  return { nameKeys: nameKeys(q) };
}

export function caseWhere(
  platform: Platform,
  actor: Actor,
  query: Partial<CaseListQuery>,
  options: { withoutRestricted?: boolean } = {},
) {
  const { q, limit: _l, offset: _o, sort: _s, ...filters } = query;
  return repo.caseFilters(
    platform.database.db,
    scopeFilter(actor, 'case.read'),
    { ...filters, ...searchTerms(q), ...options },
    actor.userId,
  );
}

export async function listCases(platform: Platform, actor: Actor, query: CaseListQuery) {
  const page = await repo.listCases(
    platform.database.db,
    caseWhere(platform, actor, query),
    query.sort,
    query.limit,
    query.offset,
  );
  return {
    items: await presentCases(platform, page.items),
    total: page.total,
    totalCapped: page.totalCapped,
  };
}

export async function precheck(platform: Platform, actor: Actor, personIds: string[]) {
  for (const personId of personIds) await getPerson(platform, actor, personId);
  const { db } = platform.database;
  const visible = (
    await repo.openCasesOfPersons(db, personIds, repo.caseScope(scopeFilter(actor, 'case.read')))
  ).map((r) => r.case);
  // Cases out of reach are counted so that no one opens a duplicate; restricted ones are not even counted.
  const shown = new Set(visible.map((c) => c.id));
  const hidden = (await repo.openCasesOfPersons(db, personIds, reach.notRestricted())).filter(
    (r) => !shown.has(r.case.id),
  ).length;
  return { openCases: await presentCases(platform, visible), hiddenOpenCases: hidden };
}

export async function caseloadFor(platform: Platform, actor: Actor, mine: boolean) {
  const where = caseWhere(platform, actor, mine ? { assignedTo: 'me' } : {});
  const c = await repo.caseload(platform.database.db, where);
  return {
    byStatus: Object.fromEntries(c.byStatus.map((r) => [r.key, r.n])),
    byPriority: Object.fromEntries(c.byPriority.map((r) => [r.key, r.n])),
    overdueTasks: c.overdue,
    awaitingCloseApproval: c.awaiting,
    byAssignee: c.byAssignee.map((r) => ({ userId: r.userId, name: r.name, open: r.n })),
  };
}

export async function eligibilityCriteriaFor(platform: Platform, actor: Actor) {
  return repo.activeCriteria(platform.database.db, actor.orgId);
}
