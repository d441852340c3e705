import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseThroughApi, ON_POSTGRES, signIn, startE2e } from './harness.ts';

// Screens over an API the unit tests run on PostgreSQL too: walked on the embedded pass.
describe.skipIf(ON_POSTGRES)('screening in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('a lawyer screens a migrant, sees a high risk with its reasons, refers her to a shelter; the case is hidden from an administrator not named on it and listed for the supervisor', async () => {
    const lawyer = await e2e.newPage();
    await signIn(lawyer, e2e.baseUrl, 'lawyer@fvlwb.demo');
    const c = await caseThroughApi(lawyer, e2e.baseUrl);
    await lawyer.goto(`${e2e.baseUrl}/cases/${c.id}`);
    await lawyer.getByTestId('screen-button').click();
    const form = lawyer.getByTestId('screening-form');
    const risk = form.getByTestId('screening-risk');
    expect(await risk.getAttribute('data-level')).toBe('low');
    await form.getByTestId('indicator-documents_withheld').getByText('Yes').click();
    expect(await risk.getAttribute('data-level')).toBe('medium');
    await form.getByTestId('indicator-movement_restricted').getByText('Yes').click();
    await form.getByTestId('indicator-pregnancy').getByText('Yes').click();
    // The level and its reasons change as the answers come in, before anything is saved.
    expect(await risk.getAttribute('data-level')).toBe('high');
    await risk.getByText('Two or more signs of control over the person').waitFor();
    await form.getByTestId('screening-needs').getByLabel('Shelter').check();
    await form
      .getByLabel('What the person said, in their words')
      .fill('The employer in the greenhouse keeps her passport and locks the dormitory at night');
    await form.getByTestId('screening-save').click();

    const page = lawyer.getByTestId('screening-risk');
    await page.getByText('Risk: High').waitFor();
    await page.getByText('Documents withheld — 3 points').waitFor();
    await lawyer.getByText('The employer in the greenhouse keeps her passport').waitFor();

    await lawyer.getByTestId('refer-shelter').click();
    const referral = lawyer.getByTestId('referral-form');
    expect(await referral.getByLabel('Need', { exact: true }).inputValue()).toContain(
      'Shelter for a person identified',
    );
    await referral.getByTestId('referral-service').click();
    await lawyer.getByRole('option', { name: /Temporary shelter for victims of trafficking/ }).click();
    await referral.getByLabel('How to contact').fill('Through the lawyer, +996 555 000 101');
    await referral.getByLabel('What the person agreed to').fill('Her name, for a place in the shelter');
    await referral.getByRole('button', { name: 'Send referral' }).click();
    await lawyer.waitForURL(/\/referrals\//);

    // The case now says it is restricted and who is named on it.
    await lawyer.goto(`${e2e.baseUrl}/cases/${c.id}`);
    await lawyer.getByTestId('case-restricted-badge').waitFor();
    await lawyer
      .getByTestId('case-members-names')
      .getByText(/Nurzat Mamatova/)
      .waitFor();

    // An administrator works across the organisation but is not named: the case does not exist for them.
    const admin = await e2e.newPage();
    await signIn(admin, e2e.baseUrl, 'admin@fvlwb.demo');
    await admin.goto(`${e2e.baseUrl}/cases/${c.id}`);
    await admin.getByTestId('error').waitFor();
    expect(await admin.getByTestId('case-number').count()).toBe(0);

    const supervisor = await e2e.newPage();
    await signIn(supervisor, e2e.baseUrl, 'supervisor@fvlwb.demo');
    await supervisor.getByRole('link', { name: 'Screenings' }).click();
    await supervisor.getByTestId('screening-risk-filter').click();
    await supervisor.getByRole('option', { name: 'High' }).click();
    await supervisor.getByTestId('screening-list').getByText(c.caseNumber).click();
    await supervisor.getByTestId('screening-risk').getByText('Risk: High').waitFor();
  });
});
