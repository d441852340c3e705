import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, cases, caseTasks, referrals, users } from '../apps/server/src/db/schema/index.ts';
import { signIn, startE2e } from './harness.ts';
import { goOffline, goTo } from './offline-helpers.ts';

/** A day `days` from today, as the date inputs take it. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Clicks what starts a download and answers the downloaded file's name and bytes. */
async function downloaded(page: Page, start: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/**
 * One working week, role by role, through the screens only: what each kind of user does all day,
 * clicked in Chromium. The database is read only to check what the screens did. The flows follow
 * one another: the lawyer's case and referral are what the partner and the supervisor work on.
 */
describe('each role’s work through the screens', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  let caseNumber = '';
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('a lawyer registers a person, opens and works a case, writes a letter, refers and asks to close', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'lawyer@fvlwb.demo');
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByTestId('new-person').click();
    await page.getByLabel('Family name', { exact: true }).fill('Турсунов');
    await page.getByLabel('Given name', { exact: true }).fill('Алишер');
    await page.getByLabel('Date of birth (YYYY, YYYY-MM or YYYY-MM-DD)').fill('1979-05');
    await page.getByLabel('Place of birth').fill('Aravan');
    await page.getByTestId('register-person').click();
    await page.getByTestId('person-name').getByText('Турсунов Алишер').waitFor();

    // His only paper: a Soviet passport, long expired.
    await page.getByRole('combobox', { name: 'Document', exact: true }).click();
    await page.getByRole('option', { name: 'Soviet passport' }).click();
    await page.getByLabel('Number', { exact: true }).fill('II-ЖА 612345');
    await page.getByRole('combobox', { name: 'Status', exact: true }).click();
    await page.getByRole('option', { name: 'Expired' }).click();
    await page.getByRole('button', { name: 'Add document' }).click();
    await page.getByRole('cell', { name: 'II-ЖА 612345' }).waitFor();

    // Intake: the association's criteria, in English here; one is not met, so a reason is asked.
    await page.getByTestId('open-case').click();
    await page.getByRole('combobox', { name: 'Legal problems' }).click();
    await page.getByRole('option', { name: 'Nationality and statelessness' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Has no other lawyer in this matter').uncheck();
    await page.getByTestId('open-case-submit').click();
    const reason = page.getByLabel('Why open the case although a criterion is not met?');
    await reason.waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('His former lawyer left the country; the court date is near');
    await page.getByTestId('open-case-submit').click();
    await page.getByTestId('case-status').getByText('Intake').waitFor();
    caseNumber = (await page.getByTestId('case-number').textContent())?.match(/\d+-\d+/)?.[0] ?? '';
    expect(caseNumber).not.toBe('');

    await page.getByTestId('case-open').click();
    await page.getByTestId('case-status').getByText('Open').waitFor();
    await page
      .getByTestId('intervention-summary')
      .fill('Explained the citizenship procedure for stateless people');
    await page.getByTestId('log-intervention').click();
    await page
      .getByTestId('interventions-table')
      .getByText('Explained the citizenship procedure for stateless people')
      .waitFor();

    const taskForm = page.getByTestId('add-task-form');
    await taskForm.getByLabel('Add task').fill('Ask the archive for the 1995 residence record');
    await taskForm.getByLabel('Due').fill(inDays(10));
    await taskForm.getByRole('button', { name: 'Add task' }).click();
    await page.getByRole('checkbox', { name: /Ask the archive for the 1995 residence record/ }).waitFor();

    const hearingForm = page.getByTestId('add-hearing-form');
    await hearingForm.getByLabel('Day').fill(inDays(20));
    await hearingForm.getByLabel('Hour (local)').fill('10:00');
    await hearingForm.getByLabel('Court or authority, room').fill('Aravan district court');
    await hearingForm.getByRole('button', { name: 'Add the hearing' }).click();
    await page.getByTestId('hearing').getByText('Aravan district court').waitFor();

    await page.getByTestId('procedure-template').click();
    await page
      .getByRole('option', { name: /Kyrgyzstan — Citizenship application of a stateless person/ })
      .click();
    await page.getByTestId('procedure-open').click();
    await page.getByTestId('step-application').waitFor();

    // The letter to the authority, filled from the case, in Russian.
    const letter = await downloaded(page, () => page.getByTestId('document-docx').click());
    expect(letter.name).toMatch(/\.docx$/);
    expect(letter.bytes.subarray(0, 2).toString()).toBe('PK');

    await page.getByTestId('refer-button').click();
    const form = page.getByTestId('referral-form');
    await form.getByLabel('Service').click();
    await page.getByRole('option', { name: /Legal Aid Service/ }).click();
    await form.getByLabel('Need', { exact: true }).fill('Representation at the citizenship hearing');
    await form.getByLabel('How to contact').fill('Through the lawyer');
    await form.getByLabel('Name', { exact: true }).check();
    await form.getByLabel('What the person agreed to').fill('Sharing his name with the Legal Aid Service');
    await form.getByRole('button', { name: 'Send referral' }).click();
    await page.getByTestId('referral-status').getByText('Sent').waitFor();

    // Asking to close: the open task must be settled; the lawyer says it was done.
    await page.goto(`${e2e.baseUrl}/cases`);
    await page.getByTestId('cases-table').getByRole('link', { name: caseNumber }).click();
    await page.getByRole('combobox', { name: 'Outcome' }).click();
    await page.getByRole('option', { name: 'Nationality confirmed' }).click();
    const choice = page.getByTestId('close-open-tasks');
    await choice.getByText('Open tasks on this case: 1', { exact: false }).waitFor();
    await page.getByTestId('case-close').click();
    await choice.getByText('Say whether they were done or are no longer needed.', { exact: false }).waitFor();
    await choice.getByLabel('done', { exact: true }).check();
    await page.getByTestId('case-close').click();
    await page.getByText('Closing requested: Nationality confirmed').first().waitFor();
    expect(await page.getByTestId('case-status').textContent()).toContain('Open');
  });

  it('a partner focal point, in Russian, takes the referral, writes to the sender and reports the service given', async () => {
    const focal = await e2e.newPage();
    await signIn(focal, e2e.baseUrl, 'focal@legalaid.demo');
    await focal.getByTestId('language-switch').selectOption('ru');
    await focal.getByTestId('notification-bell').click();
    await focal.getByTestId('notification-item').first().click();
    await focal.getByTestId('referral-need').getByText('Representation at the citizenship hearing').waitFor();
    expect(await focal.getByTestId('referral-shared').textContent()).toContain('Турсунов Алишер');
    await focal.getByRole('button', { name: 'Принять' }).click();
    await focal.getByLabel('Ожидаемая дата оказания услуги').fill(inDays(7));
    await focal.getByRole('button', { name: 'Подтвердить' }).click();
    await focal.getByTestId('referral-status').getByText('Принято').waitFor();
    const thread = focal.getByTestId('referral-thread');
    await thread.getByLabel('Написать другой стороне').fill('Наш адвокат встретится с ним в понедельник.');
    await thread.getByRole('button', { name: 'Отправить сообщение' }).click();
    await thread
      .getByTestId('referral-message')
      .getByText('Наш адвокат встретится с ним в понедельник.')
      .waitFor();
    await focal.getByRole('button', { name: 'Начать работу' }).click();
    await focal.getByTestId('referral-status').getByText('В работе').waitFor();
    await focal.getByRole('button', { name: 'Сообщить о выполнении' }).click();
    await focal
      .getByLabel('Отзыв для направившей стороны')
      .fill('Представлен на заседании; решение ожидается в марте');
    await focal.getByRole('button', { name: 'Подтвердить' }).click();
    await focal.getByTestId('referral-status').getByText('Выполнено').waitFor();
    // The partner's list of what came in shows it done.
    await focal.getByRole('link', { name: 'Направления' }).click();
    await focal.getByText('Выполнено').first().waitFor();
    const [row] = await e2e.database.db.select().from(referrals);
    expect(row).toMatchObject({ status: 'completed', outcome: 'service_provided' });
  });

  it('a supervisor approves the closing from the queue, takes a walk-in and assigns it', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'supervisor@fvlwb.demo');
    const figure = page.getByTestId('caseload-awaiting-approval');
    await figure.filter({ hasText: /^1$/ }).waitFor();
    await figure.click();
    await page.getByTestId('cases-table').getByRole('link', { name: caseNumber }).click();
    // The partner's feedback reached the case.
    await page.getByText('Referral completed').first().waitFor();
    await page.getByRole('button', { name: 'Approve closing' }).click();
    await page.getByTestId('case-status').getByText('Closed').waitFor();
    const [closed] = await e2e.database.db.select().from(cases).where(eq(cases.caseNumber, caseNumber));
    const tasks = await e2e.database.db.select().from(caseTasks).where(eq(caseTasks.caseId, closed!.id));
    expect(tasks.map((task) => task.doneAt !== null)).toEqual([true]);

    // A walk-in at the office: registered, opened, given to the lawyer.
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByTestId('new-person').click();
    await page.getByLabel('Family name', { exact: true }).fill('Хайдари');
    await page.getByLabel('Given name', { exact: true }).fill('Фарида');
    await page.getByTestId('register-person').click();
    await page.getByTestId('person-name').getByText('Хайдари Фарида').waitFor();
    await page.getByTestId('open-case').click();
    await page.getByRole('combobox', { name: 'Legal problems' }).click();
    await page
      .getByRole('option', { name: /Asylum/ })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await page.getByTestId('open-case-submit').click();
    await page.getByTestId('case-status').getByText('Intake').waitFor();
    await page.getByTestId('edit-case').click();
    const editor = page.getByTestId('case-editor');
    await editor.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: 'Urgent' }).click();
    await editor.getByTestId('case-assignee').click();
    await page.getByRole('option', { name: 'Nurzat Mamatova' }).click();
    await editor.getByTestId('save-case').click();
    await editor.waitFor({ state: 'detached' });
    await page.getByTestId('case-assigned').getByText('Assigned to: Nurzat Mamatova').waitFor();

    // The caseload table: the lawyer holds the new case.
    await page.getByRole('link', { name: 'Home' }).click();
    const byLawyer = page
      .getByTestId('caseload-by-assignee')
      .getByRole('row')
      .filter({ hasText: 'Nurzat Mamatova' });
    await byLawyer.waitFor();
    // Her first case is closed; the walk-in is the one she holds now.
    expect(await byLawyer.getByRole('cell').nth(1).textContent()).toBe('1');
  });

  it('a field worker records a visit in a village without a network, sent when it returns', async () => {
    const phone = await e2e.phone(mkdtempSync(join(tmpdir(), 'komek-roles-')));
    const page = phone.pages()[0] ?? (await phone.newPage());
    await signIn(page, e2e.baseUrl, 'field@fvlwb.demo');
    await goOffline(phone, page, 'field@fvlwb.demo');
    await goTo(page, 'People');
    await page.getByTestId('new-person').click();
    await page.getByLabel('Family name', { exact: true }).fill('Абдуллаева');
    await page.getByLabel('Given name', { exact: true }).fill('Мадина');
    await page.getByTestId('register-person').click();
    await page.getByTestId('person-name').getByText('Абдуллаева Мадина').waitFor();
    await page.getByTestId('open-case').click();
    await page.getByRole('combobox', { name: 'Legal problems' }).click();
    await page
      .getByRole('option', { name: /birth registration/i })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await page.getByTestId('open-case-submit').click();
    await page.getByTestId('case-number').getByText('(numbered when sent)').waitFor();
    await page.getByTestId('intervention-summary').fill('Late birth registration of her son explained');
    await page.getByTestId('log-intervention').click();
    await page.getByText('Late birth registration of her son explained').first().waitFor();

    await goTo(page, 'My activities');
    const form = page.getByTestId('activity-form');
    await form.getByLabel('Type').click();
    await page.getByRole('option', { name: 'Awareness session' }).click();
    await form.getByLabel('Title').fill('Documents for children, Kadamjay village');
    await form.getByLabel('Date').fill(inDays(0));
    await form.getByTestId('participants').getByLabel('How many').fill('14');
    await form.getByTestId('add-activity').click();
    await page
      .getByTestId('activities-table')
      .getByText('Documents for children, Kadamjay village')
      .waitFor();
    await page.getByTestId('outbox-count').getByText('To send: 4').waitFor();

    await phone.setOffline(false);
    await goTo(page, 'Waiting changes');
    await page
      .getByTestId('outbox-summary')
      .getByText('Everything written on this device has been sent.')
      .waitFor();
    const [field] = await e2e.database.db.select().from(users).where(eq(users.email, 'field@fvlwb.demo'));
    const sent = await e2e.database.db.select().from(activities).where(eq(activities.createdBy, field!.id));
    expect(sent.map((a) => [a.title, a.participantsTotal])).toEqual([
      ['Documents for children, Kadamjay village', 14],
    ]);
    const theirs = await e2e.database.db.select().from(cases).where(eq(cases.assignedTo, field!.id));
    expect(theirs).toHaveLength(1);
    await phone.close();
  });

  it('an M&E officer sets targets, reads the figures as shared outside and downloads the report', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'me@fvlwb.demo');
    await page.getByRole('link', { name: 'Results' }).click();
    await page.getByRole('button', { name: "Add the report's and the programme's indicators" }).click();
    const year = new Date().getFullYear();
    const referralsMade = page.getByTestId('indicator-P2');
    await referralsMade.getByTestId('edit-values-P2').click();
    const editor = referralsMade.getByTestId('values-editor-P2');
    await editor.getByLabel('Baseline').fill('0');
    await editor.getByLabel(`Target (${year})`).fill('30');
    await editor.getByTestId('save-values').click();
    await editor.waitFor({ state: 'detached' });
    await referralsMade.getByRole('cell', { name: '30', exact: true }).waitFor();

    // As shared outside the organisation, the week's one referral is a small count, hidden.
    await page.getByLabel('As shared outside (small counts hidden)').check();
    await referralsMade.getByText('<5').first().waitFor();
    await page.getByRole('tab', { name: 'Key figures' }).click();
    await page.getByTestId('chart-sex-age').locator('canvas').waitFor();

    await page.getByTestId('report-xlsx').click();
    const link = page.getByTestId('report-download');
    await link.waitFor({ timeout: 60_000 });
    const report = await downloaded(page, () => link.click());
    expect(report.name).toMatch(/\.xlsx$/);
    expect(report.bytes.subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('an administrator adds a lawyer to an office, reads the roles table and checks the audit trail', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'admin@fvlwb.demo');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByTestId('new-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill('zarina.lawyer@fvlwb.demo');
    await dialog.getByLabel('Name').fill('Zarina Lawyer');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Lawyer' }).click();
    await dialog.getByRole('combobox', { name: 'Office' }).click();
    await page.getByRole('option', { name: /Batken office/ }).click();
    await dialog.getByLabel('Initial password').fill('Kadamjay-Sulfur-2026!');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('users-table').getByText('zarina.lawyer@fvlwb.demo').waitFor();

    // What a lawyer may do, read before handing the account over.
    await page.getByTestId('roles-link').click();
    const approve = page.getByTestId('permission-case.approve_close');
    await approve.waitFor();
    expect(await approve.locator('td[data-label="Lawyer"]').textContent()).toBe('—');
    expect(await approve.locator('td[data-label="Supervisor"]').textContent()).not.toBe('—');

    // The week's work is in the audit trail, and the chain is whole.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Action').fill('case.approve_close');
    await page.getByTestId('audit-table').getByText('supervisor@fvlwb.demo').first().waitFor();
    await page.getByTestId('verify-chain').click();
    await expect(page.getByTestId('verify-result').textContent()).resolves.toMatch(/intact/);
  });
});
