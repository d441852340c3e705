/**
 * Casework at country-programme scale on PostgreSQL: BENCH_PEOPLE people (default 1,000,000),
 * one case each, then the list and search queries caseworkers run all day, through the real
 * service code. Run with `npm run bench:casework` (starts a throwaway PostgreSQL) or set
 * BENCH_DATABASE_URL to a server you own.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { openDatabase } from '../apps/server/src/db/connection.ts';
import { organisations, users } from '../apps/server/src/db/schema/index.ts';
import { listCases } from '../apps/server/src/modules/cases/cases.service.ts';
import { forgetOrgFrequencies } from '../apps/server/src/modules/persons/name-frequencies.ts';
import { findDuplicates, listPersons } from '../apps/server/src/modules/persons/persons.service.ts';
import { testAuditKeys } from '../apps/server/src/platform/audit-keys.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { FieldCipher } from '../apps/server/src/platform/crypto.ts';
import type { Actor } from '../apps/server/src/platform/policy.ts';
import { seedGeography } from '../apps/server/src/seed/geography.seed.ts';
import { loadCasework } from './load-casework.ts';
import { fmt, measure } from './stats.ts';

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) throw new Error('set BENCH_DATABASE_URL (npm run bench:casework does it for you)');
const people = Number(process.env.BENCH_PEOPLE ?? 1_000_000);

// BENCH_REUSE=1 keeps a database loaded by an earlier run (same BENCH_PEOPLE), to compare query changes.
const reuse = process.env.BENCH_REUSE === '1';
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const exists = (await admin.query(`select 1 from pg_database where datname = 'komek_bench'`)).rowCount === 1;
if (!reuse || !exists) {
  await admin.query('drop database if exists komek_bench with (force)');
  await admin.query('create database komek_bench');
}
await admin.end();
const url = new URL(serverUrl);
url.pathname = '/komek_bench';
const database = await openDatabase({ url: url.toString() });
await database.migrate();
const loaded = reuse && exists;
if (!loaded) await seedGeography(database.db);

const orgs = loaded
  ? await database.db.select().from(organisations).orderBy(organisations.name)
  : await database.db
      .insert(organisations)
      .values(
        ['A', 'B', 'C', 'D'].map((n) => ({
          name: `Bench org ${n}`,
          type: 'ngo' as const,
          countryCode: 'KG',
        })),
      )
      .returning();
const staff = loaded
  ? await database.db.select().from(users).orderBy(users.email)
  : await database.db
      .insert(users)
      .values(
        orgs.flatMap((o, i) =>
          Array.from({ length: 10 }, (_, k) => ({
            orgId: o.id,
            email: `u${i}.${k}@bench.example`,
            displayName: `User ${i}.${k}`,
            role: k === 0 ? ('admin' as const) : ('lawyer' as const),
            passwordHash: 'x',
          })),
        ),
      )
      .returning();

if (!loaded) {
  console.log(`loading ${people.toLocaleString('en')} people and cases…`);
  const load = await loadCasework(database, {
    count: people,
    orgIds: orgs.map((o) => o.id),
    userIds: staff.filter((u) => u.role === 'lawyer').map((u) => u.id),
    onProgress: (done) => {
      if (done % 100_000 === 0) console.log(`  ${done.toLocaleString('en')}`);
    },
  });
  console.log(`loaded in ${load.seconds.toFixed(0)} s`);
}

const platform = {
  config: loadConfig({}),
  database,
  cipher: new FieldCipher([{ id: 'b', key: randomBytes(32) }]),
  auditKeys: testAuditKeys(),
  mailer: { send: async () => {} },
};
const asActor = (u: (typeof staff)[number]): Actor => ({
  userId: u.id,
  email: u.email,
  orgId: u.orgId,
  officeId: null,
  role: u.role as Actor['role'],
  platformAdmin: false,
  via: 'session',
});
const orgAdmin = asActor(staff.find((u) => u.orgId === orgs[0]!.id && u.role === 'admin')!);
const lawyer = asActor(staff.find((u) => u.orgId === orgs[0]!.id && u.role === 'lawyer')!);
const page = { limit: 25, offset: 0 };

const scenarios: Array<[string, () => Promise<unknown>]> = [
  ['baseline: select 1', () => database.executeSql('select 1')],
  ['cases: newest first (org admin)', () => listCases(platform, orgAdmin, { ...page, sort: 'opened_desc' })],
  [
    'cases: open in Kara-Suu by priority',
    () =>
      listCases(platform, orgAdmin, {
        ...page,
        sort: 'priority',
        status: 'open',
        districtId: 'KG-O-KARASUU',
      }),
  ],
  [
    'cases: problem + population type',
    () =>
      listCases(platform, orgAdmin, {
        ...page,
        sort: 'opened_desc',
        problem: 'nationality_statelessness',
        populationType: 'stateless',
      }),
  ],
  [
    'cases: my caseload (lawyer)',
    () => listCases(platform, lawyer, { ...page, sort: 'opened_desc', assignedTo: 'me', status: 'open' }),
  ],
  ['cases: overdue', () => listCases(platform, orgAdmin, { ...page, sort: 'opened_desc', overdue: 'true' })],
  [
    'cases: by person name (Hasanov)',
    () => listCases(platform, orgAdmin, { ...page, sort: 'opened_desc', q: 'Hasanov' }),
  ],
  [
    'people: name search, common (Асанов Бакыт)',
    () => listPersons(platform, orgAdmin, { ...page, q: 'Асанов Бакыт' }),
  ],
  [
    'people: name search, Latin (Jumabaeva Aigerim)',
    () => listPersons(platform, orgAdmin, { ...page, q: 'Jumabaeva Aigerim' }),
  ],
  [
    'people: name beginnings, Cyrillic (Жумаба)',
    () => listPersons(platform, orgAdmin, { ...page, q: 'Жумаба' }),
  ],
  [
    'people: name beginnings, two parts (Asan Bak)',
    () => listPersons(platform, orgAdmin, { ...page, q: 'Asan Bak' }),
  ],
  [
    'cases: by the beginning of a name (Hasan)',
    () => listCases(platform, orgAdmin, { ...page, sort: 'opened_desc', q: 'Hasan' }),
  ],
  [
    'people: duplicate check while registering (Asanov Bakyt 1984)',
    () => findDuplicates(platform, orgAdmin, { givenName: 'Bakyt', familyName: 'Asanov', birthDate: '1984' }),
  ],
  [
    'people: duplicate check, rare name (Beishenaliev Nurlan)',
    () => findDuplicates(platform, orgAdmin, { givenName: 'Nurlan', familyName: 'Beishenaliev' }),
  ],
  [
    // The organisation's name counts are kept and refreshed in the background: only the first check
    // after the server starts waits for them.
    'people: duplicate check, first after the server starts (Asanov Bakyt 1984)',
    () => {
      forgetOrgFrequencies(orgAdmin.orgId);
      return findDuplicates(platform, orgAdmin, {
        givenName: 'Bakyt',
        familyName: 'Asanov',
        birthDate: '1984',
      });
    },
  ],
  [
    'people: duplicate check in Dari script (محمد کریمی 1991)',
    () => findDuplicates(platform, orgAdmin, { givenName: 'محمد', familyName: 'کریمی', birthDate: '1991' }),
  ],
  [
    'people: district + population type',
    () => listPersons(platform, orgAdmin, { ...page, districtId: 'KG-J-AKSY', populationType: 'migrants' }),
  ],
];

console.log(
  `\n${people.toLocaleString('en')} people / cases · ${os.cpus().length} × ${os.cpus()[0]?.model} · ${new Date().toISOString().slice(0, 10)}`,
);
console.log('| query | p50 | p95 | max | p95 / baseline p95 |\n|---|---|---|---|---|');
let baseline = 1;
for (const [name, fn] of scenarios) {
  const m = await measure(fn, 60, 5);
  if (name.startsWith('baseline')) baseline = m.p95;
  console.log(
    `| ${name} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.max)} | ${(m.p95 / baseline).toFixed(0)}× |`,
  );
}
await database.close();
