import { join } from 'node:path';
import { fileURLToPath, URL as NodeURL } from 'node:url';

// Node's own URL, so that the module also loads where a test has put a browser's globals in place.
const repoRoot = fileURLToPath(new NodeURL('../../../../', import.meta.url));

export interface Config {
  port: number;
  host: string;
  production: boolean;
  databaseUrl?: string;
  dataDir: string;
  /** Where the built web app lives; served at / when present. */
  webDist: string;
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  loginRateLimitPerMinute: number;
  /** Requests the public help site's form takes from one address in an hour. */
  helpRequestsPerHour: number;
  /**
   * Whether an organisation's intake mailbox may be on this machine or the private network. Off
   * by default: an organisation's administrator must not be able to make the server knock on
   * internal addresses; on for a self-hosted mail server inside, and in tests.
   */
  mailboxPrivateHosts: boolean;
  lockoutThreshold: number;
  lockoutMinutes: number;
  encryptionKeys?: string;
  /** `id:base64,…` keys that seal the audit chain; without them `audit-keys.json` in the data folder. */
  auditKeys?: string;
  /** Minutes between audit checkpoints written outside the database. */
  auditCheckpointMinutes: number;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed; none by default. */
  trustedProxies: string[];
  /** smtp(s)://user:pass@host:port; without it mail is written to `<dataDir>/mail` as .eml files. */
  smtpUrl?: string;
  mailFrom: string;
  /** The address people open the app at; links in emails point there. */
  publicUrl: string;
  /** The browser used to print PDFs (Debian's package; never downloaded). */
  chromiumPath: string;
  /** Counts from 1 to this minus one leave the organisation as "<N" (reports, cross-organisation figures). */
  suppressBelow: number;
  /**
   * Seconds between SIGTERM and closing the port, while /api/health/ready already answers 503, so
   * that a load balancer stops sending first; 0 on one machine.
   */
  drainSeconds: number;
  /**
   * Several API nodes or workers share the database (KOMEK_CLUSTER=1; implied by `serve
   * --no-workers` and `worker`): keys must come from the environment, not a local file.
   */
  cluster: boolean;
  /** 32 bytes in base64 sealing backups; kept by an administrator away from the machine. */
  backupKey?: string;
  /** Cron schedule of automatic backups (e.g. "30 1 * * *"), none when unset. */
  backupSchedule?: string;
  /** Where automatic and on-demand backups are written; `<dataDir>/backups` when unset (`backupFolder`). */
  backupDir?: string;
  /** How many backups are kept in that folder; older ones are deleted. */
  backupKeep: number;
  /** An S3-compatible object store for sealed files (`https://KEY:SECRET@host/bucket`); else the database. */
  s3Url?: string;
  /** Seconds in-flight requests get to finish after the port closes, before the process gives up. */
  shutdownSeconds: number;
  /**
   * Seconds a long job (a results report) may run before it counts as abandoned, its worker gone,
   * and is handed to another worker; and how often the workers look for such jobs.
   */
  jobExpireSeconds: number;
  jobSweepSeconds: number;
  /** A read replica (PostgreSQL streaming standby) that reports, dashboards and exports read from. */
  replicaUrl?: string;
  /** How long a report waits for the replica to catch up with the primary before reading the primary. */
  replicaWaitMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const num = (name: string, fallback: number) => {
    const raw = env[name];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
    return value;
  };
  return {
    port: num('PORT', 3000),
    host: env.HOST ?? '127.0.0.1',
    production: env.NODE_ENV === 'production',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.KOMEK_DATA_DIR ?? `${repoRoot}data`,
    webDist: env.KOMEK_WEB_DIST ?? `${repoRoot}apps/web/dist`,
    sessionTtlHours: num('KOMEK_SESSION_TTL_HOURS', 12),
    sessionIdleMinutes: num('KOMEK_SESSION_IDLE_MINUTES', 120),
    loginRateLimitPerMinute: num('KOMEK_LOGIN_RATE_LIMIT', 20),
    helpRequestsPerHour: num('KOMEK_HELP_REQUESTS_PER_HOUR', 10),
    mailboxPrivateHosts: env.KOMEK_MAILBOX_PRIVATE_HOSTS === '1',
    lockoutThreshold: num('KOMEK_LOCKOUT_THRESHOLD', 5),
    lockoutMinutes: num('KOMEK_LOCKOUT_MINUTES', 15),
    encryptionKeys: env.KOMEK_ENCRYPTION_KEYS || undefined,
    auditKeys: env.KOMEK_AUDIT_KEYS || undefined,
    auditCheckpointMinutes: num('KOMEK_AUDIT_CHECKPOINT_MINUTES', 10),
    trustedProxies: (env.KOMEK_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    smtpUrl: env.KOMEK_SMTP_URL || undefined,
    mailFrom: env.KOMEK_MAIL_FROM ?? 'Komek <no-reply@komek.local>',
    publicUrl: (env.KOMEK_PUBLIC_URL ?? `http://localhost:${num('PORT', 3000)}`).replace(/\/$/, ''),
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    suppressBelow: num('KOMEK_SUPPRESS_BELOW', 5),
    drainSeconds: num('KOMEK_DRAIN_SECONDS', 0),
    cluster: env.KOMEK_CLUSTER === '1',
    backupKey: env.KOMEK_BACKUP_KEY || undefined,
    backupSchedule: env.KOMEK_BACKUP_SCHEDULE || undefined,
    backupDir: env.KOMEK_BACKUP_DIR || undefined,
    backupKeep: num('KOMEK_BACKUP_KEEP', 14),
    s3Url: env.KOMEK_S3_URL || undefined,
    shutdownSeconds: num('KOMEK_SHUTDOWN_SECONDS', 25),
    jobExpireSeconds: num('KOMEK_JOB_EXPIRE_SECONDS', 900),
    jobSweepSeconds: num('KOMEK_JOB_SWEEP_SECONDS', 60),
    replicaUrl: env.DATABASE_REPLICA_URL || undefined,
    replicaWaitMs: num('KOMEK_REPLICA_WAIT_MS', 2000),
  };
}

/** The folder backups are written to and listed from. */
export const backupFolder = (config: Pick<Config, 'backupDir' | 'dataDir'>) =>
  config.backupDir ?? join(config.dataDir, 'backups');
