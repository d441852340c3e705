import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseThroughApi, ON_POSTGRES, signIn, startE2e } from './harness.ts';

// Screens over an API whose behaviour on PostgreSQL the unit tests check there: walked on the embedded pass.
describe.skipIf(ON_POSTGRES)('list matching in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('uploads a births list, finds who is registered and turns the rest into follow-ups', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'supervisor@fvlwb.demo');
    await caseThroughApi(page, e2e.baseUrl); // registers Садыкова Айгерим, born 1990-03-14
    await page.getByRole('link', { name: 'List matching' }).click();
    await page.getByLabel('Name of the list').fill('Births, Kara-Suu maternity');
    const rows = [
      'id,first_name,last_name,patronymic,sex,date_of_birth',
      'M-1,Aigerim,Sadykova,,female,1990-03-14',
      'M-2,Begimai,Toktosunova,,female,2026-02-02',
    ];
    await page.locator('input[type=file]').setInputFiles({
      name: 'births.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${rows.join('\n')}\n`),
    });
    const card = page.getByTestId('list-card').first();
    await card.getByRole('button', { name: 'Show rows' }).waitFor();
    expect(await card.getByTestId('list-unmatched').textContent()).toBe('Not found: 1');
    await card.getByRole('button', { name: 'Show rows' }).click();
    await card.getByTestId('list-rows').getByText('Toktosunova Begimai').waitFor();
    await card.getByLabel('M-2').check();
    await card.getByLabel('Follow-up by').click();
    await page.getByRole('option', { name: 'Eldiyar Sadykov' }).click();
    await card.getByLabel('By', { exact: true }).fill('2026-12-20');
    await card.getByTestId('create-follow-ups').click();
    await card.getByTestId('list-rows').getByText('2026-12-20').waitFor();
    await card.getByRole('button', { name: 'Found', exact: true }).click();
    await card.getByTestId('list-rows').getByText('Sadykova Aigerim').waitFor();

    // The field worker finds the task on the first screen and closes it.
    const field = await e2e.newPage();
    await signIn(field, e2e.baseUrl, 'field@fvlwb.demo');
    const tasks = field.getByTestId('my-follow-ups');
    await tasks.getByText('Toktosunova Begimai').waitFor();
    await tasks.getByRole('button', { name: 'Done' }).click();
    await tasks.waitFor({ state: 'detached' });
  });
});
