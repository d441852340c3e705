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

    // A returnee born three years from the registered Aigerim: the model is unsure, a person decides.
    await page.getByLabel('Name of the list').fill('Returnees, Osh airport');
    await page.locator('input[type=file]').setInputFiles({
      name: 'returnees.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'id,first_name,last_name,patronymic,sex,date_of_birth\nQ-1,Aigerim,Sadykova,,female,1987\n',
      ),
    });
    const returnees = page.getByTestId('list-card').filter({ hasText: 'Returnees, Osh airport' });
    await returnees.getByRole('button', { name: 'Show rows' }).click();
    await returnees.getByRole('button', { name: 'To check', exact: true }).click();
    const pair = returnees.getByTestId('review-pair');
    await pair.getByText('Sadykova Aigerim').waitFor();
    await pair.getByRole('link', { name: 'Садыкова Айгерим' }).waitFor();
    await pair.getByTestId('match-findings').getByText('Date of birth: years a few apart').waitFor();
    await pair.getByTestId('match-findings').getByText('Family name: same').waitFor();
    await pair.getByTestId('review-confirm').click();
    await returnees.getByText('Nothing left to check.').waitFor();
    await returnees.getByRole('button', { name: 'Found', exact: true }).click();
    await returnees.getByTestId('list-rows').getByText('Sadykova Aigerim').waitFor();

    // The field worker finds the task on the first screen and closes it.
    const field = await e2e.newPage();
    await signIn(field, e2e.baseUrl, 'field@fvlwb.demo');
    const tasks = field.getByTestId('my-follow-ups');
    await tasks.getByText('Toktosunova Begimai').waitFor();
    await tasks.getByRole('button', { name: 'Done' }).click();
    await tasks.waitFor({ state: 'detached' });
  });
});
