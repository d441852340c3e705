import type { AuditCheckpoint } from '@komek/domain';
import { chainOf, PLATFORM_CHAIN } from '../../platform/audit.ts';
import {
  readCheckpoints,
  verifyChainAgainstCheckpoint,
  writeCheckpoints,
} from '../../platform/audit-checkpoints.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, scopeFilter } from '../../platform/policy.ts';
import { type AuditQuery, listAudit } from './audit.repo.ts';

/** The chains a reader may verify: the organisation's own, and the platform's for its operator. */
const chainsOf = (actor: Actor) => [chainOf(actor.orgId), ...(actor.platformAdmin ? [PLATFORM_CHAIN] : [])];

export const listEntries = (platform: Platform, actor: Actor, query: AuditQuery) =>
  listAudit(platform.database.db, scopeFilter(actor, 'audit.read'), query, {
    withPlatformEntries: actor.platformAdmin,
  });

export async function verifyChains(platform: Platform, actor: Actor) {
  const chains = [];
  for (const chain of chainsOf(actor)) chains.push(await verifyChainAgainstCheckpoint(platform, chain));
  return {
    ok: chains.every((c) => c.ok),
    checked: chains.reduce((n, c) => n + c.checked, 0),
    firstBrokenSeq: chains.find((c) => c.firstBrokenSeq !== null)?.firstBrokenSeq ?? null,
    chains,
  };
}

/** Writes a fresh checkpoint, then hands back the organisation's. */
export async function exportCheckpoint(
  platform: Platform,
  actor: Actor,
  log: (checkpoint: unknown) => void,
): Promise<AuditCheckpoint> {
  await writeCheckpoints(platform, log);
  const checkpoint = readCheckpoints(platform.config.dataDir).get(chainOf(actor.orgId));
  if (!checkpoint) throw new AppError('not_found');
  return checkpoint;
}
