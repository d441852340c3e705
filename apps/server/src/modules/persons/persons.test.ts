import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.ts';
import { personInput, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

describe('people', () => {
  let t: TestApp;
  let lawyer: Session;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const s = await t.signedIn('lawyer');
    lawyer = s.session;
    orgId = s.org.id;
  });
  afterAll(() => t.close());

  const duplicatesOf = (session: Session, payload: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/persons/duplicates', headers: session.headers, payload });

  it('registers a person, seals contact details and document numbers, and audits the read', async () => {
    const person = await registerPerson(t, lawyer);
    const doc = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${person.id}/documents`,
      headers: lawyer.headers,
      payload: {
        type: 'soviet_passport',
        number: 'II-ЖА 654321',
        issuer: 'Osh ROVD',
        status: 'expired',
        validUntil: '2002-01-01',
      },
    });
    expect(doc.statusCode).toBe(201);
    const [raw] = await queryRows<Record<string, string>>(
      t.db,
      sql`select p.phone_enc, p.address_enc, d.number_enc from persons p join person_documents d on d.person_id = p.id where p.id = ${person.id}`,
    );
    expect(raw!.phone_enc).toMatch(/^enc1:/);
    expect(raw!.address_enc).not.toContain('Ленина');
    expect(raw!.number_enc).not.toContain('654321');

    const res = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${person.id}`,
      headers: lawyer.headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      phone: '+996 555 123 456',
      address: 'ул. Ленина 5',
      birthDate: '1984',
      birthPrecision: 'year',
    });
    expect(body.documents[0]).toMatchObject({ number: 'II-ЖА 654321', status: 'expired' });
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/audit?action=person.read&entityId=${person.id}`,
      headers: (await t.signedIn('admin')).session.headers,
    });
    expect(audit.statusCode).toBe(200);
  });

  it('finds a person by name in either script and any order', async () => {
    await registerPerson(t, lawyer, {
      givenName: 'Дилноза',
      familyName: 'Ҳасанова',
      latinName: null,
      sex: 'female',
    });
    for (const q of ['Khasanova', 'dilnoza hasanova', 'Хасанова Дилноза', 'XASANOVA']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/persons?q=${encodeURIComponent(q)}`,
        headers: lawyer.headers,
      });
      expect(
        res.json().items.map((p: { givenName: string }) => p.givenName),
        q,
      ).toContain('Дилноза');
    }
  });

  it('finds a person by the beginning of any name part, in either script', async () => {
    await registerPerson(t, lawyer, {
      givenName: 'Омурбек',
      familyName: 'Жумабаев',
      latinName: null,
      sex: 'male',
    });
    const found = async (q: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/persons?q=${encodeURIComponent(q)}`,
          headers: lawyer.headers,
        })
      )
        .json()
        .items.map((p: { familyName: string }) => p.familyName);
    for (const q of ['Жумаба', 'Omurbek', 'jumab omur', 'Zhumabae', 'ОМУР'])
      expect(await found(q), q).toContain('Жумабаев');
    // Two letters are too few to be a beginning; a part of the name that is not its start is no match.
    for (const q of ['Жу', 'umabaev', 'Жумабаев Алмаз']) expect(await found(q), q).not.toContain('Жумабаев');
  });

  it('shows likely duplicates with a probability and what each field showed while registering', async () => {
    await registerPerson(t, lawyer, {
      givenName: 'Азамат',
      familyName: 'Асанов',
      latinName: null,
      birthDate: '1990-05-02',
    });
    const res = await duplicatesOf(lawyer, { givenName: 'Azamat', familyName: 'Asanow', birthDate: '1990' });
    const [top] = res.json().items;
    expect(top.person.familyName).toBe('Асанов');
    expect(top.score).toBeGreaterThan(0.6);
    expect(top.findings).toEqual(
      expect.arrayContaining([
        { field: 'given', outcome: 'exact', bits: expect.any(Number) },
        { field: 'family', outcome: 'exact', bits: expect.any(Number) },
        { field: 'birth', outcome: 'same_year', bits: expect.any(Number) },
      ]),
    );
    for (const f of top.findings.filter((x: { field: string }) => x.field !== 'sex'))
      expect(f.bits).toBeGreaterThan(0);
  });

  it('finds the same person registered in Dari script, by the same model as komek link', async () => {
    await registerPerson(t, lawyer, {
      givenName: 'محمد کریم',
      familyName: 'احمدزی',
      latinName: null,
      birthDate: '1991-08-01',
    });
    const res = await duplicatesOf(lawyer, {
      givenName: 'Муҳаммадкарим',
      familyName: 'Аҳмадзай',
      birthDate: '1991',
    });
    const [top] = res.json().items;
    expect(top.person.familyName).toBe('احمدزی');
    expect(top.score).toBeGreaterThan(0.5);
    // Hussain is not Hasan: a twin with the other name is no duplicate.
    await registerPerson(t, lawyer, {
      givenName: 'حسین',
      familyName: 'نوری',
      latinName: null,
      birthDate: '1990',
    });
    const twin = await duplicatesOf(lawyer, { givenName: 'Hasan', familyName: 'Noori', birthDate: '1990' });
    const found = twin
      .json()
      .items.find((c: { person: { givenName: string } }) => c.person.givenName === 'حسین');
    expect(found?.findings).toContainEqual({ field: 'given', outcome: 'disagree', bits: expect.any(Number) });
    expect(found?.score ?? 0).toBeLessThan(0.5);
  });

  it('still finds the likely duplicate among hundreds sharing a common given name', async () => {
    const { session: s } = await t.signedIn('lawyer');
    for (let i = 0; i < 220; i++)
      await registerPerson(t, s, { givenName: 'Бакыт', familyName: `Фамилия${i}`, latinName: null });
    await registerPerson(t, s, {
      givenName: 'Бакыт',
      familyName: 'Токтосунов',
      latinName: null,
      birthDate: '1979-02-02',
    });
    const res = await duplicatesOf(s, { givenName: 'Bakyt', familyName: 'Toktosunov', birthDate: '1979' });
    expect(res.json().items[0].person.familyName).toBe('Токтосунов');
  });

  it('finds the namesake born that year among more namesakes than one page holds', async () => {
    const { session: s } = await t.signedIn('lawyer');
    for (let i = 0; i < 205; i++)
      await registerPerson(t, s, {
        givenName: 'Бакыт',
        familyName: 'Асанов',
        latinName: null,
        birthDate: String(1940 + (i % 30)),
      });
    const born1984 = await registerPerson(t, s, {
      givenName: 'Бакыт',
      familyName: 'Асанов',
      latinName: null,
      birthDate: '1984-07-01',
    });
    const res = await duplicatesOf(s, { givenName: 'Bakyt', familyName: 'Asanov', birthDate: '1984-07-01' });
    expect(res.json().items[0].person.id).toBe(born1984.id);
    expect(res.json().items[0].findings).toContainEqual({
      field: 'birth',
      outcome: 'same_date',
      bits: expect.any(Number),
    });
  });

  it('rejects impossible dates and inconsistent answers with field paths', async () => {
    const cases = [
      [{ birthDate: '1990-02-30' }, 'person.birthDate'],
      [{ birthDate: '2999' }, 'person.birthDate'],
      [{ birthDate: '1990', estimatedAge: 30 }, 'person.estimatedAge'],
      [{ nationalityStatus: 'citizen' as const }, 'person.nationalityCountry'],
    ] as const;
    for (const [overrides, path] of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: lawyer.headers,
        payload: personInput(overrides),
      });
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().error.details.issues.map((i: { path: string }) => `person.${i.path}`)).toContain(
        path,
      );
    }
  });

  it('detects a concurrent edit of a person with 409', async () => {
    const person = await registerPerson(t, lawyer);
    const put = (familyName: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/persons/${person.id}`,
        headers: lawyer.headers,
        payload: { version: 1, person: personInput({ familyName }) },
      });
    expect((await put('Жумабаева')).statusCode).toBe(200);
    const late = await put('Zhumabaev');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('version_conflict');
  });

  it('records consent and its withdrawal, and households with relationships', async () => {
    const mother = await registerPerson(t, lawyer, { givenName: 'Айгуль', sex: 'female' });
    const child = await registerPerson(t, lawyer, { givenName: 'Нурлан', birthDate: '2019-04' });
    const consent = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${mother.id}/consents`,
      headers: lawyer.headers,
      payload: { purpose: 'referral', scope: 'Legal Aid Service, Osh', givenAt: '2026-11-01' },
    });
    expect(consent.statusCode).toBe(201);
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${mother.id}/consents/${consent.json().id}/withdraw`,
      headers: lawyer.headers,
    });
    expect(withdrawn.json().withdrawnAt).not.toBeNull();
    const household = await t.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: lawyer.headers,
      payload: {
        name: 'Жумабаевы',
        members: [
          { personId: mother.id, relationship: 'head' },
          { personId: child.id, relationship: 'child' },
        ],
      },
    });
    expect(household.statusCode).toBe(201);
    expect(household.json().members).toHaveLength(2);
    const childRecord = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${child.id}`,
      headers: lawyer.headers,
    });
    expect(childRecord.json()).toMatchObject({
      householdId: household.json().id,
      birthDate: '2019-04',
      birthPrecision: 'month',
    });
  });

  it('marks a disability from Washington Group answers', async () => {
    const person = await registerPerson(t, lawyer, {
      washingtonGroup: { walking: 'a_lot_of_difficulty', seeing: 'some_difficulty' },
    });
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${person.id}`,
      headers: lawyer.headers,
    });
    expect(res.json()).toMatchObject({ hasDisability: true });
    expect(res.json().specificNeeds).toContain('disability');
  });

  it('shows a field worker only the people they registered', async () => {
    const worker = await t.factory.user(orgId, 'field_worker');
    const session = await t.login(worker.email);
    const mine = await registerPerson(t, session, { givenName: 'Эрлан' });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/persons?limit=200',
      headers: session.headers,
    });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([mine.id]);
  });

  it('exports the people a user may see, without contact details, and audits it', async () => {
    const worker = await t.factory.user(orgId, 'field_worker');
    const session = await t.login(worker.email);
    await registerPerson(t, session, { givenName: 'Экспорт', familyName: 'Тестов' });
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/persons/export',
      headers: session.headers,
    });
    expect(denied.statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/persons/export?format=csv&q=${encodeURIComponent('Тестов')}`,
      headers: lawyer.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('+996');
    const admin = await t.signedIn('admin');
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/audit?action=person.exported',
      headers: admin.session.headers,
    });
    expect(audit.statusCode).toBe(200);
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/persons/export?format=csv',
      headers: lawyer.headers,
    });
    const lines = all.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'family_name,given_name,patronymic,latin_name,sex,birth_date,age,district,nationality_status,population_type',
    );
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/persons?limit=200',
      headers: lawyer.headers,
    });
    expect(lines.length - 1).toBe(list.json().total);
  });

  it('keeps people away from donors viewers and partner focal points', async () => {
    for (const role of ['viewer', 'partner_focal_point'] as const) {
      const user = await t.factory.user(orgId, role);
      const session = await t.login(user.email);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/persons', headers: session.headers })).statusCode,
      ).toBe(403);
    }
  });
});
