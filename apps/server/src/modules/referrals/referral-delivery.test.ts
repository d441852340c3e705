import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, registerPerson, sendReferral } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { startSmtp } from '../../test/smtp-server.ts';

describe('referral delivery: email and the printed form', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let lawyer: Session;
  let focal: Session;
  let focalEmail: string;
  let referralId: string;
  let reference: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, publicUrl: 'https://komek.example' });
    const sender = await t.factory.org({ name: 'Юристы без границ' });
    lawyer = await t.login((await t.factory.user(sender.id, 'lawyer')).email);
    const las = await t.factory.org({ name: 'Служба юридической помощи' });
    const f = await t.factory.user(las.id, 'partner_focal_point', { locale: 'ru' });
    focalEmail = f.email;
    focal = await t.login(f.email);
    const lasAdmin = await t.login((await t.factory.user(las.id, 'admin')).email);
    const service = await t.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: lasAdmin.headers,
      payload: { name: 'Бесплатная юридическая помощь', type: 'legal_aid' },
    });
    const person = await registerPerson(t, lawyer, { givenName: 'Гульнара', familyName: 'Абдыкадырова' });
    const c = await openCase(t, lawyer, [person.id]);
    const res = await sendReferral(t, lawyer, c.id, {
      serviceId: service.json().id,
      need: 'Представительство в суде по делу о гражданстве',
      contact: 'Через юриста: +996 555 000 111',
      consentScope: 'Передача в службу юридической помощи',
      givenAt: '2026-11-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    referralId = res.json().id;
    reference = res.json().reference;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('mails the partner a notice in their language, naming the referral but not the person', async () => {
    const mail = smtp.received.find((m) => m.to.includes(focalEmail));
    expect(mail).toBeDefined();
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.subject).toBe(`Новое направление ${reference} от Юристы без границ`);
    expect(parsed.text).toContain(`https://komek.example/referrals/${referralId}`);
    expect(mail!.raw).not.toContain('Абдыкадырова');
    expect(parsed.text).not.toContain('Абдыкадырова');
  });

  it('prints the referral form as a PDF, with Dari set in an Arabic-script font', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/referrals/${referralId}/form.pdf`,
      headers: { ...focal.headers, 'accept-language': 'fa-AF' },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    // Chromium embeds the fonts it shaped the text with; Dari needs an Arabic-script face.
    expect(pdf).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoNaskhArabic/);
    const ru = await t.app.inject({
      method: 'GET',
      url: `/api/referrals/${referralId}/form.pdf`,
      headers: { ...lawyer.headers, 'accept-language': 'ru' },
    });
    expect(ru.statusCode).toBe(200);
    expect(ru.rawPayload.toString('latin1')).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+(NotoSans|DejaVuSans)/);
  }, 60_000);
});
