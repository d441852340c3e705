import { type RequestCounts, suppress } from '@komek/domain';
import type { Platform } from '../../platform/http.ts';
import { type Actor, scopeFilter } from '../../platform/policy.ts';
import * as repo from './intake.repo.ts';

/**
 * A year's requests for help, counted for the results: only the columns counted are read, nothing
 * personal leaves, and with `suppressBelow` each count from 1 to below the threshold leaves as "<N".
 */
export async function requestCounts(
  platform: Platform,
  actor: Actor,
  year: number,
  suppressBelow?: number,
): Promise<RequestCounts> {
  scopeFilter(actor, 'results.read');
  const rows = await repo.yearOf(platform.database.db, actor.orgId, year);
  const shown = (n: number) => (suppressBelow ? suppress(n, suppressBelow) : n);
  const tally = (keys: Array<string | null>) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key ?? 'unknown', (counts.get(key ?? 'unknown') ?? 0) + 1);
    return Object.fromEntries([...counts].map(([key, n]) => [key, shown(n)]));
  };
  const answered = rows.filter((r) => r.firstAnsweredAt);
  const inTime = answered.filter((r) => r.firstAnsweredAt!.getTime() <= r.respondBy.getTime()).length;
  return {
    total: shown(rows.length),
    byChannel: tally(rows.map((r) => r.channel)),
    byProblem: tally(rows.flatMap((r) => r.problems)),
    byDistrict: tally(rows.map((r) => r.districtId)),
    bySex: tally(rows.map((r) => r.sex)),
    byAge: tally(rows.map((r) => r.ageBracket)),
    byOutcome: tally(rows.map((r) => r.outcome ?? 'open')),
    answeredInTime: answered.length ? Math.round((inTime / answered.length) * 1000) / 1000 : null,
  };
}
