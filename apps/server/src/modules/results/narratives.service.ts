import type { NarrativeInput } from '@komek/domain';
import type { Platform } from '../../platform/http.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import * as repo from './results.repo.ts';

/** The organisation's own words beside its figures, one text per results area and year. */
export async function narrativesOf(platform: Platform, actor: Actor, year: number) {
  authorize(actor, 'results.read');
  return repo.narrativesOf(platform.database.db, actor.orgId, year);
}

export async function saveNarrative(platform: Platform, actor: Actor, input: NarrativeInput): Promise<void> {
  authorize(actor, 'results.manage');
  await repo.upsertNarrative(platform.database.db, { ...input, orgId: actor.orgId, userId: actor.userId });
}
