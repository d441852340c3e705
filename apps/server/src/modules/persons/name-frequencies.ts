import type { Frequencies } from '@komek/matching';
import type { Db } from '../../db/connection.ts';
import { verdictsOf } from '../lists/lists.repo.ts';
import { orgNameKeyCount, orgPeopleCount } from './name-keys.repo.ts';

/**
 * How common each name is in one organisation's register, for the duplicate check: agreeing on
 * Asanov says less than agreeing on Beishenaliev. Counted from the register itself, so always
 * of the people registered now; kept a few minutes per organisation, so that the checks run
 * while a name is typed cost one count, not one per keystroke.
 */
const FRESH_FOR_MS = 5 * 60_000;

interface OrgCounts {
  at: number;
  total: number;
  tokens: Map<string, { at: number; n: number }>;
}
const byOrg = new Map<string, OrgCounts>();

/** Below this many people a name seen once may well be a real one (as in `frequenciesOf`). */
const TELL_FROM = 2000;

export async function orgFrequencies(
  db: Db,
  orgId: string,
  tokens: string[],
): Promise<{ freq: Frequencies; total: number }> {
  const now = Date.now();
  let org = byOrg.get(orgId);
  if (!org || now - org.at > FRESH_FOR_MS) {
    org = { at: now, total: await orgPeopleCount(db, orgId), tokens: org?.tokens ?? new Map() };
    byOrg.set(orgId, org);
  }
  const stale = [...new Set(tokens)].filter((t) => {
    const c = org.tokens.get(t);
    return !c || now - c.at > FRESH_FOR_MS;
  });
  for (const t of stale) org.tokens.set(t, { at: now, n: await orgNameKeyCount(db, orgId, t) });
  const total = org.total;
  const n = (t: string) => org.tokens.get(t)?.n;
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

/** Drops what is kept of an organisation, after a verdict that changes its calibration. */
export function forgetOrgFrequencies(orgId: string) {
  byOrg.delete(orgId);
  calibrations.delete(orgId);
}

const calibrations = new Map<string, { at: number; bits: number }>();

/**
 * How far the organisation's own verdicts move the model's prior, in bits. The review queue holds
 * pairs the model was unsure of; if people confirm more of them than the model expected (its mean
 * log-odds for those pairs), its prior for this organisation's lists was too low, and the other
 * way round. Shrunk toward none while verdicts are few (n / (n + 20)), and bounded.
 */
export async function reviewCalibration(db: Db, orgId: string): Promise<number> {
  const kept = calibrations.get(orgId);
  if (kept && Date.now() - kept.at < FRESH_FOR_MS) return kept.bits;
  const { confirmed, rejected, meanLogOdds } = await verdictsOf(db, orgId);
  const n = confirmed + rejected;
  const share = (confirmed + 0.5) / (n + 1);
  const observed = Math.log2(share / (1 - share));
  const bits = n === 0 ? 0 : Math.max(-6, Math.min(6, ((observed - meanLogOdds) * n) / (n + 20)));
  calibrations.set(orgId, { at: Date.now(), bits });
  return bits;
}
