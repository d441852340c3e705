/** What the load benchmarks share: the seeded casework and the working day's mix of requests. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../apps/server/src/db/connection.ts';
import { cases, organisations, persons, users } from '../apps/server/src/db/schema/index.ts';
import { hashPassword } from '../apps/server/src/platform/passwords.ts';
import { seedGeography } from '../apps/server/src/seed/geography.seed.ts';
import { TEST_PASSWORD } from '../apps/server/src/test/harness.ts';
import { signIn } from '../apps/server/src/test/server-process.ts';
import { loadCasework } from './load-casework.ts';

const STAFF = 20;

export interface Where {
  dataDir: string;
  databaseUrl?: string;
}

/** One organisation's share of the load: its people, its open cases, its staff. */
export interface OrgLoad {
  orgId: string;
  personIds: string[];
  caseIds: string[];
  names: string[];
  emails: string[];
}

/**
 * `people` people with a case each, spread over `orgCount` organisations (the first holds the
 * most, as in a real programme), and STAFF administrators shared out among them.
 */
export async function prepare(
  kind: string,
  people: number,
  orgCount = 1,
): Promise<Where & { orgs: OrgLoad[] }> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'komek-load-'));
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const server = process.env.BENCH_DATABASE_URL;
    if (!server) throw new Error('set BENCH_DATABASE_URL (npm run bench:load does it)');
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query('drop database if exists komek_load with (force)');
    await admin.query('create database komek_load');
    await admin.end();
    const url = new URL(server);
    url.pathname = '/komek_load';
    databaseUrl = url.toString();
  }
  const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: `${dataDir}/pglite` });
  await database.migrate();
  await seedGeography(database.db);
  const orgRows = await database.db
    .insert(organisations)
    .values(
      Array.from({ length: orgCount }, (_, k) => ({
        name: `Load org ${k + 1}`,
        type: 'ngo' as const,
        countryCode: 'KG',
      })),
    )
    .returning();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const staff = await database.db
    .insert(users)
    .values(
      Array.from({ length: STAFF }, (_, k) => ({
        orgId: orgRows[k % orgCount]!.id,
        email: `load${k}@bench.example`,
        displayName: `Load ${k}`,
        role: 'admin' as const,
        passwordHash,
      })),
    )
    .returning();
  await loadCasework(database, {
    count: people,
    orgIds: orgRows.map((o) => o.id),
    userIds: staff.map((u) => u.id),
    seed: 7,
  });
  await database.executeSql('vacuum analyze');
  const orgs: OrgLoad[] = [];
  for (const org of orgRows) {
    const rows = await database.db
      .select({ id: persons.id, family: persons.familyName })
      .from(persons)
      .where(eq(persons.orgId, org.id))
      .limit(2000);
    const caseRows = await database.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.status, 'open'), eq(cases.orgId, org.id)))
      .limit(2000);
    orgs.push({
      orgId: org.id,
      personIds: rows.map((r) => r.id),
      caseIds: caseRows.map((r) => r.id),
      names: [...new Set(rows.map((r) => r.family))],
      emails: staff.filter((u) => u.orgId === org.id).map((u) => u.email),
    });
  }
  await database.close();
  return { dataDir, databaseUrl, orgs };
}

export const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export async function drive(options: autocannon.Options, seconds: number): Promise<Figures> {
  const result = await autocannon({ duration: seconds, timeout: 10, ...options });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

export type Prepared = Awaited<ReturnType<typeof prepare>>;
type Session = { headers: Record<string, string> };

/** The staff signed in through `url`: a session each (argon2 at sign-in is kept out of the timing). */
export async function signInStaff(url: string, org: OrgLoad): Promise<Session[]> {
  const sessions: Session[] = [];
  for (const email of org.emails) sessions.push(await signIn(url, email));
  return sessions;
}

/**
 * A working day's mix against `url` (one server, or a proxy in front of several): each connection
 * one signed-in user, cycling through list cases, search people, open a person, log a consultation.
 */
export async function workingDay(
  url: string,
  ctx: OrgLoad,
  sessions: Session[],
  connections: number,
  seconds: number,
) {
  let next = 0;
  const today = new Date().toISOString().slice(0, 10);
  return drive(
    {
      url,
      connections,
      // Each connection is one signed-in user: its own session cookie and CSRF token.
      setupClient: (client) => client.setHeaders(sessions[next++ % sessions.length]!.headers),
      requests: [
        { method: 'GET', path: '/api/cases?limit=25' },
        {
          method: 'GET',
          setupRequest: (req) => ({
            ...req,
            path: `/api/persons?limit=25&q=${encodeURIComponent(pick(ctx.names))}`,
          }),
        },
        { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/persons/${pick(ctx.personIds)}` }) },
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            path: `/api/cases/${pick(ctx.caseIds)}/interventions`,
            body: JSON.stringify({
              type: 'consultation',
              date: today,
              durationMinutes: 20,
              channel: 'phone',
              language: 'ky',
            }),
          }),
        },
      ],
    },
    seconds,
  );
}

/**
 * The working day in several organisations at once, the connections shared out among them; each
 * organisation's staff touch only its records. Requests/s add up; p50 and p99 are the worst
 * organisation's (autocannon keeps a histogram per run, not one to merge).
 */
export async function workingDayAcross(
  url: string,
  orgs: OrgLoad[],
  sessions: Session[][],
  connections: number,
  seconds: number,
): Promise<Figures> {
  const share = (k: number) =>
    Math.floor(connections / orgs.length) + (k < connections % orgs.length ? 1 : 0);
  const runs = await Promise.all(orgs.map((org, k) => workingDay(url, org, sessions[k]!, share(k), seconds)));
  return {
    rps: runs.reduce((sum, f) => sum + f.rps, 0),
    p50: Math.max(...runs.map((f) => f.p50)),
    p99: Math.max(...runs.map((f) => f.p99)),
    errors: runs.reduce((sum, f) => sum + f.errors, 0),
    timeouts: runs.reduce((sum, f) => sum + f.timeouts, 0),
    non2xx: runs.reduce((sum, f) => sum + f.non2xx, 0),
  };
}
