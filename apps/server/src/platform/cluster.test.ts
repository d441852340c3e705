import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../db/connection.ts';
import { TEST_PASSWORD } from '../test/harness.ts';
import { startObjectStore } from '../test/object-store.ts';
import {
  postgresScript,
  run,
  seedAdmin,
  signIn,
  throwawayPrimaryAndReplica,
} from '../test/server-process.ts';
import { scratchDatabase } from '../test/test-database.ts';
import { s3Files } from './file-store.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const script = fileURLToPath(new URL('../../../../scripts/cluster.sh', import.meta.url));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3000)]);

/**
 * The cluster of scripts/cluster.sh (two API nodes without workers, one worker, HAProxy in front)
 * over a PostgreSQL primary with a streaming replica: what a national programme runs, brought up
 * on loopback.
 */
describe.skipIf(!serverUrl)('two API nodes and a worker behind HAProxy', () => {
  let env: Record<string, string> = {};
  let pair: Awaited<ReturnType<typeof throwawayPrimaryAndReplica>> | undefined;
  let s3: Awaited<ReturnType<typeof startObjectStore>> | undefined;
  afterAll(async () => {
    if (env.KOMEK_CLUSTER_DIR) await run('bash', [script, 'stop', env.KOMEK_CLUSTER_DIR]);
    if (pair) await postgresScript('stop', pair.dir);
    await s3?.close();
  });

  it('loses no acknowledged write and makes none twice when a node is killed, holds the sign-in limit across nodes, shares files, works jobs on the worker and reports on the replica', async () => {
    pair = await throwawayPrimaryAndReplica();
    const { name, url } = await scratchDatabase(pair.url, 'komek_cluster');
    const replicaUrl = new URL(pair.replicaUrl);
    replicaUrl.pathname = `/${name}`;
    const { email } = await seedAdmin({ dataDir: '/nonexistent', databaseUrl: url });
    // Files in an S3-compatible store every node reaches (s3rver on loopback).
    const store = await startObjectStore('komek-cluster');
    s3 = store;
    const started = await run('bash', [script, 'start'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        DATABASE_REPLICA_URL: replicaUrl.toString(),
        KOMEK_S3_URL: store.url,
        KOMEK_LOGIN_RATE_LIMIT: '6',
      },
      timeout: 180_000,
    });
    env = Object.fromEntries(
      [...started.stdout.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    const proxy = env.KOMEK_CLUSTER_URL!;

    // Six attempts a minute per address in all: one sign-in and five wrong passwords, spread over
    // both nodes by the proxy, use them up; each node alone would have allowed six.
    const session = await signIn(proxy, email);
    const attempt = () =>
      fetch(`${proxy}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@cluster.example', password: TEST_PASSWORD }),
      }).then((r) => r.status);
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push(await attempt());
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);

    // A file uploaded through one node is read through the other.
    const person = await fetch(`${env.KOMEK_NODE1_URL}/api/persons`, {
      method: 'POST',
      headers: session.headers,
      body: JSON.stringify(personBody(-1)),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const opened = await fetch(`${env.KOMEK_NODE1_URL}/api/cases`, {
      method: 'POST',
      headers: session.headers,
      body: JSON.stringify({ personIds: [person.id], problems: ['nationality_statelessness'] }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const uploaded = await fetch(`${env.KOMEK_NODE1_URL}/api/cases/${opened.id}/attachments`, {
      method: 'POST',
      headers: session.headers,
      body: JSON.stringify({
        filename: 'a.pdf',
        mimeType: 'application/pdf',
        contentBase64: PDF.toString('base64'),
      }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const downloaded = await fetch(
      `${env.KOMEK_NODE2_URL}/api/cases/${opened.id}/attachments/${uploaded.id}`,
      {
        headers: session.headers,
      },
    );
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(PDF)).toBe(true);

    // A results report asked through the proxy is made by the worker, over the standard indicators.
    const year = new Date().getUTCFullYear();
    const imported = await fetch(`${proxy}/api/indicators/standard`, {
      method: 'POST',
      headers: session.headers,
      body: JSON.stringify({ year }),
    });
    expect(imported.status).toBe(200);
    const report = await fetch(`${proxy}/api/results/reports`, {
      method: 'POST',
      headers: session.headers,
      body: JSON.stringify({ year, format: 'xlsx' }),
    }).then((r) => r.json() as Promise<{ id: string }>);

    // Forty registrations, each retried with its key until answered; node 1 is killed mid-run.
    const acknowledged: string[] = [];
    let retries = 0;
    for (let i = 0; i < 40; i++) {
      if (i === 15) process.kill(Number(env.KOMEK_NODE1_PID), 'SIGKILL');
      const key = `cluster-${name}-${i}`;
      for (;;) {
        const res = await fetch(`${proxy}/api/persons`, {
          method: 'POST',
          headers: { ...session.headers, 'idempotency-key': key },
          body: JSON.stringify(personBody(i)),
        }).catch(() => null);
        if (res?.status === 201) {
          acknowledged.push(((await res.json()) as { id: string }).id);
          break;
        }
        retries++;
        expect(retries, `request ${i}: ${res?.status} ${await res?.text()}`).toBeLessThan(60);
        await pause(250);
      }
    }
    // Node 1 is really gone: the writes after the 15th all went through node 2.
    await expect(fetch(`${env.KOMEK_NODE1_URL}/api/health/live`)).rejects.toThrow();
    const database = await openDatabase({ url });
    try {
      // The file went to the object store, sealed, not to the database.
      expect(await (await s3Files(store.url)).get(database.db, uploaded.id)).not.toBeNull();
      const rows = await queryRows<{ id: string; given_name: string }>(
        database.db,
        sql`select id, given_name from persons where family_name = 'Clusterova'`,
      );
      expect(rows.map((r) => r.id).sort()).toEqual([...new Set(acknowledged)].sort());
      expect(new Set(rows.map((r) => r.given_name)).size).toBe(40);
    } finally {
      await database.close();
    }

    // The report and the figures on screen were read from the replica, and say so.
    let made = { status: '', source: null as null | { from: string } };
    for (let i = 0; i < 120 && made.status !== 'done'; i++) {
      const res = await fetch(`${proxy}/api/results/reports/${report.id}`, { headers: session.headers });
      made = (await res.json()) as typeof made;
      if (made.status !== 'done') await pause(500);
    }
    expect(made).toMatchObject({ status: 'done', source: { from: 'replica' } });
    const figures = await fetch(`${proxy}/api/results?year=${year}`, {
      headers: session.headers,
    }).then((r) => r.json() as Promise<{ items: unknown[]; source: { from: string; lagSeconds: number } }>);
    expect(figures.source.from).toBe('replica');
    expect(figures.items.length).toBeGreaterThan(5);
    // The dashboards read there too, without a write slipping into the read-only replica.
    for (const path of [
      '/api/cases/caseload',
      `/api/incidents/trend?from=${year}-01-01&to=${year}-12-31`,
      '/api/incidents/map',
      `/api/assistance/totals?year=${year}`,
      `/api/monitoring/figures?year=${year}`,
    ]) {
      const res = await fetch(`${proxy}${path}`, { headers: session.headers });
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
    }
    const exported = await fetch(`${proxy}/api/persons/export?format=csv`, { headers: session.headers });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('x-komek-read-from')).toMatch(/^replica; /);
    // The replica had every registration acknowledged before the export was asked.
    expect((await exported.text()).split('Clusterova').length - 1).toBe(40);
  }, 300_000);
});

const personBody = (i: number) => ({
  givenName: `Aigerim${String(i + 1).padStart(2, '0')}`,
  familyName: i < 0 ? 'Uploader' : 'Clusterova',
  sex: 'female',
  birthDate: '1990-03-14',
  languages: ['ky'],
  nationalityStatus: 'undetermined_nationality',
  populationType: 'undetermined_nationality',
  districtId: 'KG-O-KARASUU',
});
