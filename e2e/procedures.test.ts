import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseThroughApi, ON_POSTGRES, signIn, startE2e } from './harness.ts';

// Screens over an API whose behaviour on PostgreSQL the unit tests check there: walked on the embedded pass.
describe.skipIf(ON_POSTGRES)('a procedure and its deadline in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('opens a procedure, starts its clock and warns when the deadline has passed', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'lawyer@fvlwb.demo');
    const c = await caseThroughApi(page, e2e.baseUrl);
    await page.goto(`${e2e.baseUrl}/cases/${c.id}`);

    // The application was filed sixty days ago; the 30-day decision limit has run out.
    const filed = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('procedure-template').click();
    await page.getByRole('option', { name: /Kazakhstan — Statelessness status determination/ }).click();
    await page.getByLabel('Started on').fill(filed);
    await page.getByTestId('procedure-open').click();
    const application = page.getByTestId('step-application');
    await application.getByText('Running').waitFor();
    await page.getByTestId('step-done-application').click();
    await application.getByLabel('Date').fill(filed);
    await application.getByTestId('step-confirm').click();
    await application.getByText(`Done ${filed}`).waitFor();

    const decision = page.getByTestId('step-decision');
    await decision.getByTestId('step-overdue').waitFor();
    // Steps whose limit the sources do not give are flagged, not guessed.
    await page.getByTestId('step-receipt_certificate').getByText('time limit to confirm').waitFor();

    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByTestId('overdue-deadlines').waitFor();
    expect(await page.getByTestId('deadline-table').first().textContent()).toContain(
      'Decision on the application',
    );
    await page.getByRole('link', { name: 'Deadlines', exact: true }).click();
    await page.getByTestId('deadline-table').getByText(c.caseNumber).waitFor();
  });

  it('shows the user’s own tasks on the month calendar beside the deadlines, and Gregorian months in Dari', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'lawyer@fvlwb.demo');
    const c = await caseThroughApi(page, e2e.baseUrl);
    const me = await (await page.request.get(`${e2e.baseUrl}/api/auth/me`)).json();
    const now = new Date();
    const due = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    const task = await page.request.post(`${e2e.baseUrl}/api/cases/${c.id}/tasks`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { title: 'Collect the birth certificate', dueDate: due },
    });
    expect(task.status()).toBe(201);
    await page.goto(`${e2e.baseUrl}/deadlines`);
    await page.getByRole('tab', { name: 'Calendar' }).click();
    const entry = page.getByTestId('calendar-task').filter({ hasText: 'Collect the birth certificate' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain(c.caseNumber);
    await entry.click();
    await page.waitForURL(`**/cases/${c.id}`);

    await page.getByTestId('language-switch').selectOption('fa-AF');
    await page.goto(`${e2e.baseUrl}/deadlines`);
    await page.getByRole('tab').nth(3).click();
    const month = new Intl.DateTimeFormat('fa-AF', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
      calendar: 'gregory',
    }).format(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)));
    await page.getByTestId('deadline-calendar').getByText(month).waitFor();
  });

  it('sets a hearing on the case page, refuses a missing place in Kyrgyz, and shows it on the calendar', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'lawyer@fvlwb.demo');
    const c = await caseThroughApi(page, e2e.baseUrl);
    await page.goto(`${e2e.baseUrl}/cases/${c.id}`);
    const now = new Date();
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    const form = page.getByTestId('add-hearing-form');
    await form.getByLabel('Day').fill(day);
    await form.getByLabel('Hour (local)').fill('09:30');

    // Nothing in the place: said next to it, in the interface's language, and nothing sent; the
    // language switched halfway keeps what was typed.
    await page.getByTestId('language-switch').selectOption('ky');
    await form.getByRole('button', { name: 'Отурумду кошуу' }).click();
    await form.getByText('Кеминде 2 белги жазыңыз.').waitFor();
    expect(await form.getByLabel('Сот же орган, бөлмө').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('hearing').count()).toBe(0);

    await page.getByTestId('language-switch').selectOption('en');
    await form.getByLabel('Court or authority, room').fill('Osh city court, room 4');
    await form.getByRole('button', { name: 'Add the hearing' }).click();
    const hearing = page.getByTestId('hearing');
    await hearing.getByText('Osh city court, room 4').waitFor();
    expect(await hearing.textContent()).toContain(`${day} 09:30`);
    expect(await hearing.textContent()).toContain('Court hearing');

    await page.goto(`${e2e.baseUrl}/deadlines`);
    await page.getByRole('tab', { name: 'Calendar' }).click();
    const entry = page.getByTestId('calendar-hearing').filter({ hasText: c.caseNumber });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('09:30');
    await entry.click();
    await page.waitForURL(`**/cases/${c.id}`);
    await page.getByRole('button', { name: `Remove the hearing of ${day}` }).click();
    await page.getByRole('dialog').getByText('The audit trail keeps', { exact: false }).waitFor();
    await page.getByTestId('confirm-delete').click();
    await page.getByTestId('hearings').getByText('No hearing or interview is set.').waitFor();
  });
});
