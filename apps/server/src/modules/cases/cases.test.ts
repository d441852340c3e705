import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eligibilityCriteria } from '../../db/schema/index.ts';
import { openCase, personInput, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

describe('cases', () => {
  let t: TestApp;
  let orgId: string;
  let lawyer: Session;
  let lawyerId: string;
  let supervisor: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    orgId = org.id;
    const office = await t.factory.office(orgId, 'Osh');
    const l = await t.factory.user(orgId, 'lawyer', { officeId: office.id });
    lawyerId = l.id;
    lawyer = await t.login(l.email);
    supervisor = await t.login((await t.factory.user(orgId, 'supervisor', { officeId: office.id })).email);
  });
  afterAll(() => t.close());

  const transition = (session: Session, id: string, body: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/transition`,
      headers: session.headers,
      payload: body,
    });

  it('numbers cases per organisation and year without gaps, even when opened at once', async () => {
    const person = await registerPerson(t, lawyer);
    const opened = await Promise.all(Array.from({ length: 5 }, () => openCase(t, lawyer, [person.id])));
    const numbers = opened.map((c) => c.caseNumber).sort();
    const year = new Date().getUTCFullYear();
    expect(numbers).toEqual([1, 2, 3, 4, 5].map((n) => `${year}-0000${n}`));
    expect(opened.every((c) => c.status === 'intake')).toBe(true);
  });

  it('walks a case from intake to closure with supervisor approval, and reopens it', async () => {
    const person = await registerPerson(t, lawyer, { givenName: 'Гульнара' });
    const c = await openCase(t, lawyer, [person.id], {
      priority: 'urgent',
      summary: 'Паспорт СССР, нет гражданства',
    });
    let res = await transition(lawyer, c.id, { version: 1, to: 'open' });
    expect(res.json().status).toBe('open');
    res = await transition(lawyer, c.id, {
      version: 2,
      to: 'pending_authority',
      authority: 'Osh passport office',
    });
    expect(res.json()).toMatchObject({
      status: 'pending_authority',
      pendingAuthority: 'Osh passport office',
    });

    const consultation = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/interventions`,
      headers: lawyer.headers,
      payload: {
        type: 'consultation',
        date: '2026-11-02',
        durationMinutes: 45,
        channel: 'messaging_group',
        language: 'ky',
        summary: 'Explained the procedure',
      },
    });
    expect(consultation.statusCode).toBe(201);

    // A lawyer asks to close; the case stays open until the supervisor approves.
    res = await transition(lawyer, c.id, { version: 3, to: 'closed', outcome: 'nationality_confirmed' });
    expect(res.json()).toMatchObject({
      status: 'pending_authority',
      closeRequested: { outcome: 'nationality_confirmed', by: lawyerId },
    });
    const lawyerApproves = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/approve-close`,
      headers: lawyer.headers,
    });
    expect(lawyerApproves.statusCode).toBe(403);
    const load = await t.app.inject({
      method: 'GET',
      url: '/api/cases/caseload',
      headers: supervisor.headers,
    });
    expect(load.json().awaitingCloseApproval).toBe(1);
    res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/approve-close`,
      headers: supervisor.headers,
    });
    expect(res.json()).toMatchObject({
      status: 'closed',
      outcome: 'nationality_confirmed',
      closeRequested: null,
    });

    // No more consultations on a closed case, and no jumping from closed to pending.
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/interventions`,
      headers: lawyer.headers,
      payload: {
        type: 'consultation',
        date: '2026-11-03',
        durationMinutes: 10,
        channel: 'phone',
        language: 'ru',
      },
    });
    expect(late.statusCode).toBe(409);
    const jump = await transition(lawyer, c.id, {
      version: res.json().version,
      to: 'pending_authority',
      authority: 'x court',
    });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().error.details.reason).toBe('invalid_transition');

    res = await transition(lawyer, c.id, { version: res.json().version, to: 'open' });
    expect(res.json()).toMatchObject({ status: 'open', outcome: null, closedAt: null });

    const activity = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${c.id}/activity`,
      headers: lawyer.headers,
    });
    expect(activity.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'opened',
      'status',
      'status',
      'close_requested',
      'closed',
      'reopened',
    ]);
    expect(activity.json().interventions[0].summary).toBe('Explained the procedure');
  });

  it('requires a reason to open a case that fails an eligibility criterion', async () => {
    await t.db
      .insert(eligibilityCriteria)
      .values({ orgId, code: 'pilot_district', label: { en: 'Lives in a pilot district' } });
    const person = await registerPerson(t, lawyer);
    const eligibility = [{ criterion: 'pilot_district', passed: false }];
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: lawyer.headers,
      payload: { personIds: [person.id], problems: ['border_crossing'], eligibility },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0].path).toBe('eligibilityOverrideReason');
    const overridden = await openCase(t, lawyer, [person.id], {
      eligibility,
      eligibilityOverrideReason: 'Detained at the border crossing',
    });
    expect(overridden.status).toBe('intake');
    const criteria = await t.app.inject({
      method: 'GET',
      url: '/api/cases/eligibility-criteria',
      headers: lawyer.headers,
    });
    expect(criteria.json().items.map((c: { code: string }) => c.code)).toContain('pilot_district');
    await t.db.update(eligibilityCriteria).set({ active: 0 }).where(eq(eligibilityCriteria.orgId, orgId));
  });

  it('warns of open cases for the same person before opening another', async () => {
    const person = await registerPerson(t, lawyer, { givenName: 'Тимур' });
    const first = await openCase(t, lawyer, [person.id]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases/precheck',
      headers: lawyer.headers,
      payload: { personIds: [person.id] },
    });
    expect(res.json().openCases.map((c: { id: string }) => c.id)).toEqual([first.id]);
  });

  it('filters, sorts, pages and searches the case list', async () => {
    const org = await t.factory.org();
    const me = await t.factory.user(org.id, 'lawyer');
    const s = await t.login(me.email);
    const a = await registerPerson(t, s, {
      givenName: 'Ойбек',
      familyName: 'Қодиров',
      districtId: 'KG-O-ARAVAN',
      populationType: 'migrants',
      nationalityStatus: 'migrant',
    });
    const b = await registerPerson(t, s, {
      givenName: 'Мадина',
      familyName: 'Юсупова',
      districtId: 'KG-O-KARASUU',
    });
    const c1 = await openCase(t, s, [a.id], {
      priority: 'emergency',
      problems: ['deportation_extradition_refoulement'],
    });
    const c2 = await openCase(t, s, [b.id], { priority: 'normal' });
    await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c2.id}/tasks`,
      headers: s.headers,
      payload: { title: 'File appeal', dueDate: '2020-01-01' },
    });
    const list = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/cases?${query}`, headers: s.headers })).json();
    expect((await list('sort=priority')).items.map((c: { id: string }) => c.id)).toEqual([c1.id, c2.id]);
    expect((await list('districtId=KG-O-ARAVAN')).items.map((c: { id: string }) => c.id)).toEqual([c1.id]);
    expect((await list('populationType=migrants')).total).toBe(1);
    expect((await list('problem=deportation_extradition_refoulement')).total).toBe(1);
    expect(
      (await list('overdue=true')).items.map((c: { id: string; overdueTasks: number }) => [
        c.id,
        c.overdueTasks,
      ]),
    ).toEqual([[c2.id, 1]]);
    expect(
      (await list(`q=${encodeURIComponent('Qodirov Oybek')}`)).items.map((c: { id: string }) => c.id),
    ).toEqual([c1.id]);
    expect(
      (await list(`q=${c2.caseNumber.replace(/-0+/, '-')}`)).items.map((c: { id: string }) => c.id),
    ).toEqual([c2.id]);
    expect((await list(`personId=${b.id}`)).items.map((c: { id: string }) => c.id)).toEqual([c2.id]);
    expect((await list('assignedTo=me&limit=1')).total).toBe(2);
    expect((await list('assignedTo=me&limit=1')).items).toHaveLength(1);
  });

  it('finds a case by its person new name after the person is renamed', async () => {
    const person = await registerPerson(t, lawyer, {
      givenName: 'Шерзод',
      familyName: 'Тошматов',
      latinName: null,
    });
    const c = await openCase(t, lawyer, [person.id]);
    const search = async (q: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/cases?q=${encodeURIComponent(q)}`,
          headers: lawyer.headers,
        })
      )
        .json()
        .items.map((x: { id: string }) => x.id);
    expect(await search('Toshmatov Sherzod')).toEqual([c.id]);
    expect(await search('Тошма Шер')).toEqual([c.id]);
    const renamed = await t.app.inject({
      method: 'PUT',
      url: `/api/persons/${person.id}`,
      headers: lawyer.headers,
      payload: {
        version: person.version,
        person: personInput({ givenName: 'Шерзод', familyName: 'Эргашев', latinName: null }),
      },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await search('Ergashev')).toEqual([c.id]);
    expect(await search('Toshmatov')).toEqual([]);
  });

  it('exports what the user may see as CSV and XLSX, and audits it', async () => {
    const org = await t.factory.org();
    const admin = await t.factory.user(org.id, 'admin');
    const s = await t.login(admin.email);
    const p = await registerPerson(t, s, { givenName: 'Зарина', familyName: 'Алимова' });
    await openCase(t, s, [p.id]);
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/cases/export?format=csv',
      headers: s.headers,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Алимова Зарина');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/cases/export?format=xlsx',
      headers: s.headers,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('cases')!.rowCount).toBe(2);
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/audit?action=case.exported',
      headers: s.headers,
    });
    expect(
      audit
        .json()
        .items.map((e: { details: { format: string; count: number } }) => [
          e.details.format,
          e.details.count,
        ]),
    ).toEqual([
      ['xlsx', 1],
      ['csv', 1],
    ]);
  });

  it('refuses a concurrent update and a future consultation date', async () => {
    const person = await registerPerson(t, lawyer);
    const c = await openCase(t, lawyer, [person.id]);
    const patch = (priority: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/cases/${c.id}`,
        headers: lawyer.headers,
        payload: { version: 1, priority },
      });
    expect((await patch('urgent')).statusCode).toBe(200);
    expect((await patch('emergency')).statusCode).toBe(409);
    const future = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/interventions`,
      headers: lawyer.headers,
      payload: {
        type: 'consultation',
        date: '2999-01-01',
        durationMinutes: 10,
        channel: 'phone',
        language: 'ru',
      },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.issues[0].path).toBe('date');
  });

  it('gives a lawyer their own caseload', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/cases/caseload?mine=true',
      headers: lawyer.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().byStatus.intake).toBeGreaterThan(0);
    expect(res.json().byAssignee[0].userId).toBe(lawyerId);
  });
});
