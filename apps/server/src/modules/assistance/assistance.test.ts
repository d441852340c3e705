import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assistance, assistanceMonitoring } from '../../db/schema/index.ts';
import { registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { instalmentAmount } from './assistance.service.ts';

const year = new Date().getUTCFullYear();
const today = () => new Date().toISOString().slice(0, 10);

describe('assistance: cash, goods and grants', () => {
  let t: TestApp;
  let field: Session;
  let otherField: Session;
  let supervisor: Session;
  let admin: Session;
  let officer: Session;
  let viewer: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    field = await t.login((await t.factory.user(org.id, 'field_worker')).email);
    otherField = await t.login((await t.factory.user(org.id, 'field_worker')).email);
    supervisor = await t.login((await t.factory.user(org.id, 'supervisor')).email);
    admin = await t.login((await t.factory.user(org.id, 'admin')).email);
    officer = await t.login((await t.factory.user(org.id, 'me_officer')).email);
    viewer = await t.login((await t.factory.user(org.id, 'viewer')).email);
  });
  afterAll(() => t.close());
  const send: TestApp['api'] = (...request) => t.api(...request);
  const cash = (personId: string, extra: object = {}) => ({
    personId,
    kind: 'cash',
    purpose: 'medical',
    amount: 9000,
    currency: 'KGS',
    instalments: 3,
    reason: 'Surgery for the youngest child after the crossing',
    ...extra,
  });

  it('splits instalments in cents, the last taking what rounding leaves', () => {
    expect([1, 2, 3].map((n) => instalmentAmount(100, 3, n))).toEqual([33.33, 33.33, 33.34]);
    expect(instalmentAmount(null, 1, 1)).toBeNull();
  });

  it('asks, approves within the thresholds, hands over instalment by instalment, and follows up', async () => {
    const person = await registerPerson(t, field, { givenName: 'Gulnara', familyName: 'Tashieva' });
    const bad = await send(
      field,
      'POST',
      '/assistance',
      { ...cash(person.id), amount: null, householdId: person.id },
      'ky',
    );
    expect(
      bad
        .json()
        .error.details.issues.map((i: { code: string }) => i.code)
        .sort(),
    ).toEqual(['amount_required', 'one_recipient']);
    expect(
      (await send(field, 'POST', '/assistance', { ...cash(person.id), kind: 'in_kind', amount: null })).json()
        .error.details.issues[0].code,
    ).toBe('items_required');

    const asked = await send(field, 'POST', '/assistance', cash(person.id));
    expect(asked.statusCode, asked.body).toBe(201);
    const a = asked.json();
    expect(a).toMatchObject({
      status: 'requested',
      recipientName: 'Tashieva Gulnara',
      reference: expect.stringMatching(/^A\d{4}-\d{5}$/),
    });
    const [row] = await t.db.select().from(assistance).where(eq(assistance.id, a.id));
    expect(JSON.stringify(row)).not.toContain('Surgery');
    // Another field worker does not see it; the asker cannot approve it.
    expect((await send(otherField, 'GET', `/assistance/${a.id}`)).statusCode).toBe(404);
    expect((await send(otherField, 'GET', '/assistance')).json().items).toHaveLength(0);
    expect(
      (await send(field, 'POST', `/assistance/${a.id}/decision`, { version: a.version, decision: 'approve' }))
        .statusCode,
    ).toBe(403);

    // Above the organisation's threshold a supervisor may not approve; an administrator may.
    const set = await send(admin, 'PUT', '/assistance/thresholds', {
      items: [{ currency: 'KGS', amount: 5000 }],
    });
    expect(set.json().items).toEqual([{ currency: 'KGS', amount: 5000 }]);
    expect((await send(supervisor, 'PUT', '/assistance/thresholds', { items: [] })).statusCode).toBe(403);
    const tooMuch = await send(supervisor, 'POST', `/assistance/${a.id}/decision`, {
      version: a.version,
      decision: 'approve',
    });
    expect(tooMuch.statusCode).toBe(403);
    expect((await send(field, 'GET', `/assistance/${a.id}`)).json().aboveThreshold).toBe(true);
    expect(
      (await send(field, 'POST', `/assistance/${a.id}/distributions`, { version: a.version, on: today() }))
        .statusCode,
    ).toBe(409);
    const approved = await send(admin, 'POST', `/assistance/${a.id}/decision`, {
      version: a.version,
      decision: 'approve',
      note: 'Hospital estimate seen',
    });
    expect(approved.json()).toMatchObject({ status: 'approved', decisionNote: 'Hospital estimate seen' });
    expect(
      (
        await send(admin, 'POST', `/assistance/${a.id}/decision`, {
          version: approved.json().version,
          decision: 'reject',
        })
      ).statusCode,
    ).toBe(409);

    expect(
      (await send(field, 'POST', `/assistance/${a.id}/monitoring`, { on: today(), received: 'fully' }))
        .statusCode,
    ).toBe(409);
    let version = approved.json().version;
    for (const n of [1, 2, 3]) {
      const given = await send(field, 'POST', `/assistance/${a.id}/distributions`, { version, on: today() });
      expect(given.statusCode, given.body).toBe(201);
      expect(given.json().status).toBe(n === 3 ? 'distributed' : 'distributing');
      // The same instalment pressed twice, from the version seen before it, is refused.
      expect(
        (await send(field, 'POST', `/assistance/${a.id}/distributions`, { version, on: today() })).statusCode,
      ).toBe(409);
      version = given.json().version;
    }
    expect(
      (await send(field, 'POST', `/assistance/${a.id}/distributions`, { version, on: today() })).statusCode,
    ).toBe(409);
    const followed = await send(field, 'POST', `/assistance/${a.id}/monitoring`, {
      on: today(),
      received: 'fully',
      usedFor: ['medical', 'rent'],
      note: 'Paid the clinic; the rest went to the landlord',
    });
    expect(followed.json().distributions.map((d: { amount: number }) => d.amount)).toEqual([
      3000, 3000, 3000,
    ]);
    expect(followed.json().monitoring[0]).toMatchObject({ received: 'fully', usedFor: ['medical', 'rent'] });
    const [pdm] = await t.db
      .select()
      .from(assistanceMonitoring)
      .where(eq(assistanceMonitoring.assistanceId, a.id));
    expect(pdm!.noteEnc).not.toContain('landlord');

    // Within the threshold a supervisor approves.
    const small = (
      await send(
        field,
        'POST',
        '/assistance',
        cash(person.id, { amount: 2000, instalments: 1, purpose: 'basic_needs' }),
      )
    ).json();
    const ok = await send(supervisor, 'POST', `/assistance/${small.id}/decision`, {
      version: small.version,
      decision: 'approve',
    });
    expect(ok.json().status).toBe('approved');
  });

  it('counts a household grant as one family and each member reached, and a person once however often helped', async () => {
    const org = await t.factory.org();
    const lead = await t.login((await t.factory.user(org.id, 'supervisor')).email);
    const boss = await t.login((await t.factory.user(org.id, 'admin')).email);
    const me = await t.login((await t.factory.user(org.id, 'me_officer')).email);
    const mother = await registerPerson(t, lead, { givenName: 'Zarina', familyName: 'Noori', sex: 'female' });
    const son = await registerPerson(t, lead, { givenName: 'Ahmad', familyName: 'Noori', sex: 'male' });
    const daughter = await registerPerson(t, lead, { givenName: 'Mina', familyName: 'Noori', sex: 'female' });
    const alone = await registerPerson(t, lead, { givenName: 'Karim', familyName: 'Rahimi', sex: 'male' });
    const made = await send(lead, 'POST', '/households', {
      name: 'Noori family',
      members: [
        { personId: mother.id, relationship: 'head' },
        { personId: son.id, relationship: 'child' },
        { personId: daughter.id, relationship: 'child' },
      ],
    });
    expect(made.statusCode, made.body).toBe(201);
    const household = made.json();
    const give = async (body: object) => {
      const request = await send(lead, 'POST', '/assistance', body);
      expect(request.statusCode, request.body).toBe(201);
      const asked = request.json();
      const ok = (
        await send(boss, 'POST', `/assistance/${asked.id}/decision`, {
          version: asked.version,
          decision: 'approve',
        })
      ).json();
      const given = await send(lead, 'POST', `/assistance/${asked.id}/distributions`, {
        version: ok.version,
        on: today(),
      });
      expect(given.statusCode, given.body).toBe(201);
    };
    await give({
      householdId: household.id,
      kind: 'cash',
      purpose: 'basic_needs',
      amount: 12000,
      currency: 'KGS',
      reason: 'Winter, no income',
    });
    await give({
      personId: son.id,
      kind: 'cash',
      purpose: 'education',
      amount: 100,
      currency: 'USD',
      reason: 'School fees',
    });
    await give({
      personId: alone.id,
      kind: 'toolkit',
      purpose: 'livelihood',
      items: 'Carpenter toolkit',
      reason: 'Starts work as a carpenter',
    });
    await give({
      personId: alone.id,
      kind: 'cash',
      purpose: 'basic_needs',
      amount: 3000,
      currency: 'KGS',
      reason: 'Rent for December',
    });
    // Asked but not handed over: not counted.
    await send(lead, 'POST', '/assistance', {
      personId: alone.id,
      kind: 'cash',
      purpose: 'medical',
      amount: 1,
      currency: 'KGS',
      reason: 'Not yet given',
    });

    const totals = (await send(me, 'GET', `/assistance/totals?year=${year}`)).json();
    expect(totals.familiesReached).toBe(2);
    expect(totals.individualsReached).toBe(4);
    const purpose = (p: string) => totals.byPurpose.find((r: { purpose: string }) => r.purpose === p);
    expect(purpose('basic_needs')).toEqual({
      purpose: 'basic_needs',
      grants: 2,
      amounts: [{ currency: 'KGS', amount: 15000 }],
    });
    expect(purpose('livelihood')).toEqual({ purpose: 'livelihood', grants: 1, amounts: [] });
    const women = totals.bySexAge
      .filter((r: { sex: string }) => r.sex === 'female')
      .reduce((n: number, r: { n: number }) => n + r.n, 0);
    expect(women).toBe(2);
    // The totals are results: the M&E officer and a donor's viewer read them; no one else's organisation is in them.
    expect((await send(viewer, 'GET', `/assistance/totals?year=${year}`)).json().individualsReached).toBe(1);
    expect((await send(viewer, 'GET', '/assistance')).statusCode).toBe(403);
    expect((await send(officer, 'GET', '/assistance')).statusCode).toBe(200);
  });
});
