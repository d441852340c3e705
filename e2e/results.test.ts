import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startE2e } from './harness.ts';

describe('results in Chromium', () => {
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

    await page.getByTestId('report-pdf').click();
    const link = page.getByTestId('report-download');
    await link.waitFor({ timeout: 60_000 });
    const href = await link.getAttribute('href');
    const pdf = await page.request.get(`${e2e.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
