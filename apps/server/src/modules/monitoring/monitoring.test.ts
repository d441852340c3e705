import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointVisits, helpNotices } from '../../db/schema/index.ts';
import { registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

const year = new Date().getUTCFullYear();
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const inFuture = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const dostuk = {
  name: 'Dostuk',
  countryCode: 'KG',
  segment: 'KG-UZ',
  kind: 'road',
  districtId: 'KG-O-KARASUU',
  latitude: 40.75,
  longitude: 72.77,
};

const visit = (checkpointId: string, extra: object = {}) => ({
  checkpointId,
  visitedOn: daysAgo(3),
  team: ['Aida Tokonova', 'Bakyt Osmonov'],
  met: ['Shift commander', 'Migration officer'],
  findings: [
    { key: 'asylum_information_displayed', answer: 'no', note: 'No leaflets in Dari' },
    { key: 'refoulement_risk', answer: 'yes', note: 'Afghan man Rahmatullah told to go back' },
  ],
  figures: { soughtProtection: 4, accessedProcedure: 3, refusedEntry: 1, detained: 0, removed: 1 },
  summary: 'Four Afghans asked for asylum at the post',
  ...extra,
});

describe('checkpoint monitoring', () => {
  let t: TestApp;
  let field: Session;
  let admin: Session;
  let officer: Session;
  let viewer: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    field = await t.login((await t.factory.user(org.id, 'field_worker')).email);
    admin = await t.login((await t.factory.user(org.id, 'admin')).email);
    officer = await t.login((await t.factory.user(org.id, 'me_officer')).email);
    viewer = await t.login((await t.factory.user(org.id, 'viewer')).email);
  });
  afterAll(() => t.close());
  const send: TestApp['api'] = (...request) => t.api(...request);

  it('keeps a register of checkpoints whose status changes are a history, and tells the public when asked', async () => {
    const added = await send(field, 'POST', '/checkpoints', dostuk);
    expect(added.statusCode, added.body).toBe(201);
    const cp = added.json();
    expect(cp).toMatchObject({ status: 'open', history: [{ from: null, to: 'open' }], lastVisitedOn: null });
    expect((await send(officer, 'POST', '/checkpoints', dostuk)).statusCode).toBe(403);
    expect((await send(viewer, 'GET', '/checkpoints')).statusCode).toBe(403);

    // A field worker may close it, but not speak to the public.
    const closing = {
      version: cp.version,
      to: 'closed',
      since: daysAgo(1),
      note: 'Closed by the border service',
      notice: {
        texts: {
          ru: { title: 'КПП Достук закрыт', body: 'Пункт пропуска Достук временно закрыт для всех.' },
        },
        endsOn: inFuture(10),
      },
    };
    expect((await send(field, 'POST', `/checkpoints/${cp.id}/status`, closing)).statusCode).toBe(403);
    const past = await send(
      admin,
      'POST',
      `/checkpoints/${cp.id}/status`,
      { ...closing, notice: { ...closing.notice, endsOn: daysAgo(2) } },
      'ky',
    );
    expect(past.json().error.details.issues[0]).toMatchObject({
      path: 'notice.endsOn',
      code: 'validity_order',
    });
    const closed = await send(admin, 'POST', `/checkpoints/${cp.id}/status`, closing);
    expect(closed.statusCode, closed.body).toBe(200);
    const body = closed.json();
    expect(body).toMatchObject({ status: 'closed', statusSince: daysAgo(1) });
    expect(body.history[1]).toMatchObject({
      from: 'open',
      to: 'closed',
      note: 'Closed by the border service',
    });
    const [notice] = await t.db
      .select()
      .from(helpNotices)
      .where(eq(helpNotices.id, body.history[1].noticeId));
    expect(notice).toMatchObject({ countryCode: 'KG', endsOn: inFuture(10) });

    // The same status again is no change; a stale version is someone else's change.
    const again = await send(field, 'POST', `/checkpoints/${cp.id}/status`, {
      ...closing,
      notice: null,
      version: body.version,
    });
    expect(again.statusCode).toBe(409);
    const stale = await send(field, 'POST', `/checkpoints/${cp.id}/status`, {
      ...closing,
      to: 'open',
      notice: null,
    });
    expect(stale.statusCode).toBe(409);
    const reopened = await send(field, 'POST', `/checkpoints/${cp.id}/status`, {
      version: body.version,
      to: 'restricted',
      since: daysAgo(0),
      note: 'Open for residents only',
    });
    expect(reopened.json().history.map((h: { to: string }) => h.to)).toEqual([
      'open',
      'closed',
      'restricted',
    ]);
    expect((await send(officer, 'GET', '/checkpoints?status=restricted')).json().items).toHaveLength(1);

    // An airport has no land border; Afghanistan has no page on the public site.
    const airport = await send(field, 'POST', '/checkpoints', {
      ...dostuk,
      name: 'Manas airport',
      kind: 'air',
      segment: null,
    });
    expect(airport.statusCode).toBe(201);
    const afghan = (
      await send(field, 'POST', '/checkpoints', {
        ...dostuk,
        name: 'Sher Khan Bandar',
        countryCode: 'AF',
        segment: 'TJ-AF',
      })
    ).json();
    const noSite = await send(admin, 'POST', `/checkpoints/${afghan.id}/status`, {
      ...closing,
      version: afghan.version,
    });
    expect(noSite.json().error.details.issues[0]).toMatchObject({ path: 'notice', code: 'notice_country' });
  });

  it('lets an administrator extend the checklist; a visit answers only live questions, its notes sealed', async () => {
    const cp = (await send(field, 'POST', '/checkpoints', { ...dostuk, name: 'Kyzyl-Kiya' })).json();
    const standard = (await send(field, 'GET', '/monitoring/checklist')).json().items;
    expect(standard.map((i: { key: string }) => i.key)).toContain('access_to_asylum_procedure');
    expect(
      (await send(field, 'POST', '/monitoring/checklist', { labels: { en: 'Toilets for women' } }))
        .statusCode,
    ).toBe(403);
    const q = await send(admin, 'POST', '/monitoring/checklist', {
      labels: { en: 'Separate room for women and children', ru: 'Отдельная комната для женщин и детей' },
    });
    expect(q.statusCode, q.body).toBe(201);
    const question = q.json();
    expect(question).toMatchObject({ standard: false, concern: false, active: true });

    const withOwn = visit(cp.id, {
      findings: [...visit(cp.id).findings, { key: question.key, answer: 'partly', note: null }],
    });
    const made = await send(field, 'POST', '/monitoring/visits', withOwn);
    expect(made.statusCode, made.body).toBe(201);
    const v = made.json();
    expect(v).toMatchObject({
      checkpointName: 'Kyzyl-Kiya',
      countryCode: 'KG',
      figures: { soughtProtection: 4 },
    });
    expect(v.findings[1].note).toBe('Afghan man Rahmatullah told to go back');
    const [row] = await t.db.select().from(checkpointVisits).where(eq(checkpointVisits.id, v.id));
    expect(JSON.stringify(row)).not.toMatch(/Rahmatullah|Four Afghans/);

    // Retired, the question is not asked again, but the visit that answered it may still be edited.
    const retired = await send(admin, 'PATCH', `/monitoring/checklist/${question.key}`, {
      version: question.version,
      active: false,
    });
    expect(retired.json().active).toBe(false);
    const refused = await send(field, 'POST', '/monitoring/visits', withOwn, 'tg');
    expect(refused.json().error.details.issues[0]).toMatchObject({
      path: 'findings.2.key',
      code: 'unknown_finding',
    });
    expect(refused.json().error.details.issues[0].message).toMatch(/[а-яӣӯҳқ]/);
    const edited = await send(field, 'PATCH', `/monitoring/visits/${v.id}`, {
      ...withOwn,
      version: v.version,
      met: ['Deputy head'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(
      (await send(field, 'PATCH', `/monitoring/visits/${v.id}`, { ...withOwn, version: v.version }))
        .statusCode,
    ).toBe(409);

    const twice = await send(
      field,
      'POST',
      '/monitoring/visits',
      visit(cp.id, {
        findings: [
          { key: 'interpreter_available', answer: 'no' },
          { key: 'interpreter_available', answer: 'yes' },
        ],
      }),
    );
    expect(twice.json().error.details.issues[0]).toMatchObject({
      path: 'findings.1.key',
      code: 'finding_twice',
    });
    const tooMany = await send(
      field,
      'POST',
      '/monitoring/visits',
      visit(cp.id, {
        figures: { soughtProtection: 1, accessedProcedure: 2, refusedEntry: 0, detained: 0, removed: 0 },
      }),
      'fa-AF',
    );
    expect(tooMany.json().error.details.issues[0]).toMatchObject({
      path: 'figures.accessedProcedure',
      code: 'not_more_than_sought',
    });
    const future = await send(field, 'POST', '/monitoring/visits', visit(cp.id, { visitedOn: inFuture(2) }));
    expect(future.statusCode).toBe(400);
    expect((await send(officer, 'POST', '/monitoring/visits', visit(cp.id))).statusCode).toBe(403);
  });

  it('refers a person identified at the crossing into casework and counts the year by country', async () => {
    const cp = (
      await send(field, 'POST', '/checkpoints', { ...dostuk, name: 'Karamyk', segment: 'KG-TJ' })
    ).json();
    const first = (await send(field, 'POST', '/monitoring/visits', visit(cp.id))).json();
    await send(
      field,
      'POST',
      '/monitoring/visits',
      visit(cp.id, {
        visitedOn: daysAgo(1),
        findings: [{ key: 'refoulement_risk', answer: 'no', note: null }],
        figures: { soughtProtection: 6, accessedProcedure: 6, refusedEntry: 0, detained: 2, removed: 0 },
      }),
    );
    const person = await registerPerson(t, field, { givenName: 'Rahmatullah', familyName: 'Noori' });
    const opened = await send(field, 'POST', `/monitoring/visits/${first.id}/case`, {
      personId: person.id,
      problems: ['asylum_refugee_status'],
      priority: 'urgent',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().summary).toBe(`Karamyk · ${daysAgo(3)}`);
    const read = (await send(field, 'GET', `/monitoring/visits/${first.id}`)).json();
    expect(read.caseIds).toEqual([opened.json().id]);
    expect((await send(field, 'GET', `/monitoring/visits?checkpointId=${cp.id}`)).json().items).toHaveLength(
      2,
    );
    expect((await send(field, 'GET', `/checkpoints/${cp.id}`)).json().lastVisitedOn).toBe(daysAgo(1));

    const figures = (await send(officer, 'GET', `/monitoring/figures?year=${year}`)).json();
    const kg = figures.countries.find((c: { countryCode: string }) => c.countryCode === 'KG');
    // The earlier test's visit to Kyzyl-Kiya counts too; in the first days of January the visits
    // made three days ago belong to last year, and only yesterday's is this year's.
    const sameYear = daysAgo(3).startsWith(String(year)) ? 3 : 1;
    expect(kg.visits).toBe(sameYear);
    if (sameYear === 3) {
      expect(kg).toMatchObject({
        checkpoints: 2,
        soughtProtection: 14,
        accessedProcedure: 12,
        detained: 2,
        casesOpened: 1,
      });
      expect(kg.accessPercent).toBe(85.7);
      expect(kg.findings.find((f: { key: string }) => f.key === 'refoulement_risk')).toEqual({
        key: 'refoulement_risk',
        yes: 2,
        partly: 0,
        no: 1,
      });
    }
  });
});
