import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES, signIn, startE2e } from './harness.ts';

// Screens over an API whose behaviour on PostgreSQL the unit tests check there: walked on the embedded pass.
describe.skipIf(ON_POSTGRES)('results in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('sets up the indicators, shows key figures and the map, and produces the PDF report', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'me@fvlwb.demo');
    await page.getByRole('link', { name: 'Results' }).click();
    await page.getByRole('button', { name: "Add the report's and the programme's indicators" }).click();
    const asylum = page.getByTestId('indicator-1.1');
    await asylum.getByText('Proportion of people seeking international protection').waitFor();

    await page.getByRole('tab', { name: 'Key figures' }).click();
    await page.getByTestId('results-map').locator('path.leaflet-interactive').first().waitFor();
    await page.getByTestId('chart-sex-age').locator('canvas').waitFor();
    // Each chart says what it counts; the months are Gregorian, and it says so.
    const year = new Date().getFullYear();
    await page.getByText(`People given legal aid, by sex and age, ${year}`).waitFor();
    await page.getByText(`Month by month, ${year} (Gregorian calendar)`).waitFor();

    // When the figures were read, and from where: the main database here, as there is no replica.
    await expect
      .poll(() => page.getByTestId('read-source').first().getAttribute('data-from'))
      .toBe('primary');
    expect(await page.getByTestId('read-source').first().textContent()).toMatch(/^Figures as of .+\.$/);

    await page.getByTestId('report-pdf').click();
    const link = page.getByTestId('report-download');
    await link.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('read-source').count()).toBe(2);
    const href = await link.getAttribute('href');
    const pdf = await page.request.get(`${e2e.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('lets the M&E officer set a target and an entered actual, and shows the progress', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'me@fvlwb.demo');
    await page.getByRole('link', { name: 'Results' }).click();
    const year = new Date().getFullYear();
    // Run alone, this test sets the indicators up itself.
    const setUp = page.getByRole('button', { name: "Add the report's and the programme's indicators" });
    await page.getByTestId('indicator-1.1').or(setUp).first().waitFor();
    if (await setUp.isVisible()) await setUp.click();
    const referrals = page.getByTestId('indicator-P2');
    await referrals.waitFor();
    await referrals.getByTestId('edit-values-P2').click();
    const editor = referrals.getByTestId('values-editor-P2');
    await editor.getByLabel('Baseline').fill('0');
    await editor.getByLabel(`Target (${year})`).fill('40');
    // The records count a computed indicator's actual: the editor offers none.
    expect(await editor.getByLabel(`Actual (${year})`).count()).toBe(0);
    await editor.getByTestId('save-values').click();
    await editor.waitFor({ state: 'detached' });
    await referrals.getByRole('cell', { name: '40', exact: true }).waitFor();

    // An entered indicator takes its actual from the officer, and progress follows.
    const entered = page.locator('[data-testid^="indicator-"]').filter({ hasText: 'Entered' }).first();
    const code = (await entered.getAttribute('data-testid'))?.replace('indicator-', '') ?? '';
    await entered.getByTestId(`edit-values-${code}`).click();
    const form = entered.getByTestId(`values-editor-${code}`);
    await form.getByLabel('Baseline').first().fill('10');
    await form.getByLabel(`Target (${year})`).first().fill('20');
    await form.getByLabel(`Actual (${year})`).first().fill('15');
    await form.getByTestId('save-values').click();
    await form.waitFor({ state: 'detached' });
    await entered.getByText('50%').first().waitFor();
  }, 120_000);

  it('lets the M&E officer delete a budget line entered by mistake, after asking', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'me@fvlwb.demo');
    await page.getByRole('link', { name: 'Results' }).click();
    await page.getByRole('tab', { name: 'Budget' }).click();
    await page.getByLabel('Code').fill('OA9');
    await page.getByLabel('Title').fill('Entered by mistake');
    await page.getByRole('button', { name: 'Save line' }).click();
    const table = page.getByTestId('budget-table');
    await table.getByText('OA9: Entered by mistake').waitFor();
    await table.getByTestId('delete-budget-OA9').click();
    // Asked in the user's language; cancelling keeps the line.
    const asked = page.getByRole('dialog', { name: 'Delete the line OA9: Entered by mistake' });
    await asked.getByText('The audit trail keeps its figures.', { exact: false }).waitFor();
    await asked.getByRole('button', { name: 'Cancel' }).click();
    await asked.waitFor({ state: 'detached' });
    await table.getByText('OA9: Entered by mistake').waitFor();
    await table.getByTestId('delete-budget-OA9').click();
    await page.getByTestId('confirm-delete').click();
    await table.getByText('OA9: Entered by mistake').waitFor({ state: 'detached' });
  });

  it('lets the M&E officer write the report’s narrative section by section, kept after a reload', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'me@fvlwb.demo');
    await page.goto(`${e2e.baseUrl}/results`);
    await page.getByRole('tab', { name: 'Narrative' }).click();
    await page.getByLabel('New section (area)').fill('OA2: Access to legal aid');
    await page.getByRole('button', { name: 'Add section' }).click();
    const section = page.getByLabel('OA2: Access to legal aid');
    await section.waitFor();
    await section.fill('Mobile clinics reached four border villages in Batken.');
    await page.getByRole('button', { name: 'Save section' }).click();
    await page.getByRole('button', { name: 'Save section' }).and(page.locator('[disabled]')).waitFor();
    await page.reload();
    await page.getByRole('tab', { name: 'Narrative' }).click();
    expect(await page.getByLabel('OA2: Access to legal aid').inputValue()).toBe(
      'Mobile clinics reached four border villages in Batken.',
    );
  });
});
