import { DEFAULT_MODEL, gregorianText } from '@komek/matching';
import type { Platform } from '../../platform/http.ts';
import { actorFromUser } from '../../platform/policy.ts';
import { findDuplicates } from '../persons/persons.service.ts';
import { openRecord } from './lists.presenter.ts';
import * as repo from './lists.repo.ts';

/** The linkage model's cut-offs: a sure match, and one a person should look at. */
export const MATCH_AT = DEFAULT_MODEL.matchThreshold;
export const REVIEW_AT = DEFAULT_MODEL.reviewThreshold;
const BATCH = 50;

/**
 * Matches every row against the people the uploader may see, reporting progress as it goes. Safe
 * to run again: a list left "running" by a worker that died is handed on by the queue and matched
 * afresh from its first row, each row's decision overwritten and the counts made anew.
 */
export async function matchList(platform: Platform, listId: string): Promise<void> {
  const { db } = platform.database;
  const list = await repo.findList(db, listId);
  if (list?.status !== 'queued' && list?.status !== 'running') return;
  const user = await repo.uploaderOf(db, list);
  const set = (values: Partial<repo.ListRow>) => repo.updateList(db, listId, values);
  if (!user) return void (await set({ status: 'failed', error: 'uploader not found' }));
  const actor = actorFromUser(user);
  await set({ status: 'running', progress: 0 });
  const counts = { matched: 0, review: 0, unmatched: 0 };
  try {
    const rows = await repo.entriesOf(db, listId);
    for (let i = 0; i < rows.length; i += BATCH) {
      for (const row of rows.slice(i, i + BATCH)) {
        const r = openRecord(platform, row);
        const [best] = await findDuplicates(platform, actor, {
          givenName: r.firstName,
          familyName: r.lastName,
          patronymic: r.patronymic ?? undefined,
          sex: r.sex,
          // Solar Hijri dates (1370/05/12) are compared as the Gregorian dates they are.
          birthDate: gregorianText(r.dateOfBirth) ?? undefined,
        });
        const decision =
          !best || best.score < REVIEW_AT ? 'none' : best.score >= MATCH_AT ? 'match' : 'review';
        counts[decision === 'match' ? 'matched' : decision === 'review' ? 'review' : 'unmatched']++;
        await repo.setDecision(db, row.id, {
          decision,
          personId: best && decision !== 'none' ? best.person.id : null,
          score: best?.score ?? null,
          findings: best && decision !== 'none' ? best.findings : null,
        });
      }
      await set({ progress: Math.round((Math.min(i + BATCH, rows.length) / rows.length) * 100), ...counts });
    }
    await set({ status: 'done', progress: 100, ...counts });
  } catch (error) {
    await set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}
