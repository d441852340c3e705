import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

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
  lockoutThreshold: number;
  lockoutMinutes: number;
  encryptionKeys?: string;
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
    lockoutThreshold: num('KOMEK_LOCKOUT_THRESHOLD', 5),
    lockoutMinutes: num('KOMEK_LOCKOUT_MINUTES', 15),
    encryptionKeys: env.KOMEK_ENCRYPTION_KEYS || undefined,
  };
}
