import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.ts';
import { createTestApp, type Session, type TestApp } from '../test/harness.ts';
import { type BIds, seedScopingWorld } from '../test/scoping-world.ts';
import { scopingCasesOfAssistance } from './scoping-cases.assistance.ts';
import { scopingCasesOfHelp } from './scoping-cases.help.ts';
import { scopingCasesOfIncidents } from './scoping-cases.incidents.ts';
import { scopingCasesOfIntake } from './scoping-cases.intake.ts';
import { scopingCasesOfMessenger } from './scoping-cases.messenger.ts';
import { scopingCasesOfMonitoring } from './scoping-cases.monitoring.ts';
import { scopingCasesOfPeople } from './scoping-cases.people.ts';
import { scopingCasesOfScreenings } from './scoping-cases.screenings.ts';
import type { Cases, World } from './scoping-cases.ts';
import { scopingCasesOfWork } from './scoping-cases.work.ts';

/**
 * Organisation A must see nothing of organisation B through any endpoint. Each entry names a
 * request that touches one of B's records; the table is checked against the route catalogue so a
 * new route without a scoping case fails here.
 */
describe('organisation scoping on every endpoint', () => {
  let t: TestApp;
  let world: World;
  let cases: Cases;
  let bIds: BIds;
  let a: Session;
  let b: Session;

  beforeAll(async () => {
    t = await createTestApp();
    world = await seedScopingWorld(t);
    ({ a, b, bIds } = world);
    cases = {
      ...scopingCasesOfPeople(world),
      ...scopingCasesOfWork(world),
      ...scopingCasesOfIntake(world),
      ...scopingCasesOfIncidents(world),
      ...scopingCasesOfMonitoring(world),
      ...scopingCasesOfAssistance(world),
      ...scopingCasesOfScreenings(world),
      ...scopingCasesOfMessenger(world),
      ...scopingCasesOfHelp(world),
    };
  });
  afterAll(() => t.close());

  it('has a scoping case for every route', () => {
    const routes = t.app.routeCatalogue.map((r) => `${r.method} ${r.url}`).sort();
    expect(Object.keys(cases).sort()).toEqual(routes);
  });

  it('shows organisation A nothing of organisation B', async () => {
    for (const [key, make] of Object.entries(cases)) {
      if (!make) continue;
      const c = make();
      const method = key.split(' ')[0] as 'GET';
      const res = await t.app.inject({ method, url: c.url, headers: a.headers, payload: c.payload });
      expect(res.statusCode, `${key}: ${res.body}`).toBe(c.expectStatus);
      if (c.check) c.check(res.json());
      if (c.text) c.text(res.body);
    }
  });

  it("writes a read entry, in the same transaction, for every route that returns a person's or a case's data", async () => {
    const readsData = (body: string) =>
      body.includes('Secret') || body.includes(bIds.case) || body.includes(bIds.person);
    const unaudited: string[] = [];
    let n = 0;
    for (const [key, make] of Object.entries(cases)) {
      if (!make) continue;
      const [method] = key.split(' ') as ['GET' | 'POST'];
      // Reads, and the two POSTs that only look people up.
      if (
        method !== 'GET' &&
        ![
          'POST /api/persons/duplicates',
          'POST /api/cases/precheck',
          'POST /api/intake/phone-history',
        ].includes(key)
      )
        continue;
      const c = make();
      const requestId = `read-check-${n++}-${Date.now()}`;
      const res = await t.app.inject({
        method,
        url: c.url,
        headers: { ...b.headers, 'x-request-id': requestId },
        payload: c.payload,
      });
      if (res.statusCode !== 200 || !readsData(res.body)) continue;
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
      if (entries.length === 0) unaudited.push(key);
    }
    // The calendar feed is read by a calendar program through its secret address.
    const feed = await t.app.inject({ method: 'POST', url: '/api/calendar/token', headers: b.headers });
    const feedRequest = `read-check-feed-${Date.now()}`;
    await t.app.inject({
      method: 'GET',
      url: new URL(feed.json().url).pathname,
      headers: { 'x-request-id': feedRequest },
    });
    if ((await t.db.select().from(auditLog).where(eq(auditLog.requestId, feedRequest))).length === 0) {
      unaudited.push('GET /api/calendar/:file');
    }
    expect(unaudited).toEqual([]);
  });

  it('lets a platform administrator see across organisations', async () => {
    const org = await t.factory.org();
    const operator = await t.factory.user(org.id, 'admin', { platformAdmin: true });
    const session = await t.login(operator.email);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/users/${bIds.user}`,
      headers: session.headers,
    });
    expect(res.statusCode).toBe(200);
    const orgs = await t.app.inject({
      method: 'GET',
      url: '/api/organisations?limit=200',
      headers: session.headers,
    });
    expect(orgs.json().total).toBeGreaterThanOrEqual(3);
  });
});
