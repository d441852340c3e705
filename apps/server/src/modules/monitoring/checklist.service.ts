import {
  type ChecklistItem,
  CONCERN_FINDINGS,
  STANDARD_FINDINGS,
  type zChecklistItemInput,
  type zChecklistItemUpdate,
  type zVisitFinding,
} from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { AppError, fieldIssue, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize } from '../../platform/policy.ts';
import * as repo from './visits.repo.ts';

/** The standard findings, worded by the web app from their codes, then the organisation's own questions. */
export async function checklistOf(platform: Platform, orgId: string): Promise<ChecklistItem[]> {
  const own = await repo.questionsOf(platform.database.db, orgId);
  return [
    ...STANDARD_FINDINGS.map((key) => ({
      key,
      standard: true,
      labels: {},
      concern: CONCERN_FINDINGS.includes(key),
      active: true,
      version: null,
    })),
    ...own.map(presentQuestion),
  ];
}

export const presentQuestion = (q: repo.QuestionRow): ChecklistItem => ({
  key: q.id,
  standard: false,
  labels: q.labels,
  concern: q.concern,
  active: q.active,
  version: q.version,
});

export function readChecklist(platform: Platform, actor: Actor) {
  authorize(actor, 'monitoring.read');
  return checklistOf(platform, actor.orgId);
}

export function addQuestion(platform: Platform, actor: Actor, input: z.output<typeof zChecklistItemInput>) {
  authorize(actor, 'organisation.manage');
  return repo.insertQuestion(platform.database.db, {
    id: input.id ?? uuidv7(),
    orgId: actor.orgId,
    labels: input.labels,
    concern: input.concern,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function updateQuestion(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zChecklistItemUpdate>,
) {
  const current = await repo.findQuestion(platform.database.db, id);
  assertCan(actor, 'organisation.manage', current && { orgId: current.orgId });
  const { version, ...changes } = input;
  const row = await repo.updateQuestion(platform.database.db, id, version, {
    ...changes,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

/**
 * A visit answers each question once, and only the questions of its organisation's checklist: a
 * retired question may keep the answer a visit already gave it, but a new answer needs a live one.
 */
export async function assertAnswerable(
  platform: Platform,
  orgId: string,
  findings: Array<z.output<typeof zVisitFinding>>,
  alreadyAnswered: ReadonlySet<string> = new Set(),
) {
  const checklist = await checklistOf(platform, orgId);
  const known = new Map(checklist.map((item) => [item.key, item]));
  const seen = new Set<string>();
  const issues = findings.flatMap((f, i) => {
    const item = known.get(f.key);
    const fresh = !alreadyAnswered.has(f.key);
    const twice = seen.has(f.key);
    seen.add(f.key);
    if (twice) return [fieldIssue(`findings.${i}.key`, 'finding_twice')];
    return !item || (!item.active && fresh) ? [fieldIssue(`findings.${i}.key`, 'unknown_finding')] : [];
  });
  if (issues.length) throw new AppError('validation_failed', { issues });
}
