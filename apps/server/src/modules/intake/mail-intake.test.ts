import { eq, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeMailboxes, notifications } from '../../db/schema/index.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { startImap } from '../../test/imap-server.ts';
import { startSmtp } from '../../test/smtp-server.ts';
import { pollAllMailboxes } from './mailboxes.service.ts';

const mail = (from: string, subject: string, body: string, extra = '') =>
  [
    `From: ${from}`,
    'To: requests@legal-aid.test',
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@mail.example>`,
    'Date: Fri, 04 Dec 2026 09:12:00 +0600',
    'MIME-Version: 1.0',
    extra,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '',
  ]
    .filter((l, i) => l !== '' || i > 6)
    .join('\r\n');

/** A message with a photo of a document attached, as a phone's mail app sends it. */
const withPhoto = (from: string, subject: string, body: string) =>
  [
    `From: ${from}`,
    'To: requests@legal-aid.test',
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    'Message-ID: <photo-1@mail.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '--b1',
    'Content-Type: image/jpeg; name="passport.jpg"',
    'Content-Disposition: attachment; filename="passport.jpg"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('not really a photo').toString('base64'),
    '--b1--',
    '',
  ].join('\r\n');

describe('requests by email, read from a real IMAP mailbox', () => {
  let t: TestApp;
  let imap: Awaited<ReturnType<typeof startImap>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: Session;
  let lawyer: Session;
  let supervisorId: string;
  let mailboxId: string;
  const inject = (
    s: Session,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
    locale = 'en',
  ) =>
    t.app.inject({
      method,
      url: `/api${url}`,
      headers: { ...s.headers, 'accept-language': locale },
      payload,
    });

  beforeAll(async () => {
    [imap, smtp] = await Promise.all([startImap(), startSmtp()]);
    t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailboxPrivateHosts: true });
    const org = await t.factory.org();
    admin = await t.login((await t.factory.user(org.id, 'admin')).email);
    lawyer = await t.login((await t.factory.user(org.id, 'lawyer')).email);
    supervisorId = (await t.factory.user(org.id, 'supervisor')).id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([imap?.close(), smtp?.close()]);
  });

  it('refuses a mailbox on this machine or the private network unless the installation allows it, in the reader’s language', async () => {
    t.platform.config.mailboxPrivateHosts = false;
    try {
      const res = await inject(
        admin,
        'POST',
        '/intake/mailboxes',
        { label: 'Hotline mail', host: '127.0.0.1', username: 'x', password: 'y' },
        'ru',
      );
      expect(res.statusCode).toBe(400);
      const [issue] = res.json().error.details.issues;
      expect(issue).toMatchObject({ path: 'host', code: 'mailbox_host_private' });
      expect(issue.message).toMatch(/почтовый сервер/);
    } finally {
      t.platform.config.mailboxPrivateHosts = true;
    }
    // A lawyer does not keep the organisation's mailboxes.
    const notAdmin = await inject(lawyer, 'GET', '/intake/mailboxes');
    expect(notAdmin.statusCode).toBe(403);
  });

  it('makes each new message a request once, tells the sender its reference, passes over robots and what staff already read', async () => {
    // Read by staff before the mailbox was connected: theirs, not taken.
    await imap.append(mail('Old Sender <old@example.org>', 'Old question', 'Answered by phone already.'), [
      '\\Seen',
    ]);
    await imap.append(
      mail(
        'Гулнара Осмонова <gulnara@example.kg>',
        'Мужа задержали на посту Достук',
        'Здравствуйте! Моего мужа задержали сегодня утром на КПП Достук, у него только советский паспорт. Что делать?',
      ),
    );
    await imap.append(
      withPhoto(
        'Bakyt Toktogulov <bakyt@example.kg>',
        'Паспорт алуу',
        'Саламатсызбы! Баламдын туулгандыгы тууралуу күбөлүгү жок, паспорт алууга жардам бериңизчи. Сүрөтүн тиркедим.',
      ),
    );
    await imap.append(
      mail(
        'Out of office <bot@example.org>',
        'Automatic reply',
        'I am away until Monday.',
        'Auto-Submitted: auto-replied',
      ),
    );

    const added = await inject(admin, 'POST', '/intake/mailboxes', {
      label: 'Hotline mail',
      host: '127.0.0.1',
      port: imap.port,
      tls: false,
      username: imap.user,
      password: imap.password,
    });
    expect(added.statusCode, added.body).toBe(201);
    mailboxId = added.json().id;
    expect(added.json()).not.toHaveProperty('password');
    const [stored] = await t.db.select().from(intakeMailboxes).where(eq(intakeMailboxes.id, mailboxId));
    expect(stored!.passwordEnc).not.toContain(imap.password);

    const first = await inject(admin, 'POST', `/intake/mailboxes/${mailboxId}/poll`);
    expect(first.json()).toEqual({ imported: 2, skipped: 1, problem: null });
    expect((await imap.inbox()).every((m) => m.seen)).toBe(true);

    const queue = (await inject(lawyer, 'GET', '/intake?channel=email')).json().items;
    expect(queue).toHaveLength(2);
    const held = queue.find((i: { contactName: string }) => i.contactName === 'Гулнара Осмонова');
    expect(held).toMatchObject({
      channel: 'email',
      priority: 'emergency',
      language: 'ru',
      contactHow: 'Email: gulnara@example.kg',
      assignedTo: null,
    });
    expect(held.summary).toMatch(/^Мужа задержали на посту Достук\n\nЗдравствуйте!/);
    const photo = queue.find((i: { contactName: string }) => i.contactName === 'Bakyt Toktogulov');
    expect(photo).toMatchObject({ priority: 'normal', language: 'ky', problems: ['other'] });
    expect(photo.summary).toContain('[1 attachment(s) not kept]');
    // Someone held: the supervisor is told at once, by reference only.
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, supervisorId));
    expect(told.map((n) => n.kind)).toEqual(['intake_emergency']);

    // Each sender is told the reference, in their language, as an answer robots leave alone.
    await expect.poll(() => smtp.received.length).toBeGreaterThanOrEqual(2);
    const toGulnara = await simpleParser(smtp.received.find((m) => m.to.includes('gulnara@example.kg'))!.raw);
    expect(toGulnara.headers.get('auto-submitted')).toBe('auto-replied');
    expect(toGulnara.subject).toBe(`Ваше обращение за юридической помощью: ${held.reference}`);
    expect(toGulnara.text).not.toContain('Достук');
    expect(smtp.received.some((m) => m.to.includes('bot@example.org'))).toBe(false);

    // Read again, nothing new; a new message, one more.
    expect((await inject(admin, 'POST', `/intake/mailboxes/${mailboxId}/poll`)).json().imported).toBe(0);
    await imap.append(
      mail(
        'Dilnoza Karimova <dilnoza@example.uz>',
        'Yordam',
        'Assalomu alaykum, propiska uchun yordam kerak, iltimos. Oʻgʻlim bilan keldik.',
      ),
    );
    expect(await pollAllMailboxes(t.platform)).toBe(1);
    // A reading cut off before it recorded where it stopped reads the same mail again (all after
    // the old message, UID 1): none makes a second request.
    await t.db.update(intakeMailboxes).set({ lastUid: 1 }).where(eq(intakeMailboxes.id, mailboxId));
    const again = (await inject(admin, 'POST', `/intake/mailboxes/${mailboxId}/poll`)).json();
    expect(again).toEqual({ imported: 0, skipped: 4, problem: null });
    const count = await t.db.execute(
      sql`select count(*)::int as n from intake_items where channel = 'email'`,
    );
    expect(JSON.stringify(count)).toContain('"n":3');
    const listed = (await inject(admin, 'GET', '/intake/mailboxes')).json().items[0];
    expect(listed).toMatchObject({ imported: 3, lastProblem: null });
  });

  it('says what went wrong in words a person can act on: a wrong password, a folder that is not there', async () => {
    let box = (await inject(admin, 'GET', '/intake/mailboxes')).json().items[0];
    const wrong = await inject(admin, 'PATCH', `/intake/mailboxes/${mailboxId}`, {
      version: box.version,
      password: 'not-the-password',
    });
    expect(wrong.statusCode).toBe(200);
    expect((await inject(admin, 'POST', `/intake/mailboxes/${mailboxId}/poll`)).json().problem).toBe(
      'auth_failed',
    );
    box = (await inject(admin, 'GET', '/intake/mailboxes')).json().items[0];
    expect(box.lastProblem).toBe('auth_failed');
    await inject(admin, 'PATCH', `/intake/mailboxes/${mailboxId}`, {
      version: box.version,
      password: imap.password,
      folder: 'Requests',
    });
    expect((await inject(admin, 'POST', `/intake/mailboxes/${mailboxId}/poll`)).json().problem).toBe(
      'folder_missing',
    );
    // A stale edit is refused with the version that won.
    const stale = await inject(admin, 'PATCH', `/intake/mailboxes/${mailboxId}`, {
      version: 1,
      enabled: false,
    });
    expect(stale.statusCode).toBe(409);
  });
});
