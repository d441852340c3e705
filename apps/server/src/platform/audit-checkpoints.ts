import { createHmac } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { auditLog, organisations } from '../db/schema/index.ts';
import {
  type ChainVerification,
  canonicalJson,
  PLATFORM_CHAIN,
  verifyChain,
  verifyLegacyChain,
} from './audit.ts';
import type { AuditKeys } from './audit-keys.ts';
import { safeEqual } from './crypto.ts';

/**
 * A chain's head, signed and kept outside the database (a file in the data folder, the
 * application log, and whatever copy an administrator exports). Rewriting the chain or cutting
 * rows off its end no longer matches the last checkpoint, even for someone who can write the table.
 */
export interface Checkpoint {
  chain: string;
  chainSeq: number;
  hash: string;
  at: string;
  keyId: string;
  signature: string;
}

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

type Unsigned = Omit<Checkpoint, 'signature' | 'keyId'>;
const signedText = (c: Unsigned) =>
  canonicalJson({ chain: c.chain, chainSeq: c.chainSeq, hash: c.hash, at: c.at });

export function signCheckpoint(keys: AuditKeys, c: Unsigned): Checkpoint {
  const signature = createHmac('sha256', keys.current.key)
    .update(`checkpoint:${signedText(c)}`)
    .digest('hex');
  return { ...c, keyId: keys.current.id, signature };
}

export function checkpointSignatureOk(keys: AuditKeys, c: Checkpoint): boolean {
  const key = keys.byId(c.keyId);
  if (!key) return false;
  const expected = createHmac('sha256', key)
    .update(`checkpoint:${signedText(c)}`)
    .digest('hex');
  return safeEqual(expected, c.signature);
}

/** The newest checkpoint of each chain in the data folder's file (later lines win). */
export function readCheckpoints(dataDir: string): Map<string, Checkpoint> {
  const file = join(dataDir, CHECKPOINT_FILE);
  const latest = new Map<string, Checkpoint>();
  if (!existsSync(file)) return latest;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const c = JSON.parse(line) as Checkpoint;
      const seen = latest.get(c.chain);
      if (!seen || c.chainSeq >= seen.chainSeq) latest.set(c.chain, c);
    } catch {
      // A torn last line after a crash is skipped; the checkpoints before it still hold.
    }
  }
  return latest;
}

export interface CheckpointDeps {
  database: { db: Db };
  auditKeys: AuditKeys;
  config: { dataDir: string };
}

/** Every chain that may hold entries: one per organisation and the platform's own. */
export async function chainNames(db: Db): Promise<string[]> {
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  return [PLATFORM_CHAIN, ...orgs.map((o) => o.id)];
}

async function chainHead(db: Db, chain: string) {
  const [head] = await db
    .select({ chainSeq: auditLog.chainSeq, hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.chain, chain))
    .orderBy(desc(auditLog.chainSeq))
    .limit(1);
  return head?.chainSeq ? { chainSeq: head.chainSeq, hash: head.hash } : null;
}

/**
 * Writes a checkpoint for every chain whose head moved since its last one; returns what it wrote.
 * `log` receives each one too, so the application log holds a second copy.
 */
export async function writeCheckpoints(
  deps: CheckpointDeps,
  log: (checkpoint: Checkpoint) => void = () => {},
): Promise<Checkpoint[]> {
  const { db } = deps.database;
  const previous = readCheckpoints(deps.config.dataDir);
  const written: Checkpoint[] = [];
  for (const chain of await chainNames(db)) {
    const head = await chainHead(db, chain);
    if (!head || previous.get(chain)?.chainSeq === head.chainSeq) continue;
    written.push(signCheckpoint(deps.auditKeys, { chain, ...head, at: new Date().toISOString() }));
  }
  if (written.length > 0) {
    mkdirSync(deps.config.dataDir, { recursive: true });
    appendFileSync(
      join(deps.config.dataDir, CHECKPOINT_FILE),
      written.map((c) => `${JSON.stringify(c)}\n`).join(''),
    );
    for (const c of written) log(c);
  }
  return written;
}

export interface ChainReport extends Omit<ChainVerification, 'head'> {
  chain: string;
  /** Whether the chain still holds the last checkpoint's row with its seal; null when there is none. */
  checkpoint: { chainSeq: number; ok: boolean; reason?: 'signature' | 'missing' | 'rewritten' } | null;
}

/** Verifies one chain, then checks it against its last checkpoint (or one given, e.g. an exported copy). */
export const verifyChainAgainstCheckpoint = (deps: CheckpointDeps, chain: string, given?: Checkpoint) =>
  verifyAgainst(deps, chain, given ?? readCheckpoints(deps.config.dataDir).get(chain));

async function verifyAgainst(
  deps: CheckpointDeps,
  chain: string,
  checkpoint: Checkpoint | undefined,
): Promise<ChainReport> {
  const { db } = deps.database;
  const { head: _head, ...walk } = await verifyChain(db, deps.auditKeys, chain);
  if (!checkpoint) return { chain, ...walk, checkpoint: null };
  if (!checkpointSignatureOk(deps.auditKeys, checkpoint)) {
    return {
      chain,
      ...walk,
      ok: false,
      checkpoint: { chainSeq: checkpoint.chainSeq, ok: false, reason: 'signature' },
    };
  }
  const [row] = await db
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(and(eq(auditLog.chain, chain), eq(auditLog.chainSeq, checkpoint.chainSeq)));
  const reason = !row ? 'missing' : row.hash !== checkpoint.hash ? 'rewritten' : undefined;
  return {
    chain,
    ...walk,
    ok: walk.ok && !reason,
    checkpoint: { chainSeq: checkpoint.chainSeq, ok: !reason, ...(reason ? { reason } : {}) },
  };
}

/** All chains (the operator's `komek audit:verify`), plus the old unkeyed chain if any rows remain on it. */
export async function verifyAllChains(deps: CheckpointDeps) {
  const chains: ChainReport[] = [];
  const checkpoints = readCheckpoints(deps.config.dataDir);
  for (const chain of await chainNames(deps.database.db)) {
    chains.push(await verifyAgainst(deps, chain, checkpoints.get(chain)));
  }
  const legacy = await verifyLegacyChain(deps.database.db);
  return { ok: legacy.ok && chains.every((c) => c.ok), chains, legacy };
}
