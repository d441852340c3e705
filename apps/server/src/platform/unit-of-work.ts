import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, ExecuteSql } from '../db/connection.ts';
import type { AuditInput } from './audit.ts';

/**
 * One request's work: the transaction every query of the request runs in, the audit entries it
 * queued (appended inside that transaction, just before commit, so no change commits without its
 * entry and the chain's lock is held for the shortest time), and what must wait for the commit.
 */
interface UnitOfWork {
  tx: Db;
  executeSql: ExecuteSql;
  audits: AuditInput[];
  afterCommit: Array<() => unknown>;
}

const storage = new AsyncLocalStorage<UnitOfWork>();
/** A report's read-only transaction on the read replica (platform/replica.ts): its reads go there. */
export const replicaReads = new AsyncLocalStorage<Db>();

export const currentUnitOfWork = (): UnitOfWork | undefined => storage.getStore();

/**
 * The database as services see it: inside a unit of work every query goes to its transaction,
 * outside one (background jobs, seeds, commands) to the pool, and a report's reads to the replica.
 * Services keep calling `platform.database.db` and get the right one either way.
 */
export function ambientDb(root: Db): Db {
  return new Proxy(root, {
    get(target, property) {
      const base = (replicaReads.getStore() ?? storage.getStore()?.tx ?? target) as unknown as Record<
        PropertyKey,
        unknown
      >;
      const value = Reflect.get(base, property, base);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(base) : value;
    },
  });
}

export interface UnitOfWorkDeps {
  root: Db;
  /** Raw SQL on the transaction's own connection (pg-boss sends jobs through it). */
  executeSqlOf: (tx: Db) => ExecuteSql;
  appendAudits: (tx: Db, entries: AuditInput[]) => Promise<void>;
}

/** Runs `work` in one transaction with its audit entries; a unit of work inside another joins it. */
export async function runUnitOfWork<T>(deps: UnitOfWorkDeps, work: () => Promise<T>): Promise<T> {
  if (storage.getStore()) return work();
  const afterCommit: UnitOfWork['afterCommit'] = [];
  const result = await deps.root.transaction(async (tx) => {
    const unit: UnitOfWork = { tx, executeSql: deps.executeSqlOf(tx), audits: [], afterCommit };
    return storage.run(unit, async () => {
      const value = await work();
      // Entries queued while appending (none today) would be lost; append until the queue is empty.
      while (unit.audits.length > 0) await deps.appendAudits(tx, unit.audits.splice(0));
      return value;
    });
  });
  for (const run of afterCommit) {
    try {
      await storage.exit(run);
    } catch (error) {
      console.error('[after-commit]', error instanceof Error ? error.message : error);
    }
  }
  return result;
}

/** Queues an audit entry in the current unit of work; false when there is none. */
export function queueAudit(entry: AuditInput): boolean {
  const unit = storage.getStore();
  if (!unit) return false;
  unit.audits.push(entry);
  return true;
}

/**
 * Work that must see the change committed (mail, detached computations). Runs at once, outside
 * any transaction, when there is no unit of work.
 */
export async function afterCommit(run: () => unknown): Promise<void> {
  const unit = storage.getStore();
  if (unit) unit.afterCommit.push(run);
  else await run();
}

/** Runs work detached from the current request's transaction (it outlives the request). */
export const outsideUnitOfWork = <T>(run: () => T): T => storage.exit(run);
