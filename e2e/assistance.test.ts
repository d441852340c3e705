import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseThroughApi, ON_POSTGRES, signIn, startE2e } from './harness.ts';

// Screens over an API the unit tests run on PostgreSQL too: walked on the embedded pass.
describe.skipIf(ON_POSTGRES)('assistance in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('a field worker asks for cash in two instalments; above the threshold the supervisor cannot approve, the administrator does; it is handed over, followed up and counted in the results', async () => {
    const admin = await e2e.newPage();
    await signIn(admin, e2e.baseUrl, 'admin@fvlwb.demo');
    await admin.goto(`${e2e.baseUrl}/assistance`);
    const thresholds = admin.getByTestId('assistance-thresholds');
    await thresholds.getByLabel('KGS').fill('5000');
    await thresholds.getByTestId('thresholds-save').click();

    const field = await e2e.newPage();
    await signIn(field, e2e.baseUrl, 'field@fvlwb.demo');
    const c = await caseThroughApi(field, e2e.baseUrl);
    const person = (await (await field.request.get(`${e2e.baseUrl}/api/cases/${c.id}`)).json()).persons[0];
    await field.getByRole('link', { name: 'Assistance' }).click();
    await field.getByTestId('assistance-add').click();
    const form = field.getByTestId('assistance-form');
    await form.getByTestId('assistance-person').fill(person.familyName);
    await field
      .getByRole('option', { name: new RegExp(person.familyName) })
      .first()
      .click();
    await form.getByLabel('Purpose').click();
    await field.getByRole('option', { name: 'Medical' }).click();
    // Cash without an amount is refused beside the amount, in words.
    await form.getByTestId('assistance-save').click();
    await form.getByText('Say how much: cash and grants have an amount.').waitFor();
    await form.getByLabel('Amount').fill('8000');
    await form.getByLabel('Instalments').fill('2');
    await form
      .getByLabel('Why (kept sealed)')
      .fill('Treatment of a broken arm after detention at the border');
    await form.getByTestId('assistance-save').click();
    await field.getByTestId('assistance-status').getByText('Waiting for a decision').waitFor();
    expect(await field.getByTestId('assistance-decision').count()).toBe(0);
    const url = field.url();

    const supervisor = await e2e.newPage();
    await signIn(supervisor, e2e.baseUrl, 'supervisor@fvlwb.demo');
    await supervisor.goto(url);
    await supervisor.getByText('Above the organisation’s threshold: an administrator approves it.').waitFor();
    expect(await supervisor.getByTestId('assistance-decision').count()).toBe(0);

    await admin.goto(url);
    await admin.getByLabel('Note for the one who asked').fill('Hospital estimate seen');
    await admin.getByTestId('assistance-approve').click();
    await admin.getByTestId('assistance-status').getByText('Approved').waitFor();

    await field.reload();
    await field.getByTestId('assistance-give').click();
    await field.getByTestId('assistance-status').getByText('Partly handed over').waitFor();
    await field.getByRole('button', { name: 'Record instalment 2 of 2 as handed over' }).click();
    await field.getByTestId('assistance-status').getByText('Handed over', { exact: true }).waitFor();
    expect(await field.getByTestId('assistance-distributions').textContent()).toMatch(
      /4[\s,.]?000 KGS.*4[\s,.]?000 KGS/,
    );
    const followUp = field.getByTestId('assistance-monitoring-form');
    await followUp.getByText('Partly received').click();
    await followUp
      .getByLabel('What the person said (kept sealed)')
      .fill('The clinic took half; the rest paid the rent');
    await followUp.getByTestId('assistance-monitoring-save').click();
    await field
      .getByTestId('assistance-monitoring')
      .getByText('The clinic took half; the rest paid the rent')
      .waitFor();

    // The person's page lists the help they were given.
    await field.goto(`${e2e.baseUrl}/persons/${person.id}`);
    await field.getByTestId('person-assistance').getByText('Handed over', { exact: true }).waitFor();

    // The results count one family and one person reached, medical help of 8 000 som.
    const me = await e2e.newPage();
    await signIn(me, e2e.baseUrl, 'me@fvlwb.demo');
    await me.getByRole('link', { name: 'Results' }).click();
    await me.getByRole('tab', { name: 'Assistance' }).click();
    const totals = me.getByTestId('assistance-totals');
    expect(await totals.getByTestId('families-reached').textContent()).toBe('1');
    expect(await totals.getByTestId('individuals-reached').textContent()).toBe('1');
    await totals.getByText('grants: 1').first().waitFor();
  });
});
