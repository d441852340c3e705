import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { builtReport } from '../../test/report-fixtures.ts';

const year = new Date().getUTCFullYear();

/**
 * A small world counted by hand. For the current year:
 *  P1 girl, 6, Kara-Suu (KG), stateless — consulted this year            → legal assistance
 *  P5 girl, 3, Kara-Suu (KG), stateless — on P1's case                   → legal assistance
 *  P2 man, 76, no district (the organisation's KZ), stateless, disabled — consulted, nationality acquired
 *  P3 woman, 36, Aravan (KG), refugee — consulted only last year, residence permit granted this year
 *  P4 man, age unknown, Kara-Suu (KG), stateless — consulted on two cases → counted once
 */
describe('results computed from the casework', () => {
  let t: TestApp;
  let me: Session;
  let lawyer: Session;
  let supervisor: Session;
  let orgId: string;

  const inject = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: s.headers, payload });
  const consult = async (caseId: string, date: string) => {
    const res = await inject(lawyer, 'POST', `/cases/${caseId}/interventions`, {
      type: 'consultation',
      date,
      durationMinutes: 30,
      channel: 'in_person',
      language: 'ru',
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const close = async (caseId: string, outcome: string) => {
    let c = (
      await inject(supervisor, 'POST', `/cases/${caseId}/transition`, { version: 1, to: 'open' })
    ).json();
    c = (
      await inject(supervisor, 'POST', `/cases/${caseId}/transition`, {
        version: c.version,
        to: 'closed',
        outcome,
      })
    ).json();
    expect(c.status).toBe('closed');
  };

  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org({ countryCode: 'KZ' });
    orgId = org.id;
    me = await t.login((await t.factory.user(org.id, 'me_officer', { locale: 'en' })).email);
    lawyer = await t.login((await t.factory.user(org.id, 'lawyer')).email);
    supervisor = await t.login((await t.factory.user(org.id, 'supervisor')).email);
    const person = (o: object) => registerPerson(t, lawyer, { latinName: null, ...o });
    const p1 = await person({
      givenName: 'Айпери',
      familyName: 'Осмонова',
      sex: 'female',
      birthDate: `${year - 6}-03-01`,
      districtId: 'KG-O-KARASUU',
      populationType: 'stateless',
    });
    const p5 = await person({
      givenName: 'Элиза',
      familyName: 'Осмонова',
      sex: 'female',
      birthDate: `${year - 3}-01-15`,
      districtId: 'KG-O-KARASUU',
      populationType: 'stateless',
    });
    const p2 = await person({
      givenName: 'Борис',
      familyName: 'Ким',
      sex: 'male',
      birthDate: `${year - 76}`,
      districtId: null,
      populationType: 'stateless',
      washingtonGroup: { walking: 'a_lot_of_difficulty' },
    });
    const p3 = await person({
      givenName: 'Мадина',
      familyName: 'Рахимова',
      sex: 'female',
      birthDate: `${year - 36}-06-01`,
      districtId: 'KG-O-ARAVAN',
      populationType: 'refugees_asylum_seekers',
      nationalityStatus: 'refugee',
    });
    const p4 = await person({
      givenName: 'Азамат',
      familyName: 'Токтогулов',
      sex: 'male',
      birthDate: null,
      districtId: 'KG-O-KARASUU',
      populationType: 'stateless',
    });
    const c1 = await openCase(t, lawyer, [p1.id, p5.id]);
    await consult(c1.id, `${year}-03-10`);
    const c2 = await openCase(t, lawyer, [p2.id]);
    await consult(c2.id, `${year}-05-01`);
    await close(c2.id, 'nationality_acquired');
    const c3 = await openCase(t, lawyer, [p3.id]);
    await consult(c3.id, `${year - 1}-12-31`);
    await close(c3.id, 'residence_permit_granted');
    for (const date of [`${year}-02-01`, `${year}-02-02`]) {
      const c = await openCase(t, lawyer, [p4.id]);
      await consult(c.id, date);
    }
    const imported = await inject(me, 'POST', '/indicators/standard', { year });
    expect(imported.json().added).toBe(11);
    expect((await inject(me, 'POST', '/indicators/standard', { year })).json().added).toBe(0);
  });
  afterAll(() => t.close());

  const results = async (suppress = false) =>
    (await inject(me, 'GET', `/results?year=${year}&suppress=${suppress}`)).json().items as Array<{
      indicator: { code: string };
      rows: Array<{
        countryCode: string;
        populationType: string;
        baseline: number | null;
        target: number | null;
        actual: number | string | null;
        progress: number | null;
        disaggregation: {
          bySexAge: Array<{ sex: string; age: string; n: number | string }>;
          withDisability: number | string;
        } | null;
      }>;
      byDistrict?: Array<{ districtId: string; n: number | string }>;
    }>;
  const row = (items: Awaited<ReturnType<typeof results>>, code: string, country: string, pop: string) =>
    items
      .find((i) => i.indicator.code === code)
      ?.rows.find((r) => r.countryCode === country && r.populationType === pop);

  it('counts people given legal aid once each, in their country, by sex, age and disability', async () => {
    const items = await results();
    expect(row(items, '06.1.1', 'KG', 'stateless')).toMatchObject({
      actual: 3,
      disaggregation: {
        bySexAge: expect.arrayContaining([
          { sex: 'female', age: '0-4', n: 1 },
          { sex: 'female', age: '5-11', n: 1 },
          { sex: 'male', age: 'unknown', n: 1 },
        ]),
        withDisability: 0,
      },
    });
    expect(row(items, '06.1.1', 'KG', 'stateless')!.disaggregation!.bySexAge).toHaveLength(3);
    expect(row(items, '06.1.1', 'KZ', 'stateless')).toMatchObject({
      actual: 1,
      disaggregation: { bySexAge: [{ sex: 'male', age: '60+', n: 1 }], withDisability: 1 },
    });
    // Consulted only last year: not in this year's count.
    expect(row(items, '06.1.1', 'KG', 'refugees_asylum_seekers')).toBeUndefined();
    const p1 = items.find((i) => i.indicator.code === 'P1')!;
    expect(p1.byDistrict).toEqual([{ districtId: 'KG-O-KARASUU', n: 3 }]);
  });

  it('counts outcomes of closed cases against the report’s baselines, with progress', async () => {
    const items = await results();
    expect(row(items, '4.3a', 'KZ', 'stateless')).toMatchObject({ actual: 1, baseline: 1348 });
    expect(row(items, '4.3b', 'KG', 'refugees_asylum_seekers')).toMatchObject({ actual: 1, baseline: 21 });
    expect(row(items, 'P3', 'KZ', 'stateless')!.actual).toBe(1);
    // An entered percentage: progress = (actual − baseline) / (target − baseline).
    const list = (await inject(me, 'GET', '/indicators')).json().items as Array<{ id: string; code: string }>;
    const oneOne = list.find((i) => i.code === '1.1')!;
    const res = await inject(me, 'PUT', `/indicators/${oneOne.id}/values`, {
      values: [
        {
          year,
          countryCode: 'KZ',
          populationType: 'refugees_asylum_seekers',
          baseline: 65.31,
          target: 90,
          actual: 80,
        },
      ],
    });
    expect(res.statusCode).toBe(204);
    const after = await results();
    expect(row(after, '1.1', 'KZ', 'refugees_asylum_seekers')).toMatchObject({ actual: 80, progress: 0.595 });
  });

  it('shows small counts as "<5" in what leaves the organisation', async () => {
    const items = await results(true);
    const kg = row(items, '06.1.1', 'KG', 'stateless')!;
    expect(kg.actual).toBe('<5');
    expect(kg.progress).toBeNull();
    expect(kg.disaggregation!.bySexAge.every((c) => c.n === '<5')).toBe(true);
    expect(items.find((i) => i.indicator.code === 'P1')!.byDistrict).toEqual([
      { districtId: 'KG-O-KARASUU', n: '<5' },
    ]);
    // Percentages are not counts of people and are not suppressed.
    expect(row(items, '1.1', 'KZ', 'refugees_asylum_seekers')!.actual).toBe(80);
  });

  it('builds the XLSX report in the background with its progress, suppressed', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await builtReport(t, me, year, 'xlsx')) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.getWorksheet('Indicators')!.eachRow((r) => cells.push((r.values as unknown[]).join('|')));
    expect(cells.some((c) => c.startsWith('|06.1.1 Number of people who received legal assistance'))).toBe(
      true,
    );
    expect(cells).toContain('|Kyrgyzstan|Stateless Persons|—|—|<5|—');
    expect(
      cells.some((c) => c.includes('|Kazakhstan|Refugees and Asylum-seekers|65.31%|90.00%|80.00%|60%')),
    ).toBe(true);
  });

  it('gives month-by-month trends', async () => {
    const items = (await inject(me, 'GET', `/results/trends?year=${year}`)).json().items as Array<{
      month: number;
      peopleLegalAid: number;
      casesOpened: number;
    }>;
    expect(items).toHaveLength(12);
    expect(items.map((m) => m.peopleLegalAid)).toEqual([0, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    const thisMonth = new Date().getUTCMonth() + 1;
    expect(items.find((m) => m.month === thisMonth)!.casesOpened).toBeGreaterThanOrEqual(5);
    const shared = (await inject(me, 'GET', `/results/trends?year=${year}&suppress=true`)).json().items;
    expect(shared[2].peopleLegalAid).toBe('<5');
  });

  it('records activities with participants by sex, age and organisation type, and a budget as the report shows it', async () => {
    let res = await inject(me, 'POST', '/activities', {
      type: 'training',
      title: 'Asylum rights for border guards',
      date: `${year}-04-12`,
      districtId: 'KG-O-KARASUU',
      audience: 'border_guards',
      participants: [
        { sex: 'male', age: '18-59', orgType: 'government', count: 24 },
        { sex: 'female', age: '18-59', orgType: 'government', count: 4 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().participantsTotal).toBe(28);
    const stale = await inject(me, 'PATCH', `/activities/${res.json().id}`, { version: 2, title: 'x y z' });
    expect(stale.statusCode).toBe(409);
    const activityId = res.json().id;
    const pdf = Buffer.from('%PDF-1.4 list of participants').toString('base64');
    const file = await inject(me, 'POST', `/activities/${activityId}/attachments`, {
      filename: 'participants.pdf',
      mimeType: 'application/pdf',
      contentBase64: pdf,
    });
    expect(file.statusCode, file.body).toBe(201);
    const files = (await inject(me, 'GET', `/activities/${activityId}/attachments`)).json().items;
    expect(files.map((f: { filename: string }) => f.filename)).toEqual(['participants.pdf']);
    const back = await inject(me, 'GET', `/activities/${activityId}/attachments/${file.json().id}`);
    expect(back.rawPayload.toString()).toBe('%PDF-1.4 list of participants');
    const renamed = await inject(me, 'POST', `/activities/${activityId}/attachments`, {
      filename: 'x.pdf',
      mimeType: 'application/pdf',
      contentBase64: Buffer.from('MZ not a pdf').toString('base64'),
    });
    expect(renamed.statusCode).toBe(400);
    res = await inject(me, 'GET', `/activities?year=${year}&type=training`);
    expect(res.json().items).toHaveLength(1);
    // Whoever works cases records their own sessions and visits, and lists only those; a viewer
    // of the results records nothing.
    res = await inject(lawyer, 'POST', '/activities', {
      type: 'awareness_session',
      title: 'Village meeting on birth registration',
      date: `${year}-04-14`,
      participants: [{ sex: 'female', age: '18-59', orgType: 'community', count: 11 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const mine = (await inject(lawyer, 'GET', `/activities/mine?year=${year}`)).json().items;
    expect(mine.map((a: { title: string }) => a.title)).toEqual(['Village meeting on birth registration']);
    expect((await inject(me, 'GET', `/activities/mine?year=${year}`)).json().items).toHaveLength(1);
    expect((await inject(lawyer, 'GET', `/activities?year=${year}`)).statusCode).toBe(403);
    const viewer = await t.login((await t.factory.user(orgId, 'viewer')).email);
    res = await inject(viewer, 'POST', '/activities', {
      type: 'training',
      title: 'not mine',
      date: `${year}-04-12`,
    });
    expect(res.statusCode).toBe(403);
    expect((await inject(viewer, 'GET', `/activities/mine?year=${year}`)).statusCode).toBe(403);
    res = await inject(me, 'PUT', '/budget', {
      year,
      areaKind: 'impact',
      areaCode: 'IA1',
      areaName: 'Protect',
      finalBudget: 4_152_856,
      fundsAvailable: 3_894_407,
      expenditure: 3_894_407,
    });
    expect(res.json()).toMatchObject({ availablePct: 93.78, expenditurePct: 100 });
    // A line entered by mistake is deleted, once; the audit keeps what it held.
    const lineId = res.json().id;
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/budget/${lineId}`, headers: lawyer.headers }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/budget/${lineId}`, headers: me.headers }))
        .statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/budget/${lineId}`, headers: me.headers }))
        .statusCode,
    ).toBe(404);
    expect((await inject(me, 'GET', `/budget?year=${year}`)).json().items).toEqual([]);
    const [trail] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'budget.deleted'), eq(auditLog.entityId, lineId)));
    expect(trail?.details).toMatchObject({ areaCode: 'IA1', finalBudget: 4_152_856 });
  });

  it('drafts a story from a won case without names, numbers or phones, and publishes it only with consent', async () => {
    const person = await registerPerson(t, lawyer, {
      givenName: 'Гулзат',
      familyName: 'Жумабаева',
      latinName: 'Gulzat Zhumabaeva',
    });
    await inject(lawyer, 'POST', `/persons/${person.id}/documents`, {
      type: 'soviet_passport',
      number: 'IV-ЖР 654321',
      status: 'expired',
    });
    const c = await openCase(t, lawyer, [person.id], {
      summary:
        'Гулзат Жумабаева (Zhumabaeva) kept only a Soviet passport IV-ЖР 654321; reachable on +996 555 123 456.',
    });
    await consult(c.id, `${year}-03-03`);
    expect((await inject(me, 'POST', '/stories', { caseId: c.id })).statusCode).toBe(409);
    await close(c.id, 'nationality_confirmed');
    let res = await inject(me, 'POST', '/stories', { caseId: c.id });
    expect(res.statusCode, res.body).toBe(201);
    let story = res.json();
    for (const secret of ['Гулзат', 'Жумабаева', 'Zhumabaeva', 'Gulzat', '654321', '555 123'])
      expect(story.body + story.title).not.toContain(secret);
    expect(story.body).toContain('[name]');
    expect(story.body).toContain('[document]');
    expect(story.consentToPublish).toBe(false);
    // A reviewer typing a name back in does not keep it.
    res = await inject(me, 'PATCH', `/stories/${story.id}`, {
      version: story.version,
      body: `${story.body}\n\nThanks to Gulzat's persistence.`,
    });
    story = res.json();
    expect(story.body).not.toContain('Gulzat');
    // Approval is its own step: it needs the grant and the person's consent.
    const approve = (who: Session, version: number) =>
      inject(who, 'POST', `/stories/${story.id}/approve`, { version });
    expect(
      (await inject(me, 'PATCH', `/stories/${story.id}`, { version: story.version, status: 'approved' }))
        .statusCode,
    ).toBe(400);
    expect((await approve(me, story.version)).statusCode).toBe(403);
    expect((await approve(supervisor, story.version)).statusCode).toBe(409);
    await inject(lawyer, 'POST', `/persons/${person.id}/consents`, {
      purpose: 'story_publication',
      scope: 'Anonymous story in the annual report',
      givenAt: `${year}-11-01`,
    });
    res = await inject(me, 'PATCH', `/stories/${story.id}`, {
      version: story.version,
      tags: ['statelessness', 'success'],
    });
    res = await approve(supervisor, res.json().version);
    expect(res.json()).toMatchObject({
      status: 'approved',
      consentToPublish: true,
      tags: ['statelessness', 'success'],
    });
    const pdf = await inject(me, 'GET', '/stories/export');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
