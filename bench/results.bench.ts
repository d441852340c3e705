/**
 * Results at country-programme scale on PostgreSQL: BENCH_CASES cases (default 1,000,000) in one
 * organisation, each with a consultation, outcomes on the closed ones and completed referrals on
 * some, then every indicator of a year computed through the real service code, as the results
 * page and the report do. Run with `npm run bench:results`.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { openDatabase } from '../apps/server/src/db/connection.ts';
import { organisations, users } from '../apps/server/src/db/schema/index.ts';
import { importStandardIndicators, resultsFor } from '../apps/server/src/modules/results/results.service.ts';
import { testAuditKeys } from '../apps/server/src/platform/audit-keys.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { FieldCipher } from '../apps/server/src/platform/crypto.ts';
import type { Actor } from '../apps/server/src/platform/policy.ts';
import { seedGeography } from '../apps/server/src/seed/geography.seed.ts';
import { loadCasework } from './load-casework.ts';
import { fmt, measure } from './stats.ts';

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) throw new Error('set BENCH_DATABASE_URL (npm run bench:results does it for you)');
const count = Number(process.env.BENCH_CASES ?? 1_000_000);
const reuse = process.env.BENCH_REUSE === '1';
const name = 'komek_bench_results';

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const exists = (await admin.query(`select 1 from pg_database where datname = '${name}'`)).rowCount === 1;
if (!reuse || !exists) {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
}
await admin.end();
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString() });
await database.migrate();
const loaded = reuse && exists;
const { db } = database;
const year = new Date().getUTCFullYear() - 1;

let org: typeof organisations.$inferSelect;
let me: typeof users.$inferSelect;
if (loaded) {
  [org] = (await db.select().from(organisations)) as [typeof org];
  [me] = (await db.select().from(users)) as [typeof me];
} else {
  await seedGeography(db);
  [org] = (await db
    .insert(organisations)
    .values({ name: 'Bench org', type: 'ngo', countryCode: 'KG' })
    .returning()) as [typeof org];
  [me] = (await db
    .insert(users)
    .values({
      orgId: org.id,
      email: 'me@bench.example',
      displayName: 'M&E',
      role: 'me_officer',
      passwordHash: 'x',
    })
    .returning()) as [typeof me];
  console.log(`loading ${count.toLocaleString('en')} people and cases…`);
  const load = await loadCasework(database, {
    count,
    orgIds: [org.id],
    userIds: [me.id],
    onProgress: (done) => {
      if (done % 200_000 === 0) console.log(`  ${done.toLocaleString('en')}`);
    },
  });
  const started = Date.now();
  // One consultation per case within two months of its opening; winning outcomes on half the
  // closed cases; a completed referral on one case in twenty.
  await database.executeSql(`
    insert into interventions (id, org_id, case_id, type, date, duration_minutes, channel, language)
    select gen_random_uuid(), org_id, id, 'consultation', (opened_at + (random() * 60) * interval '1 day')::date, 30, 'in_person', 'ru'
    from cases`);
  await database.executeSql(`
    update cases set outcome = (array['nationality_acquired','nationality_confirmed','document_issued','status_granted',
      'residence_permit_granted','appeal_won','advice_only','withdrawn','lost_contact','advice_only'])[1 + floor(random() * 10)::int]
    where status = 'closed'`);
  const [partner] = await db
    .insert(organisations)
    .values({ name: 'Partner', type: 'ngo', countryCode: 'KG' })
    .returning();
  await database.executeSql(
    `insert into services (id, org_id, name, type) values (gen_random_uuid(), $1, 'Legal aid', 'legal_aid')`,
    [partner!.id],
  );
  await database.executeSql(`
    insert into referrals (id, reference, from_org_id, to_org_id, service_id, case_id, case_code, status, priority,
      need_enc, contact_enc, shared_fields, shared_enc, consent_kind, sent_at, respond_by, responded_at, completed_at)
    select gen_random_uuid(), 'R-' || c.case_number, c.org_id, s.org_id, s.id, c.id, c.case_number, 'completed', 'normal',
      'x', 'x', '{}', 'x', 'consent', c.opened_at, c.opened_at + interval '14 days', c.opened_at + interval '2 days',
      c.opened_at + interval '30 days'
    from cases c cross join services s where random() < 0.05`);
  // What autovacuum would have done by the time anyone reports on the year.
  await database.executeSql('vacuum analyze');
  console.log(`loaded in ${(load.seconds + (Date.now() - started) / 1000).toFixed(0)} s`);
}

const platform = {
  config: loadConfig({}),
  database,
  cipher: new FieldCipher([{ id: 'b', key: randomBytes(32) }]),
  auditKeys: testAuditKeys(),
  mailer: { send: async () => {} },
};
const actor: Actor = {
  userId: me.id,
  email: me.email,
  orgId: org.id,
  officeId: null,
  role: 'me_officer',
  platformAdmin: false,
  via: 'session',
};
await importStandardIndicators(platform, org.id, me.id, year);

const facts = await database.executeSql(
  `select (select count(*) from cases) as cases, (select count(*) from interventions where date >= '${year}-01-01' and date < '${year + 1}-01-01') as consultations,
     (select count(*) from cases where status = 'closed' and closed_at >= '${year}-01-01' and closed_at < '${year + 1}-01-01') as closed`,
);
console.log(facts.rows[0]);

const runs = Number(process.env.BENCH_RUNS ?? 7);
const scenarios: Array<[string, () => Promise<unknown>]> = [
  [
    'baseline: count the organisation’s cases',
    () => database.executeSql('select count(*) from cases where org_id = $1', [org.id]),
  ],
  ['all indicators of a year (11, six computations)', () => resultsFor(platform, actor, year, 'en')],
  ['the same, suppressed for sharing', () => resultsFor(platform, actor, year, 'en', { suppressBelow: 5 })],
];
console.log(
  `\n${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, PostgreSQL ${database.kind}, year ${year}`,
);
const baseline = await measure(scenarios[0]![1], runs, 2);
console.log('| scenario | p50 | p95 | max | p50 vs baseline |');
console.log('| --- | --- | --- | --- | --- |');
for (const [label, fn] of scenarios) {
  const m = label.startsWith('baseline') ? baseline : await measure(fn, runs, 2);
  console.log(
    `| ${label} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.max)} | ${(m.p50 / baseline.p50).toFixed(1)}× |`,
  );
}
await database.close();
