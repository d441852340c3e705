import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeItems, notifications, users } from '../apps/server/src/db/schema/index.ts';
import { startImap } from '../apps/server/src/test/imap-server.ts';
import { signIn, startE2e } from './harness.ts';

describe('the hotline desk and the intake queue in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('takes a hotline call and turns it into a case in under a minute of clicks', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'lawyer@fvlwb.demo');
    const started = Date.now();
    await page.getByRole('link', { name: 'Intake queue' }).click();
    await page.getByTestId('open-desk').click();
    const desk = page.getByTestId('hotline-desk');
    await desk.getByLabel('Phone number').fill('+996 555 404 040');
    await desk.getByLabel('Name as given').fill('Маматова Гулзат');
    // Topics by keyboard while talking: Alt+2 is the second, birth registration.
    await page.keyboard.press('Alt+2');
    await desk
      .getByLabel('What they asked, what was said')
      .fill('Her daughter was born at home in 2020 and has no birth certificate');
    // Nothing said about urgency: saved as a normal request with a callback tomorrow, by keystroke.
    await page.keyboard.press('Alt+B');
    await desk.getByTestId('intake-saved').waitFor();
    await desk.getByTestId('intake-saved').getByRole('link').click();

    const item = page.getByTestId('intake-item');
    await item.getByTestId('intake-contact').getByText('Маматова Гулзат', { exact: false }).waitFor();
    await item.getByText('Call back by', { exact: false }).waitFor();
    await page.getByTestId('intake-open-case').click();
    // The person's form comes filled from the call; registered, the case opens with the call's topic.
    expect(await page.getByLabel('Family name', { exact: true }).inputValue()).toBe('Маматова');
    expect(await page.getByLabel('Given name', { exact: true }).inputValue()).toBe('Гулзат');
    await page.getByTestId('intake-register-person').click();
    await page.getByTestId('case-status').getByText('Intake').waitFor();
    expect(await page.locator('main').textContent()).toContain('Civil documentation');
    expect(Date.now() - started).toBeLessThan(60_000);

    const [row] = await e2e.database.db.select().from(intakeItems);
    expect(row).toMatchObject({ channel: 'hotline', status: 'done', outcome: 'case_opened' });
    expect(row?.caseId).toBe(page.url().split('/cases/')[1]);
    expect(row?.durationSeconds).toBeGreaterThanOrEqual(0);

    // The same number calls again: the desk says so while the phone is typed.
    await page.goto(`${e2e.baseUrl}/intake/desk`);
    await page.getByTestId('hotline-desk').getByLabel('Phone number').fill('0555 404040');
    await page.getByTestId('repeat-caller').getByText('Earlier requests from this number: 1').waitFor();
  });

  it('tells the supervisor and the lawyer on duty at once of a caller in detention', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'field@fvlwb.demo');
    await page.goto(`${e2e.baseUrl}/intake/desk`);
    const desk = page.getByTestId('hotline-desk');
    await desk.getByLabel('The caller gives no name').check();
    await desk.getByTestId('intake-topics').getByText('Other', { exact: true }).click();
    await desk.getByLabel('In detention now').check();
    await desk.getByTestId('intake-emergency').waitFor();
    await desk
      .getByLabel('What they asked, what was said')
      .fill('Her husband was detained at the Dostuk crossing this morning');
    await desk.getByTestId('save-queue').click();
    await desk.getByTestId('intake-saved').waitFor();

    const [lawyer] = await e2e.database.db.select().from(users).where(eq(users.email, 'lawyer@fvlwb.demo'));
    const told = await e2e.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, lawyer!.id));
    expect(told.map((n) => n.kind)).toContain('intake_emergency');

    // The lawyer on duty opens it from the bell and takes it.
    const duty = await e2e.newPage();
    await signIn(duty, e2e.baseUrl, 'lawyer@fvlwb.demo');
    await duty.getByTestId('notification-bell').click();
    await duty.getByTestId('notification-item').first().click();
    await duty.getByTestId('intake-urgency').getByText('Emergency', { exact: false }).waitFor();
    expect(await duty.getByTestId('intake-contact').textContent()).toContain('Anonymous');
  });

  it('shows on the desk what the organisation wrote to say about a topic, in the reader’s language', async () => {
    const admin = await e2e.newPage();
    await signIn(admin, e2e.baseUrl, 'admin@fvlwb.demo');
    await admin.goto(`${e2e.baseUrl}/organisations`);
    const answers = admin.getByTestId('hotline-answers');
    await answers.getByRole('combobox', { name: 'Topic' }).click();
    await admin.getByRole('option', { name: 'Border crossing' }).click();
    await answers.getByRole('button', { name: 'Save' }).click();
    await answers.getByText('Write the wording in at least one language.').waitFor();
    await answers.getByLabel('Кыргызча').fill('Достук өткөрүү пункту азыр жабык; Кара-Суу аркылуу өтүңүз.');
    await answers.getByRole('button', { name: 'Save' }).click();
    await answers.getByText('Border crossing', { exact: true }).first().waitFor();

    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'lawyer@fvlwb.demo');
    await page.getByTestId('language-switch').selectOption('ky');
    await page.goto(`${e2e.baseUrl}/intake/desk`);
    await page.getByTestId('hotline-desk').waitFor();
    await page.keyboard.press('Alt+5');
    await page
      .getByTestId('what-to-say')
      .getByText('Достук өткөрүү пункту азыр жабык', { exact: false })
      .waitFor();
  });

  it('refers a caller on from the queue, lists the callbacks due, and counts the requests in the results', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'lawyer@fvlwb.demo');
    await page.goto(`${e2e.baseUrl}/intake/desk`);
    const desk = page.getByTestId('hotline-desk');
    await desk.getByLabel('Phone number').fill('+996 555 606 060');
    await desk.getByLabel('Name as given').fill('Эргешова Мээрим');
    await page.keyboard.press('Alt+1');
    await desk
      .getByLabel('What they asked, what was said')
      .fill('Holds only a Soviet passport; needs representation');
    await page.keyboard.press('Alt+B');
    await desk.getByTestId('intake-saved').getByRole('link').click();

    // Passed on through the referral flow: who it is, then the referral with consent.
    await page.getByTestId('intake-refer').click();
    await page.getByTestId('intake-register-to-refer').click();
    const form = page.getByTestId('referral-form');
    await form.getByLabel('Service').click();
    await page.getByRole('option', { name: /Legal Aid Service/ }).click();
    await form.getByLabel('Need', { exact: true }).fill('Representation in the citizenship procedure');
    await form.getByLabel('How to contact').fill('Through the hotline, +996 555 606 060');
    await form.getByLabel('Name', { exact: true }).check();
    await form.getByLabel('What the person agreed to').fill('Sharing her name with the Legal Aid Service');
    await form.getByRole('button', { name: 'Send referral' }).click();
    await page.getByTestId('intake-status').getByText('Referred').waitFor();
    await page.getByTestId('intake-referral-link').click();
    await page.getByTestId('referral-status').getByText('Sent').waitFor();

    // A callback promised by another call comes due: the queue lists it to call now.
    await page.goto(`${e2e.baseUrl}/intake/desk`);
    await desk.getByLabel('Phone number').fill('+996 555 707 070');
    await page.keyboard.press('Alt+3');
    await desk.getByLabel('What they asked, what was said').fill('Needs to register her residence in Osh');
    await page.keyboard.press('Alt+B');
    await desk.getByTestId('intake-saved').waitFor();
    const reference =
      (await desk.getByTestId('intake-saved').textContent())?.match(/Q\d{4}-\d{5}/)?.[0] ?? '';
    await e2e.database.db
      .update(intakeItems)
      .set({ callbackDue: new Date(Date.now() - 60_000) })
      .where(eq(intakeItems.reference, reference));
    await page.goto(`${e2e.baseUrl}/intake`);
    await page.getByTestId('intake-callbacks-due').check();
    const table = page.getByTestId('intake-table');
    await table.getByRole('link', { name: reference }).waitFor();
    expect(await table.getByTestId('callback-due').count()).toBe(1);

    // The M&E officer counts the year's requests, by what became of them.
    const officer = await e2e.newPage();
    await signIn(officer, e2e.baseUrl, 'me@fvlwb.demo');
    await officer.goto(`${e2e.baseUrl}/results`);
    await officer.getByRole('tab', { name: 'Requests for help' }).click();
    const outcomes = officer.getByTestId('requests-byOutcome');
    await outcomes.getByText('Referred').waitFor();
    await officer.getByLabel('As shared outside (small counts hidden)').check();
    await outcomes.getByText('<5').first().waitFor();
  });

  it('reads the organisation’s mailbox from a real IMAP server into the queue, and says in words when the password is wrong', async () => {
    const imap = await startImap();
    e2e.config.mailboxPrivateHosts = true;
    try {
      await imap.append(
        [
          'From: Zarina Rahimi <zarina@example.tj>',
          'Subject: Residence registration',
          'Message-ID: <e2e-1@mail.example>',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Hello, I need help to register my residence in Osh for my family.',
          '',
        ].join('\r\n'),
      );
      const admin = await e2e.newPage();
      await signIn(admin, e2e.baseUrl, 'admin@fvlwb.demo');
      await admin.goto(`${e2e.baseUrl}/organisations`);
      const boxes = admin.getByTestId('mailboxes');
      await boxes.getByTestId('mailbox-add').click();
      const form = boxes.getByTestId('mailbox-form');
      await form.getByLabel('Name', { exact: true }).fill('Hotline mail');
      await form.getByLabel('Mail server (IMAP)').fill('127.0.0.1');
      await form.getByLabel('Port').fill(String(imap.port));
      await form.getByLabel('User name').fill(imap.user);
      await form.getByLabel('Password', { exact: true }).fill(imap.password);
      await form.getByLabel('Encrypted connection (TLS)').uncheck();
      await form.getByRole('button', { name: 'Save' }).click();
      const box = boxes.getByTestId('mailbox');
      await box.getByText('Not read yet').waitFor();
      await box.getByTestId('mailbox-read-now').click();
      await box.getByTestId('mailbox-read').getByText('New requests: 1', { exact: false }).waitFor();

      const lawyer = await e2e.newPage();
      await signIn(lawyer, e2e.baseUrl, 'lawyer@fvlwb.demo');
      await lawyer.goto(`${e2e.baseUrl}/intake`);
      const table = lawyer.getByTestId('intake-table');
      await table.getByText('Zarina Rahimi').waitFor();
      expect(await table.textContent()).toContain('Email');

      // A password changed on the mail server: the mailbox says what to do.
      await box.getByRole('button', { name: 'Edit' }).click();
      await boxes
        .getByTestId('mailbox-form')
        .getByLabel('Password', { exact: true })
        .fill('changed-elsewhere');
      await boxes.getByTestId('mailbox-form').getByRole('button', { name: 'Save' }).click();
      await box.getByTestId('mailbox-read-now').click();
      await box
        .getByTestId('mailbox-problem')
        .getByText('The mail server refused the user name or password', { exact: false })
        .waitFor();
    } finally {
      e2e.config.mailboxPrivateHosts = false;
      await imap.close();
    }
  });
});
