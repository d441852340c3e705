import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFeedback } from '../../db/schema/index.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const canal = {
  title: 'Rehabilitation of the Kök-Tash irrigation canal',
  implementer: 'Batken regional water department',
  implementerKind: 'state_body',
  sector: 'water',
  districtId: 'KG-B-KADAMJAY',
  community: 'Kök-Tash',
  segment: 'KG-TJ',
  latitude: 39.93,
  longitude: 70.6,
  startsOn: '2026-03-01',
  endsOn: '2026-10-31',
  budget: 2_400_000,
  currency: 'KGS',
  status: 'ongoing',
};

describe('cross-monitoring of measures in border communities', () => {
  let t: TestApp;
  let field: Session;
  let officer: Session;
  let viewer: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    field = await t.login((await t.factory.user(org.id, 'field_worker')).email);
    officer = await t.login((await t.factory.user(org.id, 'me_officer')).email);
    viewer = await t.login((await t.factory.user(org.id, 'viewer')).email);
  });
  afterAll(() => t.close());
  const send: TestApp['api'] = (...request) => t.api(...request);

  it('registers a measure with its budget and period, refusing one that ends before it starts or has no currency', async () => {
    const made = await send(field, 'POST', '/border-projects', canal);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      budget: 2_400_000,
      currency: 'KGS',
      feedbackCounts: { positive: 0 },
    });
    const bad = await send(
      field,
      'POST',
      '/border-projects',
      { ...canal, endsOn: '2026-01-01', currency: null },
      'uz',
    );
    expect(bad.statusCode).toBe(400);
    const issues = bad.json().error.details.issues;
    expect(issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`).sort()).toEqual([
      'currency:currency_required',
      'endsOn:validity_order',
    ]);
    expect(issues.find((i: { path: string }) => i.path === 'currency').message).toBe(
      'Byudjet valyutasini koʻrsating.',
    );
    expect((await send(officer, 'POST', '/border-projects', canal)).statusCode).toBe(403);
    expect((await send(viewer, 'GET', '/border-projects')).statusCode).toBe(403);

    const stale = await send(field, 'PATCH', `/border-projects/${made.json().id}`, {
      ...canal,
      version: made.json().version,
      status: 'completed',
    });
    expect(stale.json().status).toBe('completed');
    const again = await send(field, 'PATCH', `/border-projects/${made.json().id}`, {
      ...canal,
      version: made.json().version,
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps what residents say, their words sealed, counted by sentiment, and lists measures running in a window', async () => {
    const project = (
      await send(field, 'POST', '/border-projects', { ...canal, title: 'Border post road' })
    ).json();
    for (const [sentiment, verbatim] of [
      ['negative', 'The road cuts our pasture in two; Kadyr aga lost his grazing'],
      ['positive', 'Children reach the school in half the time'],
      ['negative', 'Nobody asked the village before the works'],
    ])
      expect(
        (
          await send(field, 'POST', `/border-projects/${project.id}/feedback`, {
            receivedOn: daysAgo(2),
            sentiment,
            topic: 'roads_infrastructure',
            verbatim,
            sex: 'female',
            age: '18-59',
          })
        ).statusCode,
      ).toBe(201);
    const rows = await t.db.select().from(projectFeedback).where(eq(projectFeedback.projectId, project.id));
    expect(JSON.stringify(rows)).not.toMatch(/Kadyr|pasture/);
    const read = (await send(officer, 'GET', `/border-projects/${project.id}`)).json();
    expect(read.feedbackCounts).toEqual({ positive: 1, mixed: 0, negative: 2 });
    expect(read.feedback.map((f: { verbatim: string }) => f.verbatim)).toContain(
      'Nobody asked the village before the works',
    );
    const list = (await send(officer, 'GET', '/border-projects?districtId=KG-B-KADAMJAY')).json().items;
    // The list counts sentiments but carries no resident's words.
    expect(JSON.stringify(list)).not.toMatch(/Kadyr|Nobody asked/);
    const window = (q: string) =>
      send(officer, 'GET', `/border-projects?${q}`).then((r) => r.json().items.length as number);
    expect(await window('from=2026-11-01&to=2026-12-31')).toBe(0);
    expect(await window('from=2026-10-01&to=2026-10-31')).toBe(2);
    expect(await window('from=2025-01-01&to=2026-02-28')).toBe(0);
    const future = await send(field, 'POST', `/border-projects/${project.id}/feedback`, {
      receivedOn: '2099-01-01',
      sentiment: 'mixed',
      topic: 'water',
      verbatim: 'Said in the future',
      sex: 'male',
      age: 'unknown',
    });
    expect(future.statusCode).toBe(400);
  });
});
