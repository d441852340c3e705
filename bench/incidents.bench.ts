/**
 * The border incidents log at ten years' scale on PostgreSQL: BENCH_INCIDENTS incidents (default
 * 100,000) of one organisation spread over ten years and fourteen border segments, from a fixed
 * seed, each sealed as the service seals it; then the screens' queries through the real service
 * code — the monthly trend per segment over ten years and over one, and the map and list page
 * (100 incidents, opened) for a year and for one segment over ten years. `npm run bench:incidents`.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { BORDER_SEGMENTS, INCIDENT_TYPES, zIncidentListQuery } from '@komek/domain';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { openDatabase } from '../apps/server/src/db/connection.ts';
import { borderIncidents, organisations, users } from '../apps/server/src/db/schema/index.ts';
import {
  incidentMap,
  incidentTrend,
  listIncidents,
  presentMany,
} from '../apps/server/src/modules/incidents/incidents.service.ts';
import { testAuditKeys } from '../apps/server/src/platform/audit-keys.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { FieldCipher } from '../apps/server/src/platform/crypto.ts';
import type { Actor } from '../apps/server/src/platform/policy.ts';
import { rng } from '../apps/server/src/seed/population.ts';
import { fmt, measure } from './stats.ts';

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) throw new Error('set BENCH_DATABASE_URL (npm run bench:incidents does it for you)');
const count = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const name = 'komek_bench_incidents';

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString() });
await database.migrate();
const { db } = database;

const random = rng(17).next;
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

const [org] = await db
  .insert(organisations)
  .values({ name: 'Bench org', type: 'ngo', countryCode: 'KG' })
  .returning();
const [me] = await db
  .insert(users)
  .values({
    orgId: org!.id,
    email: 'monitor@bench.example',
    displayName: 'Monitor',
    role: 'supervisor',
    passwordHash: 'x',
  })
  .returning();
const cipher = new FieldCipher([{ id: 'b', key: randomBytes(32) }]);
const platform = {
  config: loadConfig({}),
  database,
  cipher,
  auditKeys: testAuditKeys(),
  mailer: { send: async () => {} },
};
const actor: Actor = {
  userId: me!.id,
  email: me!.email,
  orgId: org!.id,
  officeId: null,
  role: 'supervisor',
  platformAdmin: false,
  via: 'session',
};

// Kyrgyz–Tajik and Kyrgyz–Uzbek carry most incidents, as the source documents find.
const segments = [...BORDER_SEGMENTS, 'KG-TJ', 'KG-TJ', 'KG-TJ', 'KG-UZ', 'KG-UZ'] as const;
const now = Date.now();
const tenYears = 10 * 365.25 * 86_400_000;
const started = Date.now();
// 15 values a row: 2,000 rows stay under the 65,535 parameters of one statement.
const slice = 2_000;
for (let done = 0; done < count; done += slice) {
  const rows = Array.from({ length: Math.min(slice, count - done) }, () => {
    const id = uuidv7();
    const n = () => (random() < 0.7 ? 0 : Math.floor(random() * 20));
    const affected = {
      women: n(),
      men: n(),
      girls: n(),
      boys: n(),
      injured: random() < 0.05 ? 1 : 0,
      killed: 0,
      detained: n(),
      displaced: 0,
    };
    return {
      id,
      orgId: org!.id,
      reference: `B-${done}-${id.slice(-6)}`,
      occurredAt: new Date(now - random() * tenYears),
      precision: 'day',
      segment: pick(segments),
      type: pick(INCIDENT_TYPES),
      latitude: 39 + random() * 3,
      longitude: 69 + random() * 5,
      parties: [],
      affected,
      casualties: affected.injured > 0,
      sourcesEnc: cipher.encrypt(
        JSON.stringify([{ kind: 'community', reliability: 'probable' }]),
        `border_incidents.sources:${id}`,
      ),
      descriptionEnc: cipher.encrypt(
        'A dispute at the canal intake between two villages.',
        `border_incidents.description:${id}`,
      ),
      status: pick(['reported', 'verified', 'verified', 'disputed'] as const),
    };
  });
  await db.insert(borderIncidents).values(rows);
}
await database.executeSql('vacuum analyze');
console.log(
  `${count.toLocaleString('en')} incidents loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const page = async (query: Record<string, string>) => {
  const rows = await listIncidents(platform, actor, zIncidentListQuery.parse({ ...query, limit: 100 }));
  return presentMany(platform, rows.rows);
};
const runs = Number(process.env.BENCH_RUNS ?? 30);
const scenarios: Array<[string, () => Promise<unknown>]> = [
  [
    'baseline: count the organisation’s incidents',
    () => database.executeSql('select count(*) from border_incidents where org_id = $1', [org!.id]),
  ],
  [
    'trend per month and segment, ten years',
    () => incidentTrend(platform, actor, day(now - tenYears), day(now)),
  ],
  [
    'trend per month and segment, one year',
    () => incidentTrend(platform, actor, day(now - 365 * 86_400_000), day(now)),
  ],
  ['map cells (≈5 km), ten years', () => incidentMap(platform, actor, {})],
  [
    'map cells (≈5 km), one year',
    () => incidentMap(platform, actor, { from: day(now - 365 * 86_400_000), to: day(now) }),
  ],
  ['list page, last year (100 opened)', () => page({ from: day(now - 365 * 86_400_000), to: day(now) })],
  ['list page, one segment over ten years', () => page({ segment: 'KG-TJ' })],
];
console.log(`\n${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${runs} runs each`);
console.log('| scenario | p50 | p95 | max | p50 vs baseline |');
console.log('| --- | --- | --- | --- | --- |');
const baseline = await measure(scenarios[0]![1], runs, 3);
for (const [label, fn] of scenarios) {
  const m = label.startsWith('baseline') ? baseline : await measure(fn, runs, 3);
  console.log(
    `| ${label} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.max)} | ${(m.p50 / baseline.p50).toFixed(1)}× |`,
  );
}
await database.close();
