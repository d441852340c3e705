import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseThroughApi, signIn, startE2e } from './harness.ts';

describe('referral between two organisations in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('goes from sending to completion, each side seeing its part', async () => {
    const lawyer = await e2e.newPage();
    await signIn(lawyer, e2e.baseUrl, 'lawyer@fvlwb.demo');
    const c = await caseThroughApi(lawyer, e2e.baseUrl);

    await lawyer.goto(`${e2e.baseUrl}/cases/${c.id}`);
    await lawyer.getByTestId('refer-button').click();
    const form = lawyer.getByTestId('referral-form');
    await form.getByLabel('Service').click();
    await lawyer.getByRole('option', { name: /Legal Aid Service/ }).click();
    await form.getByLabel('Need', { exact: true }).fill('Representation in the statelessness determination');
    await form.getByLabel('How to contact').fill('Through the lawyer, +996 555 000 111');
    await form.getByLabel('Name', { exact: true }).check();
    await form.getByLabel('What the person agreed to').fill('Sharing her name with the Legal Aid Service');
    await form.getByRole('button', { name: 'Send referral' }).click();
    await lawyer.getByTestId('referral-status').getByText('Sent').waitFor();
    const reference = (await lawyer.getByRole('heading', { level: 2 }).textContent())?.split(' ').pop() ?? '';
    expect(reference).toMatch(/^R\d{4}-\d{5}$/);

    // The State legal aid service's focal point hears of it and sees only what was shared.
    const focal = await e2e.newPage();
    await signIn(focal, e2e.baseUrl, 'focal@legalaid.demo');
    await focal.getByTestId('notification-bell').click();
    await focal.getByTestId('notification-item').filter({ hasText: reference }).click();
    await focal
      .getByTestId('referral-need')
      .getByText('Representation in the statelessness determination')
      .waitFor();
    const shared = await focal.getByTestId('referral-shared').textContent();
    expect(shared).toContain('Садыкова Айгерим');
    expect(shared).not.toContain('1990');
    // The partner cannot open the case behind it.
    const caseRead = await focal.request.get(`${e2e.baseUrl}/api/cases/${c.id}`);
    expect(caseRead.status()).toBe(403);

    await focal.getByRole('button', { name: 'Accept' }).click();
    await focal.getByLabel('Expected date of service').fill('2026-12-15');
    await focal.getByRole('button', { name: 'Confirm' }).click();
    await focal.getByTestId('referral-status').getByText('Accepted').waitFor();

    // The two sides write to each other on the referral; the sender cannot pass on in a message
    // what the referral does not share (here her date of birth).
    const focalThread = focal.getByTestId('referral-thread');
    await focalThread.getByLabel('Write to the other side').fill('Can she come on Thursday at 10:00?');
    await focalThread.getByRole('button', { name: 'Send the message' }).click();
    await focalThread
      .getByTestId('referral-message')
      .getByText('Can she come on Thursday at 10:00?')
      .waitFor();
    await lawyer.reload();
    const lawyerThread = lawyer.getByTestId('referral-thread');
    await lawyerThread.getByText('Can she come on Thursday at 10:00?').waitFor();
    const reply = lawyerThread.getByLabel('Write to the other side');
    await reply.fill('Yes. Born 14.03.1990, she has her birth certificate.');
    await lawyerThread.getByRole('button', { name: 'Send the message' }).click();
    await lawyerThread
      .getByText('This message has the person’s date of birth, and the referral does not share it.', {
        exact: false,
      })
      .waitFor();
    expect(await reply.inputValue()).toBe('Yes. Born 14.03.1990, she has her birth certificate.');
    await reply.fill('Yes, she will bring her birth certificate.');
    await lawyerThread.getByRole('button', { name: 'Send the message' }).click();
    await lawyerThread
      .getByTestId('referral-message')
      .getByText('Yes, she will bring her birth certificate.')
      .waitFor();
    await focal.reload();
    await focalThread.getByText('Yes, she will bring her birth certificate.').waitFor();
    expect(await focalThread.textContent()).not.toContain('14.03.1990');
    await focal.getByRole('button', { name: 'Start work' }).click();
    await focal.getByTestId('referral-status').getByText('In progress').waitFor();
    await focal.getByRole('button', { name: 'Report completion' }).click();
    await focal.getByLabel('Feedback to the sender').fill('Application filed; hearing set for January');
    await focal.getByRole('button', { name: 'Confirm' }).click();
    await focal.getByTestId('referral-status').getByText('Completed').waitFor();

    // Back at the lawyers' organisation: the outcome and the feedback are on the referral and the case.
    await lawyer.reload();
    await lawyer.getByTestId('referral-status').getByText('Completed').waitFor();
    expect(await lawyer.getByTestId('referral-outcome').textContent()).toBe('Service provided');
    await lawyer
      .getByTestId('referral-history')
      .getByText('Application filed; hearing set for January')
      .waitFor();
    await lawyer.goto(`${e2e.baseUrl}/cases/${c.id}`);
    await lawyer.getByText('Referral completed').first().waitFor();
    await lawyer.goto(`${e2e.baseUrl}/referrals`);
    await lawyer.getByRole('tab', { name: 'By partner' }).click();
    const figures = lawyer.getByTestId('partner-figures');
    await figures.getByText('Legal Aid Service', { exact: false }).waitFor();
    expect(await figures.locator('tbody tr').first().locator('td').nth(4).textContent()).toBe('1');
  });
});
