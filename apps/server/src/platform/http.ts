import type { Locale } from '@komek/domain';
import type { Database } from '../db/connection.ts';
import type { AuditInput } from './audit.ts';
import type { AuditKeys } from './audit-keys.ts';
import type { Config } from './config.ts';
import type { FieldCipher } from './crypto.ts';
import type { FileStore } from './file-store.ts';
import type { Jobs } from './jobs.ts';
import type { Mailer } from './mailer.ts';
import type { Actor, RouteAccess } from './policy.ts';

/** What services need from the outside world, built once per app. */
export interface Platform {
  config: Config;
  database: Database;
  cipher: FieldCipher;
  /** Seal audit rows and checkpoints; kept out of the database. */
  auditKeys: AuditKeys;
  jobs?: Jobs;
  mailer: Mailer;
  /** Where sealed files' bytes go: the database unless KOMEK_S3_URL names an object store. */
  files?: FileStore;
  /** Set by `komek serve`: once draining, readiness answers 503 while in-flight work finishes. */
  lifecycle?: { draining: boolean };
}

export type RequestAudit = (
  entry: Omit<AuditInput, 'actorUserId' | 'actorEmail' | 'ip' | 'requestId'>,
) => Promise<void>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionTokenHash: string | null;
    csrfToken: string | null;
    mfaPending: boolean;
    locale: Locale;
    audit: RequestAudit;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * false for the few routes whose work must persist even when they answer with an error
     * (sign-in counts failed attempts) or that hold no data (health); every other /api route runs
     * in one transaction with its audit entries.
     */
    unitOfWork?: boolean;
  }
  interface FastifyInstance {
    platform: Platform;
    /** Every /api route with its declared access; tests walk it to prove no route is left open. */
    routeCatalogue: Array<{ method: string; url: string; access: RouteAccess }>;
  }
}

/** Narrows `request.actor` inside handlers of routes that are not public. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Error('route reached without an actor; is its access declared?');
  return request.actor;
}
