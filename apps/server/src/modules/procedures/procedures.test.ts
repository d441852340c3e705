import { zProcedureTemplateInput } from '@komek/domain';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema/index.ts';
import { PROCEDURE_TEMPLATES } from '../../seed/procedures.seed.ts';
import { openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { letterDate } from './document-words.ts';
import { sendDueReminders } from './procedure-jobs.ts';

describe('procedures and deadlines', () => {
  let t: TestApp;
  let lawyer: Session;
  let lawyerId: string;
  let admin: Session;
  let operator: Session;
  let templateId: (code: string) => string;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org({ countryCode: 'KZ' });
    const l = await t.factory.user(org.id, 'lawyer', { locale: 'en' });
    lawyerId = l.id;
    lawyer = await t.login(l.email);
    admin = await t.login((await t.factory.user(org.id, 'admin')).email);
    const ops = await t.factory.org({ name: 'Operator' });
    operator = await t.login((await t.factory.user(ops.id, 'admin', { platformAdmin: true })).email);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/procedure-templates',
      headers: lawyer.headers,
    });
    const items = list.json().items as Array<{ id: string; code: string }>;
    templateId = (code) => items.find((i) => i.code === code)!.id;
  });
  afterAll(() => t.close());

  const inject = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: s.headers, payload });

  async function newCase() {
    const person = await registerPerson(t, lawyer, {
      givenName: 'Нурлан',
      familyName: 'Абенов',
      birthDate: '1979-05-02',
    });
    return openCase(t, lawyer, [person.id]);
  }

  it('seeds the procedures of the sources, marking every limit they do not give as to confirm', () => {
    for (const template of PROCEDURE_TEMPLATES)
      expect(zProcedureTemplateInput.safeParse(template).success).toBe(true);
    const sdp = PROCEDURE_TEMPLATES.find((p) => p.code === 'kz_statelessness_determination')!;
    const decision = sdp.steps.find((s) => s.key === 'decision')!;
    expect(decision.limit).toMatchObject({ amount: 30, unit: 'calendar_days' });
    expect(decision.toConfirm).toBe(false);
    const unsourced = PROCEDURE_TEMPLATES.flatMap((p) => p.steps).filter(
      (s) => s.limit === null && s.toConfirm,
    );
    expect(unsourced.length).toBeGreaterThan(10);
  });

  it('starts clocks from their triggers, over holidays, and closes when the last step is done', async () => {
    const c = await newCase();
    let res = await inject(lawyer, 'POST', `/cases/${c.id}/procedures`, {
      templateId: templateId('kz_statelessness_determination'),
      openedOn: '2026-11-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    let p = res.json();
    expect(p.steps.map((s: { status: string }) => s.status)).toEqual([
      'running',
      'waiting',
      'waiting',
      'waiting',
      'waiting',
      'waiting',
    ]);
    const step = (key: string) => p.steps.find((s: { key: string }) => s.key === key);
    // A step cannot be done before it started.
    res = await inject(lawyer, 'PATCH', `/procedures/${p.id}/steps/${step('application').id}`, {
      version: step('application').version,
      action: 'done',
      doneOn: '2026-11-17',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe('doneOn');
    res = await inject(lawyer, 'PATCH', `/procedures/${p.id}/steps/${step('application').id}`, {
      version: step('application').version,
      action: 'done',
      doneOn: '2026-11-20',
    });
    p = res.json();
    // Filed Friday 20 November: 30 days end Sunday 20 December → Monday 21 December.
    expect(step('decision')).toMatchObject({
      status: 'running',
      startedOn: '2026-11-20',
      dueDate: '2026-12-21',
      toConfirm: false,
    });
    expect(step('receipt_certificate')).toMatchObject({ status: 'running', dueDate: null, toConfirm: true });
    // Completing twice, or with a stale version, is refused.
    res = await inject(lawyer, 'PATCH', `/procedures/${p.id}/steps/${step('application').id}`, {
      version: 1,
      action: 'done',
    });
    expect(res.statusCode).toBe(409);

    for (const key of ['receipt_certificate', 'hearing', 'decision', 'written_notice']) {
      res = await inject(lawyer, 'PATCH', `/procedures/${p.id}/steps/${step(key).id}`, {
        version: step(key).version,
        action: 'done',
      });
      expect(res.statusCode, res.body).toBe(200);
      p = res.json();
    }
    expect(p.status).toBe('open');
    res = await inject(lawyer, 'PATCH', `/procedures/${p.id}/steps/${step('appeal').id}`, {
      version: step('appeal').version,
      action: 'skip',
      note: 'Status granted; no appeal needed',
    });
    expect(res.json().status).toBe('closed');
    const activity = (await inject(lawyer, 'GET', `/cases/${c.id}/activity`)).json();
    expect(activity.events.map((e: { kind: string }) => e.kind)).toContain('procedure_opened');
  });

  it('lists overdue and coming deadlines in each country’s own day', async () => {
    const c = await newCase();
    const opened = await inject(lawyer, 'POST', `/cases/${c.id}/procedures`, {
      templateId: templateId('kz_refugee_permit_renewal'),
      openedOn: '2025-11-10',
    });
    const expiry = opened.json().steps[0];
    expect(expiry.dueDate).toBe('2026-11-10');
    expect(expiry.overdue).toBe(true);
    const overdue = (await inject(lawyer, 'GET', '/deadlines?range=overdue')).json().items;
    expect(overdue.map((d: { stepId: string }) => d.stepId)).toContain(expiry.id);
    const week = (await inject(lawyer, 'GET', '/deadlines?range=week')).json().items;
    expect(week.map((d: { stepId: string }) => d.stepId)).toContain(expiry.id);
    const ranged = (await inject(lawyer, 'GET', '/deadlines?from=2026-11-01&to=2026-11-30')).json().items;
    expect(ranged.map((d: { stepId: string }) => d.stepId)).toContain(expiry.id);
    const elsewhere = (await inject(lawyer, 'GET', '/deadlines?from=2027-01-01&to=2027-01-31')).json().items;
    expect(elsewhere.map((d: { stepId: string }) => d.stepId)).not.toContain(expiry.id);
  });

  it('sends each reminder once, and the overdue notice once', async () => {
    const c = await newCase();
    const res = await inject(lawyer, 'POST', `/cases/${c.id}/procedures`, {
      templateId: templateId('kz_statelessness_determination'),
      openedOn: '2026-11-02',
    });
    const p = res.json();
    const app = p.steps[0];
    const after = await inject(lawyer, 'PATCH', `/procedures/${p.id}/steps/${app.id}`, {
      version: app.version,
      action: 'done',
      doneOn: '2026-11-02',
    });
    const decision = after.json().steps.find((s: { key: string }) => s.key === 'decision');
    // Filed Monday 2 November: due Wednesday 2 December.
    expect(decision.dueDate).toBe('2026-12-02');
    const mine = async () =>
      (
        await t.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, lawyerId)))
      ).filter((n) => n.params.case === c.caseNumber);
    const at = (iso: string) => new Date(`${iso}T06:00:00Z`);
    await sendDueReminders(t.platform, at('2026-11-20'));
    expect(await mine()).toHaveLength(0);
    await sendDueReminders(t.platform, at('2026-11-25'));
    await sendDueReminders(t.platform, at('2026-11-25'));
    expect((await mine()).map((n) => n.kind)).toEqual(['deadline_reminder']);
    await sendDueReminders(t.platform, at('2026-11-29'));
    await sendDueReminders(t.platform, at('2026-12-01'));
    await sendDueReminders(t.platform, at('2026-12-03'));
    await sendDueReminders(t.platform, at('2026-12-04'));
    const kinds = (await mine()).map((n) => `${n.kind}:${n.params.days}`);
    expect(kinds.sort()).toEqual(
      ['deadline_overdue:-1', 'deadline_reminder:1', 'deadline_reminder:3', 'deadline_reminder:7'].sort(),
    );
    const overdue = (await mine()).find((n) => n.kind === 'deadline_overdue')!;
    expect(overdue.params.step).toBe('Decision on the application');
  });

  it('lets an admin edit only its own templates; shared ones and holidays belong to the operator', async () => {
    const shared = templateId('kg_citizenship_stateless');
    let res = await inject(admin, 'PATCH', `/procedure-templates/${shared}`, { version: 1, active: false });
    expect(res.statusCode).toBe(404);
    const own = await inject(admin, 'POST', '/procedure-templates', {
      countryCode: 'KG',
      code: 'kg_own_followup',
      name: { en: 'Follow-up with the passport office' },
      steps: [
        {
          key: 'visit',
          name: { en: 'Visit' },
          trigger: { kind: 'procedure_opened' },
          limit: { amount: 5, unit: 'working_days' },
        },
        { key: 'answer', name: { en: 'Answer' }, trigger: { kind: 'step_done', step: 'nope' }, limit: null },
      ],
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.details.issues[0].path).toBe('steps.1.trigger.step');
    res = await inject(admin, 'POST', '/procedure-templates', {
      countryCode: 'KG',
      code: 'kg_own_followup',
      name: { en: 'Follow-up with the passport office' },
      steps: [
        {
          key: 'visit',
          name: { en: 'Visit' },
          trigger: { kind: 'procedure_opened' },
          limit: { amount: 5, unit: 'working_days' },
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const mineId = res.json().id;
    res = await inject(admin, 'PATCH', `/procedure-templates/${mineId}`, {
      version: 1,
      name: { en: 'Passport office follow-up' },
    });
    expect(res.json()).toMatchObject({ version: 2, name: { en: 'Passport office follow-up' } });
    expect(
      (await inject(admin, 'PATCH', `/procedure-templates/${mineId}`, { version: 1, active: false }))
        .statusCode,
    ).toBe(409);
    res = await inject(operator, 'PATCH', `/procedure-templates/${shared}`, {
      version: 1,
      legalBasis: 'Law on citizenship (to cite)',
    });
    expect(res.statusCode).toBe(200);

    expect(
      (
        await inject(admin, 'POST', '/holidays', {
          countryCode: 'KG',
          date: '2026-03-20',
          name: 'Orozo Ait',
          kind: 'holiday',
        })
      ).statusCode,
    ).toBe(403);
    res = await inject(operator, 'POST', '/holidays', {
      countryCode: 'KG',
      date: '2026-03-20',
      name: 'Orozo Ait',
      kind: 'holiday',
    });
    expect(res.statusCode).toBe(201);
    const list = (await inject(lawyer, 'GET', '/holidays?countryCode=KG&year=2026')).json().items;
    expect(list.map((h: { date: string }) => h.date)).toContain('2026-03-20');
    expect((await inject(operator, 'DELETE', `/holidays/${res.json().id}`)).statusCode).toBe(204);
  });

  it('fills documents from the person and the case, as DOCX and PDF', async () => {
    const person = await registerPerson(t, lawyer, {
      givenName: 'Нурлан',
      familyName: 'Абенов',
      birthDate: '1979-05-02',
      placeOfBirth: 'Жетісай',
      address: 'Түркістан, Абай к-сі 12',
    });
    const c = await openCase(t, lawyer, [person.id], {
      summary: 'Кеңес паспорты ғана бар, 1995 жылдан бері Қазақстанда тұрады',
    });
    let res = await inject(
      lawyer,
      'GET',
      `/cases/${c.id}/documents/statelessness_application?locale=kk&format=docx`,
    );
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Азаматтығы жоқ адам деп тану туралы өтініш');
    expect(xml).toContain('Абенов Нурлан');
    // Dates as the letter's language writes them; the place, the address and the circumstances
    // from the person and the case, not left blank.
    expect(xml).toContain('02.05.1979 ж. туған');
    expect(xml).not.toContain('1979-05-02');
    expect(xml).toContain('туған жері: Жетісай');
    expect(xml).toContain('мекенжайы: Түркістан, Абай к-сі 12');
    expect(xml).toContain('Мән-жайлар: Кеңес паспорты ғана бар, 1995 жылдан бері Қазақстанда тұрады.');
    // The letter's own date as Kazakh writes it (letterDate has its own test in every language).
    expect(xml).toContain(`Күні: ${letterDate(new Date().toISOString().slice(0, 10), 'kk')}`);
    res = await inject(lawyer, 'GET', `/cases/${c.id}/documents/appeal?locale=ru&format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    res = await inject(lawyer, 'GET', `/cases/${c.id}/documents/appeal?locale=fr`);
    expect(res.statusCode).toBe(400);
  }, 60_000);

  it('publishes a private calendar feed of the user’s deadlines', async () => {
    const c = await newCase();
    await inject(lawyer, 'POST', `/cases/${c.id}/procedures`, {
      templateId: templateId('kz_refugee_permit_renewal'),
      openedOn: '2026-06-15',
    });
    // A task given to the lawyer is in the feed too, by its case number: its title may name someone.
    const task = await inject(lawyer, 'POST', `/cases/${c.id}/tasks`, {
      title: 'Call Абенов about the permit',
      dueDate: '2026-12-28',
    });
    expect(task.statusCode, task.body).toBe(201);
    const token = await inject(lawyer, 'POST', '/calendar/token');
    const url = new URL(token.json().url);
    const feed = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect(feed.body).toContain('DTSTART;VALUE=DATE:20270615');
    expect(feed.body).toContain(`Current permit expires — ${c.caseNumber}`);
    expect(feed.body).not.toContain('Абенов');
    expect(feed.body).toContain('DTSTART;VALUE=DATE:20261228');
    expect(feed.body).toMatch(new RegExp(`SUMMARY:(Task|Задача|Тапшырма) — ${c.caseNumber}`));
    expect(feed.body).not.toContain('Call');
    // In the app the calendar shows the task with its title, to the one it was given to.
    const mine = await inject(lawyer, 'GET', '/cases/tasks/mine?from=2026-12-01&to=2026-12-31');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toMatchObject([
      { title: 'Call Абенов about the permit', dueDate: '2026-12-28', caseNumber: c.caseNumber },
    ]);
    expect(
      (await inject(lawyer, 'GET', '/cases/tasks/mine?from=2027-01-01&to=2027-01-31')).json().items,
    ).toEqual([]);
    expect((await inject(lawyer, 'GET', '/cases/tasks/mine?from=soon&to=2027-01-31')).statusCode).toBe(400);
    // A new address replaces the old one.
    await inject(lawyer, 'POST', '/calendar/token');
    expect((await t.app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
  });
});
