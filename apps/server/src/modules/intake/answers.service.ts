import type { LegalProblem } from '@komek/domain';
import { versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, scopeFilter } from '../../platform/policy.ts';
import * as repo from './answers.repo.ts';

export const presentAnswer = (row: repo.AnswerRow) => ({
  problem: row.problem,
  texts: row.texts,
  version: row.version,
});

export async function answersFor(platform: Platform, actor: Actor) {
  scopeFilter(actor, 'intake.read');
  return repo.listAnswers(platform.database.db, actor.orgId);
}

/**
 * Writes what to say about a topic. The first wording of a topic is sent without a version; a
 * second person writing it meanwhile, or anyone saving over a newer version, is told so (409).
 */
export async function saveAnswer(
  platform: Platform,
  actor: Actor,
  problem: LegalProblem,
  input: { version?: number; texts: Record<string, string> },
) {
  scopeFilter(actor, 'organisation.manage');
  const { db } = platform.database;
  const current = await repo.findAnswer(db, actor.orgId, problem);
  if (!current) {
    if (input.version !== undefined) throw versionConflict();
    return repo.insertAnswer(db, {
      orgId: actor.orgId,
      problem,
      texts: input.texts,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
  }
  const row =
    input.version === undefined
      ? undefined
      : await repo.updateAnswer(db, current.id, input.version, input.texts, actor.userId);
  if (!row) throw versionConflict(current.version);
  return row;
}
