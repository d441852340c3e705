import type { Frequencies } from '@komek/matching';
import type { Db } from '../../db/connection.ts';
import { verdictsOf } from '../lists/lists.repo.ts';
import { orgNameKeyCount, orgPeopleCount } from './name-keys.repo.ts';

/**
 * How common each name is in one organisation's register, for the duplicate check: agreeing on
 * Asanov says less than agreeing on Beishenaliev. Counted from the register itself; each count is
 * kept and served while a fresh one is taken in the background once it is five minutes old, so
 * that only the first check of a running server waits for counting (half a second for an
 * organisation of half a million people), not one check in every five minutes.
 */
const FRESH_FOR_MS = 5 * 60_000;

interface Kept<T> {
  at: number;
  value: T;
  refreshing: boolean;
}

async function kept<T>(store: Map<string, Kept<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const held = store.get(key);
  if (!held) {
    const value = await load();
    store.set(key, { at: Date.now(), value, refreshing: false });
    return value;
  }
  if (Date.now() - held.at > FRESH_FOR_MS && !held.refreshing) {
    held.refreshing = true;
    // A failed refresh keeps the older count, and is tried again at the next check.
    load().then(
      (value) => store.set(key, { at: Date.now(), value, refreshing: false }),
      () => {
        held.refreshing = false;
      },
    );
  }
  return held.value;
}

const totals = new Map<string, Kept<number>>();
const tokenCounts = new Map<string, Kept<number>>();
const calibrations = new Map<string, Kept<number>>();

/** Below this many people a name seen once may well be a real one (as in `frequenciesOf`). */
const TELL_FROM = 2000;

export async function orgFrequencies(
  db: Db,
  orgId: string,
  tokens: string[],
): Promise<{ freq: Frequencies; total: number }> {
  const total = await kept(totals, orgId, () => orgPeopleCount(db, orgId));
  const counts = new Map<string, number>();
  for (const t of new Set(tokens))
    counts.set(t, await kept(tokenCounts, `${orgId}:${t}`, () => orgNameKeyCount(db, orgId, t)));
  const n = (t: string) => counts.get(t);
  return {
    total,
    freq: {
      share: (t) => ((n(t) ?? 0) + 1) / (total + 1000),
      // Tokens not counted (a candidate's) are neither unheard of nor known: no evidence either way.
      unheardOf: (t) => total >= TELL_FROM && n(t) !== undefined && n(t)! <= 2,
      known: (t) => {
        const c = n(t);
        return total >= TELL_FROM && c !== undefined && c >= 5 && c >= total / 5000;
      },
    },
  };
}

/** Drops what is kept of an organisation: after a verdict that changes its calibration. */
export function forgetOrgFrequencies(orgId: string) {
  totals.delete(orgId);
  calibrations.delete(orgId);
  for (const key of tokenCounts.keys()) if (key.startsWith(`${orgId}:`)) tokenCounts.delete(key);
}

/**
 * How far the organisation's own verdicts move the model's prior, in bits. The review queue holds
 * pairs the model was unsure of; if people confirm more of them than the model expected (its mean
 * log-odds for those pairs), its prior for this organisation's lists was too low, and the other
 * way round. Shrunk toward none while verdicts are few (n / (n + 20)), and bounded.
 */
export function reviewCalibration(db: Db, orgId: string): Promise<number> {
  return kept(calibrations, orgId, async () => {
    const { confirmed, rejected, meanLogOdds } = await verdictsOf(db, orgId);
    const n = confirmed + rejected;
    if (n === 0) return 0;
    const share = (confirmed + 0.5) / (n + 1);
    const observed = Math.log2(share / (1 - share));
    return Math.max(-6, Math.min(6, ((observed - meanLogOdds) * n) / (n + 20)));
  });
}
