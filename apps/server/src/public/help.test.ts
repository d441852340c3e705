import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, intakeItems, notifications, services } from '../db/schema/index.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)![1]!;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('the public help site', () => {
  let t: TestApp;
  let orgId: string;
  let onDutyId: string;
  const tokens: string[] = [];
  const post = (fields: Record<string, string>, headers: Record<string, string> = {}, lang = 'fa-AF') =>
    t.app.inject({
      method: 'POST',
      url: `/help/request?lang=${lang}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: form(fields),
    });
  const valid = () => ({
    token: tokens.shift()!,
    org: orgId,
    topic: 'asylum_refugee_status',
    question: 'برادرم در سرحد بازداشت شده است. لطفاً کمک کنید.',
    name: 'فرید احمدی',
    phone: '+992 93 555 1234',
    language: 'fa',
    district: 'KG-O-KARASUU',
  });

  beforeAll(async () => {
    t = await createTestApp({ helpRequestsPerHour: 12 });
    const org = await t.factory.org({ name: 'Lawyers of the South' });
    orgId = org.id;
    onDutyId = (await t.factory.user(org.id, 'lawyer', { onDuty: true })).id;
    await t.db.insert(services).values([
      {
        orgId,
        name: 'Hotline',
        type: 'legal_aid',
        contactPhone: '+996 555 000 101',
        hours: 'Mon–Fri 9:00–18:00',
        languages: ['ky', 'ru', 'fa-AF'],
        districtIds: ['KG-O-KARASUU'],
        publicListing: true,
      },
      {
        orgId,
        name: 'Internal desk',
        type: 'legal_aid',
        contactPhone: '+996 555 999 999',
        publicListing: false,
      },
    ]);
    // Tokens are taken before the wait that makes them old enough to be used.
    for (let i = 0; i < 8; i++)
      tokens.push(tokenOf((await t.app.inject({ url: '/help/request?lang=fa-AF' })).body));
    await new Promise((resolve) => setTimeout(resolve, 3_100));
  });
  afterAll(() => t.close());

  it('shows the published contacts in the reader’s language and direction, small, with no script', async () => {
    const res = await t.app.inject({ url: '/help', headers: { 'accept-language': 'fa-AF,fa;q=0.9' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="fa-AF" dir="rtl">');
    expect(res.body).toContain('کمک حقوقی');
    expect(res.body).toContain('+996 555 000 101');
    expect(res.body).not.toContain('+996 555 999 999');
    expect(res.body).not.toMatch(/<script/i);
    expect(Buffer.byteLength(res.body)).toBeLessThan(50_000);
    const ky = await t.app.inject({ url: '/help/request?lang=ky' });
    expect(ky.body).toContain('<html lang="ky" dir="ltr">');
    expect(ky.body).toContain('Сиздин суроо');
    expect(Buffer.byteLength(ky.body)).toBeLessThan(50_000);
  });

  it('takes a request in Dari into the chosen organisation’s queue, as an emergency told to whoever is on duty', async () => {
    const res = await post({ ...valid(), detention: 'yes' });
    expect(res.statusCode).toBe(201);
    const reference = /data-reference="([^"]+)"/.exec(res.body)![1];
    expect(reference).toMatch(/^Q\d{4}-\d{5}$/);
    expect(res.body).toContain('حقوقدان نوبتی');
    const [row] = await t.db.select().from(intakeItems).where(eq(intakeItems.reference, reference!));
    expect(row).toMatchObject({
      orgId,
      channel: 'web',
      priority: 'emergency',
      language: 'fa',
      districtId: 'KG-O-KARASUU',
      assignedTo: null,
    });
    expect(JSON.stringify(row)).not.toContain('فرید');
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, onDutyId));
    expect(told.map((n) => n.kind)).toContain('intake_emergency');
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audited.map((a) => a.action)).toEqual(['intake.created']);
  });

  it('refuses a robot: a filled hidden field, a form sent at once, a token used twice or made up, another site', async () => {
    const before = (await t.db.select().from(intakeItems)).length;
    expect((await post({ ...valid(), website: 'http://spam.example' })).statusCode).toBe(400);
    const fresh = tokenOf((await t.app.inject({ url: '/help/request?lang=en' })).body);
    const tooFast = await post({ ...valid(), token: fresh }, {}, 'en');
    expect(tooFast.statusCode).toBe(400);
    expect(tooFast.body).toContain('sent too quickly');
    const once = valid();
    expect((await post(once)).statusCode).toBe(201);
    expect((await post({ ...valid(), token: once.token })).statusCode).toBe(400);
    expect((await post({ ...valid(), token: '1.2.3' })).statusCode).toBe(400);
    const elsewhere = await post(valid(), { origin: 'https://evil.example' });
    expect(elsewhere.statusCode).toBe(403);
    expect((await t.db.select().from(intakeItems)).length).toBe(before + 1);
  });

  it('says what is wrong beside each field in the reader’s language and keeps what they wrote, nothing else', async () => {
    const res = await post(
      { ...valid(), question: '', phone: 'call me', topic: 'nonsense', name: 'x'.repeat(201) },
      {},
      'ky',
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="question-error"');
    expect(res.body).toContain('Номерди сандар менен жазыңыз');
    expect(res.body).toContain('200 белгиден ашпасын');
    expect(res.body).toContain('value="call me"');
    // Another person's request is never shown back.
    expect(res.body).not.toContain('برادرم');
  });

  it('takes at most the configured number of requests an hour from one address', async () => {
    let last = 0;
    for (let i = 0; i < 14 && last !== 429; i++) last = (await post({ website: 'x' })).statusCode;
    expect(last).toBe(429);
    const page = await post({ website: 'x' }, {}, 'ru');
    expect(page.body).toContain('Слишком много обращений');
  });
});
