import { afterAll, beforeAll, expect } from 'vitest';
import { openCase, registerPerson } from './casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from './harness.ts';

/** A day from today, as the service dates a referral expects must not be past. */
export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export const consent = {
  kind: 'consent',
  scope: 'Share with the legal aid service for citizenship',
  givenAt: '2026-11-20',
};

/**
 * A lawyers' NGO that refers, the State legal aid service and a migrant resource centre that
 * receive, each with its focal point and a service in the directory; and helpers to send.
 */
export async function referralWorld(t: TestApp) {
  const sender = await t.factory.org({ name: 'Lawyers NGO' });
  const office = await t.factory.office(sender.id, 'Osh');
  const l = await t.factory.user(sender.id, 'lawyer', { officeId: office.id });
  const lawyerId = l.id;
  const lawyer = await t.login(l.email);
  const senderAdmin = await t.login((await t.factory.user(sender.id, 'admin')).email);

  const las = await t.factory.org({ name: 'Legal Aid Service', type: 'state_legal_aid' });
  const f = await t.factory.user(las.id, 'partner_focal_point');
  const focalId = f.id;
  const focal = await t.login(f.email);
  const lasAdmin = await t.login((await t.factory.user(las.id, 'admin')).email);

  const mrc = await t.factory.org({ name: 'Migrant Resource Center' });
  const mrcFocal = await t.login((await t.factory.user(mrc.id, 'partner_focal_point')).email);
  const mrcAdmin = await t.login((await t.factory.user(mrc.id, 'admin')).email);

  const create = async (s: Session, body: object) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: s.headers,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const lasServiceId = await create(lasAdmin, {
    name: 'Qualified free legal aid',
    type: 'legal_aid',
    languages: ['ky', 'ru'],
    districtIds: [],
    contactEmail: 'desk@las.example',
  });
  const mrcServiceId = await create(mrcAdmin, {
    name: 'Counselling for migrants',
    type: 'documentation',
    languages: ['uz', 'tg'],
    districtIds: ['KG-O-KARASUU'],
  });
  const ownServiceId = await create(senderAdmin, { name: 'Our own legal aid', type: 'legal_aid' });
  const inject = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: s.headers, payload });

  async function referral(overrides: object = {}) {
    const person = await registerPerson(t, lawyer, { givenName: 'Айбек', familyName: 'Ташиев' });
    const c = await openCase(t, lawyer, [person.id], { summary: 'Soviet passport only' });
    const res = await inject(lawyer, 'POST', `/cases/${c.id}/referrals`, {
      serviceId: lasServiceId,
      priority: 'urgent',
      need: 'Representation in the citizenship procedure',
      contact: 'Call the lawyer on +996 555 000 111',
      share: ['name'],
      consent,
      ...overrides,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { person, case: c, referral: res.json() };
  }

  return {
    lawyer,
    lawyerId,
    focal,
    focalId,
    mrcFocal,
    lasServiceId,
    mrcServiceId,
    ownServiceId,
    inject,
    referral,
  };
}

export type ReferralWorld = Awaited<ReturnType<typeof referralWorld>>;

/** A fresh app holding the referral world, made before a suite's tests and closed after them. */
export function referralSuite(): { readonly t: TestApp; readonly w: ReferralWorld } {
  const suite = {} as { t: TestApp; w: ReferralWorld };
  beforeAll(async () => {
    suite.t = await createTestApp();
    suite.w = await referralWorld(suite.t);
  });
  afterAll(() => suite.t.close());
  return suite;
}
