import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borderIncidents, notifications } from '../../db/schema/index.ts';
import { openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

const incident = (extra: object = {}) => ({
  occurredAt: daysAgo(2),
  precision: 'hour',
  segment: 'KG-TJ',
  type: 'water_dispute',
  districtId: 'KG-B-KADAMJAY',
  community: 'Kök-Tash',
  latitude: 39.93,
  longitude: 70.6,
  parties: ['Residents of Kök-Tash', 'Residents of Khojai Alo'],
  affected: { women: 12, men: 30, girls: 4, boys: 6, injured: 0, killed: 0, detained: 0, displaced: 0 },
  sources: [
    { kind: 'own_monitor', reliability: 'confirmed', note: 'Our monitor Azamat was there' },
    { kind: 'media', reliability: 'probable' },
  ],
  description: 'Dispute over the irrigation canal intake; stones thrown, no one hurt.',
  ...extra,
});

describe('the border incidents log', () => {
  let t: TestApp;
  let field: Session;
  let lawyer: Session;
  let supervisor: Session;
  let admin: Session;
  let officer: Session;
  let viewer: Session;
  let ids: { supervisor: string; lawyer: string };
  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    const s = await t.factory.user(org.id, 'supervisor');
    const l = await t.factory.user(org.id, 'lawyer');
    field = await t.login((await t.factory.user(org.id, 'field_worker')).email);
    lawyer = await t.login(l.email);
    supervisor = await t.login(s.email);
    admin = await t.login((await t.factory.user(org.id, 'admin')).email);
    officer = await t.login((await t.factory.user(org.id, 'me_officer')).email);
    viewer = await t.login((await t.factory.user(org.id, 'viewer')).email);
    ids = { supervisor: s.id, lawyer: l.id };
  });
  afterAll(() => t.close());
  const send: TestApp['api'] = (...request) => t.api(...request);

  it('logs an incident as reported, its words and sources sealed, and refuses one without a source or in the future', async () => {
    const res = await send(field, 'POST', '/incidents', incident());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      reference: expect.stringMatching(/^B\d{4}-\d{5}$/),
      status: 'reported',
      segment: 'KG-TJ',
      affected: { women: 12, men: 30 },
      history: [{ from: null, to: 'reported' }],
    });
    expect(body.sources[0].note).toBe('Our monitor Azamat was there');
    const [row] = await t.db.select().from(borderIncidents).where(eq(borderIncidents.id, body.id));
    expect(JSON.stringify(row)).not.toMatch(/Azamat|irrigation/);

    const bad = await send(
      field,
      'POST',
      '/incidents',
      incident({ sources: [], occurredAt: daysAgo(-3) }),
      'ru',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('sources');
    const future = await send(field, 'POST', '/incidents', incident({ occurredAt: daysAgo(-3) }), 'ru');
    expect(future.json().error.details.issues[0]).toMatchObject({
      path: 'occurredAt',
      code: 'date_in_future',
    });
    expect(future.json().error.details.issues[0].message).toMatch(/[А-Яа-я]/);

    // The M&E officer reads the log but does not write it; a donor's viewer does neither.
    expect((await send(officer, 'GET', '/incidents')).statusCode).toBe(200);
    expect((await send(officer, 'POST', '/incidents', incident())).statusCode).toBe(403);
    expect((await send(viewer, 'GET', '/incidents')).statusCode).toBe(403);
  });

  it('is verified or disputed by a supervisor with a reason, each change kept with who and when', async () => {
    const created = (await send(field, 'POST', '/incidents', incident({ type: 'pasture_dispute' }))).json();
    const by = (s: Session, to: string, version: number) =>
      send(s, 'POST', `/incidents/${created.id}/status`, {
        version,
        to,
        note: 'Confirmed by the ayil okmotu',
      });
    expect((await by(field, 'verified', created.version)).statusCode).toBe(403);
    const verified = await by(supervisor, 'verified', created.version);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().history).toMatchObject([
      { to: 'reported' },
      { from: 'reported', to: 'verified', note: 'Confirmed by the ayil okmotu', byName: expect.any(String) },
    ]);
    expect((await by(supervisor, 'verified', verified.json().version)).statusCode).toBe(409);
    expect((await by(supervisor, 'disputed', created.version)).statusCode).toBe(409);
    const disputed = await by(supervisor, 'disputed', verified.json().version);
    expect(disputed.json().status).toBe('disputed');
  });

  it('tells the people a rule names at once: three on one border in fourteen days, or anyone hurt', async () => {
    const rule = (body: object) => send(admin, 'POST', '/incidents/warning-rules', body);
    expect(
      (await rule({ segment: 'KG-UZ', minCount: 3, withinDays: 14, recipients: [ids.supervisor] }))
        .statusCode,
    ).toBe(201);
    expect((await rule({ casualties: true, recipients: [ids.lawyer] })).statusCode).toBe(201);
    const stranger = await t.factory.user((await t.factory.org()).id, 'supervisor');
    const refused = await rule({ casualties: true, recipients: [stranger.id] });
    expect(refused.json().error.details.issues[0]).toMatchObject({
      path: 'recipients',
      code: 'recipient_not_colleague',
    });
    expect((await send(lawyer, 'GET', '/incidents/warning-rules')).statusCode).toBe(403);

    const told = async (userId: string) =>
      (await t.db.select().from(notifications).where(eq(notifications.userId, userId))).filter(
        (n) => n.kind === 'incident_warning',
      );
    for (const n of [10, 5])
      await send(field, 'POST', '/incidents', incident({ segment: 'KG-UZ', occurredAt: daysAgo(n) }));
    expect(await told(ids.supervisor)).toHaveLength(0);
    const third = (
      await send(field, 'POST', '/incidents', incident({ segment: 'KG-UZ', occurredAt: daysAgo(1) }))
    ).json();
    const warned = await told(ids.supervisor);
    expect(warned.map((n) => n.link)).toEqual([`/incidents/${third.id}`]);
    expect(await told(ids.lawyer)).toHaveLength(0);

    const hurt = incident({
      segment: 'TJ-AF',
      type: 'violence',
      affected: { women: 0, men: 2, girls: 0, boys: 0, injured: 1, killed: 0, detained: 0, displaced: 0 },
    });
    await send(field, 'POST', '/incidents', hurt);
    expect(await told(ids.lawyer)).toHaveLength(1);
  });

  it('counts incidents per month and border for the trend, leaving out the disputed, and filters the log', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const trend = (await send(officer, 'GET', `/incidents/trend?from=2000-01-01&to=${today}`)).json().items;
    const total = (segment: string) =>
      trend
        .filter((r: { segment: string }) => r.segment === segment)
        .reduce((n: number, r: { count: number }) => n + r.count, 0);
    // Two water disputes logged on KG-TJ and one pasture dispute, disputed since.
    expect(total('KG-TJ')).toBe(1);
    expect(total('KG-UZ')).toBe(3);
    // On the map the three at the same canal are one cell of three, with the people they affected.
    const map = (await send(officer, 'GET', '/incidents/map?segment=KG-UZ')).json();
    expect(map.cells).toEqual([
      {
        latitude: 39.95,
        longitude: 70.6,
        districtId: null,
        count: 3,
        people: 156,
        casualties: 0,
        incidentId: null,
      },
    ]);
    const one = (await send(officer, 'GET', '/incidents/map?segment=TJ-AF')).json().cells;
    expect(one).toMatchObject([{ count: 1, casualties: 1, incidentId: expect.any(String) }]);
    const list = (q: string) => send(officer, 'GET', `/incidents?${q}`).then((r) => r.json());
    expect((await list('segment=KG-UZ')).total).toBe(3);
    expect((await list('status=disputed')).items.map((i: { type: string }) => i.type)).toEqual([
      'pasture_dispute',
    ]);
    expect((await list(`from=${daysAgo(6).slice(0, 10)}&segment=KG-UZ`)).total).toBe(2);
  });

  it('links the cases that follow from an incident, only cases the linker may read', async () => {
    const created = (
      await send(lawyer, 'POST', '/incidents', incident({ type: 'detention_removal' }))
    ).json();
    const person = await registerPerson(t, lawyer, { givenName: 'Jamshid', familyName: 'Rahimov' });
    const c = await openCase(t, lawyer, [person.id]);
    const linked = await send(lawyer, 'POST', `/incidents/${created.id}/cases`, { caseId: c.id });
    expect(linked.json().caseIds).toEqual([c.id]);
    const other = await t.login((await t.factory.user((await t.factory.org()).id, 'lawyer')).email);
    const foreign = await openCase(t, other, [(await registerPerson(t, other)).id]);
    expect(
      (await send(lawyer, 'POST', `/incidents/${created.id}/cases`, { caseId: foreign.id })).statusCode,
    ).toBe(404);
  });
});
