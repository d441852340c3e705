import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpNotices } from '../apps/server/src/db/schema/index.ts';
import { ON_POSTGRES, signIn, startE2e } from './harness.ts';

// Screens over an API the unit tests run on PostgreSQL too: walked on the embedded pass.
describe.skipIf(ON_POSTGRES)('checkpoint monitoring in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('an administrator adds a question; a field worker registers a checkpoint, records a visit with a finding, refers a person; the checkpoint closes with a public notice; the year counts it', async () => {
    const admin = await e2e.newPage();
    await signIn(admin, e2e.baseUrl, 'admin@fvlwb.demo');
    await admin.goto(`${e2e.baseUrl}/checkpoints`);
    const checklist = admin.getByTestId('monitoring-checklist');
    // Too short to be a question: refused beside the field, in words.
    await checklist.getByTestId('checklist-label').fill('Wc');
    await checklist.getByTestId('checklist-add').click();
    await checklist.getByText('at least 3', { exact: false }).waitFor();
    await checklist.getByTestId('checklist-label').fill('Separate room for women and children');
    await checklist.getByTestId('checklist-add').click();
    await checklist.getByText('Separate room for women and children').waitFor();

    const field = await e2e.newPage();
    await signIn(field, e2e.baseUrl, 'field@fvlwb.demo');
    await field.getByRole('link', { name: 'Checkpoints' }).click();
    // The field worker does not keep the checklist.
    expect(await field.getByTestId('monitoring-checklist').count()).toBe(0);
    await field.getByTestId('checkpoint-add').click();
    const form = field.getByTestId('checkpoint-form');
    await form.getByLabel('Name', { exact: true }).fill('Kyzyl-Kiya');
    await form.getByLabel('Country', { exact: true }).click();
    await field.getByRole('option', { name: 'Kyrgyzstan' }).click();
    await form.getByLabel('Border', { exact: true }).click();
    await field.getByRole('option', { name: /Kyrgyzstan – Uzbekistan/ }).click();
    await form.getByTestId('checkpoint-save').click();
    await field.getByTestId('checkpoint-status').getByText('Open').waitFor();

    await field.getByTestId('visit-add').click();
    const visit = field.getByTestId('visit-form');
    await visit.getByLabel('Team', { exact: true }).fill('Aida Tokonova');
    await visit.getByLabel('Team', { exact: true }).press('Enter');
    const refoulement = visit.getByTestId('visit-finding').filter({ hasText: 'Risk of refoulement' });
    await refoulement.getByText('Yes', { exact: true }).click();
    await refoulement.getByRole('textbox').fill('A young man told to go back over the bridge');
    const own = visit.getByTestId('visit-finding').filter({ hasText: 'Separate room for women' });
    await own.getByText('Partly', { exact: true }).click();
    await visit.getByLabel('Sought protection').fill('2');
    // More reaching the procedure than asked for protection: refused beside the field.
    await visit.getByLabel('Reached the asylum procedure').fill('3');
    await visit.getByTestId('visit-save').click();
    await visit.getByText('More people cannot have reached', { exact: false }).waitFor();
    await visit.getByLabel('Reached the asylum procedure').fill('1');
    await visit.getByLabel('Sent back').fill('1');
    await visit.getByTestId('visit-save').click();
    const findings = field.getByTestId('visit-findings');
    await findings.getByText('A young man told to go back over the bridge').waitFor();
    expect(await findings.textContent()).toContain('Separate room for women and children');

    // The young man sent back is referred: registered, with an emergency case of his own.
    await field.getByTestId('visit-open-case').click();
    await field.getByLabel('Family name', { exact: true }).fill('Noori');
    await field.getByLabel('Given name', { exact: true }).fill('Rahmatullah');
    await field.getByTestId('visit-register-person').click();
    await field.getByTestId('case-status').waitFor();
    await field.goBack();
    await field.getByTestId('visit').getByRole('link', { name: 'Open the case' }).waitFor();

    // The administrator closes the checkpoint and tells travellers on the help site.
    await admin.goto(`${e2e.baseUrl}/checkpoints`);
    await admin.getByTestId('checkpoints-table').getByText('Kyzyl-Kiya').click();
    const status = admin.getByTestId('checkpoint-status-form');
    await status.getByLabel('New status').click();
    await admin.getByRole('option', { name: 'Closed' }).click();
    await status.getByTestId('checkpoint-status-note').fill('Closed by the border service for repairs');
    await status.getByTestId('checkpoint-notice').check();
    await status.getByLabel('Notice title').fill('Kyzyl-Kiya crossing closed');
    await status
      .getByLabel('What travellers should know')
      .fill('The crossing is closed for repairs; use Dostuk instead.');
    await status.getByTestId('checkpoint-status-save').click();
    await admin.getByTestId('checkpoint-status').getByText('Closed').waitFor();
    await admin.getByTestId('checkpoint-history').getByText('Notice published on the help site').waitFor();
    const notices = await e2e.database.db.select().from(helpNotices).where(eq(helpNotices.countryCode, 'KG'));
    expect(notices.map((n) => n.texts.en?.title)).toContain('Kyzyl-Kiya crossing closed');

    // The year's figures: one visit to one checkpoint, one of two reached the procedure, one referred.
    await admin.goto(`${e2e.baseUrl}/checkpoints`);
    const figures = admin.getByTestId('monitoring-figures');
    await figures.getByText('visits: 1, checkpoints: 1').waitFor();
    expect(await figures.getByTestId('monitoring-access').textContent()).toBe('1 (50 %)');

    // The M&E officer takes the share for indicator 1.1 from the visits.
    const me = await e2e.newPage();
    await signIn(me, e2e.baseUrl, 'me@fvlwb.demo');
    await me.getByRole('link', { name: 'Results' }).click();
    await me.getByRole('button', { name: "Add the report's and the programme's indicators" }).click();
    const asylum = me.getByTestId('indicator-1.1');
    await asylum.getByTestId('edit-values-1.1').click();
    const share = asylum.getByTestId('monitoring-share');
    await share.getByText('1 of 2 people seeking protection reached the asylum procedure (50 %)').waitFor();
    await share.getByRole('button', { name: 'Use as the actual' }).click();
    await asylum.getByTestId('save-values').click();
    await asylum.getByTestId('values-editor-1.1').waitFor({ state: 'detached' });
    await asylum.getByTestId('actual-1.1-KG').getByText('50', { exact: false }).waitFor();
  });

  it('a field worker registers a measure in a border community, records what a resident said, and sees it on the incidents map', async () => {
    const field = await e2e.newPage();
    await signIn(field, e2e.baseUrl, 'field@fvlwb.demo');
    await field.getByRole('link', { name: 'Border community measures' }).click();
    await field.getByTestId('project-add').click();
    const form = field.getByTestId('project-form');
    await form.getByLabel('What', { exact: true }).fill('Rehabilitation of the Kök-Tash canal');
    await form.getByLabel('Who carries it out').fill('Batken water department');
    await form.getByLabel('Kind of body').click();
    await field.getByRole('option', { name: 'State body' }).click();
    await form.getByLabel('Sector').click();
    await field.getByRole('option', { name: 'Water and irrigation' }).click();
    await form.getByLabel('District').fill('Kadamjay');
    await field
      .getByRole('option', { name: /Kadamjay/ })
      .first()
      .click();
    await form.getByLabel('Starts').fill('2026-03-01');
    // A budget without its currency is refused beside the currency, in words.
    await form.getByLabel('Budget').fill('2400000');
    await form.getByTestId('project-save').click();
    await form.getByText('Say in which currency the budget is.').waitFor();
    await form.getByLabel('Currency').click();
    await field.getByRole('option', { name: 'KGS' }).click();
    await form.getByTestId('project-save').click();
    await field.getByTestId('project').waitFor();

    const feedback = field.getByTestId('feedback-form');
    await feedback.getByText('Against it', { exact: true }).click();
    await feedback.getByTestId('feedback-verbatim').fill('Nobody asked the village before the works');
    await feedback.getByTestId('feedback-save').click();
    await field
      .getByTestId('project-feedback')
      .getByText('Nobody asked the village before the works')
      .waitFor();
    await field.getByText('for: 0 · mixed: 0 · against: 1').waitFor();

    // On the incidents map the measure is a dashed blue ring beside the incidents.
    await field.getByRole('link', { name: 'Border incidents' }).click();
    await field.getByTestId('incident-map').locator('path.measure-marker').first().waitFor();
    await field.getByLabel('Show measures in border communities').uncheck();
    expect(await field.getByTestId('incident-map').locator('path.measure-marker').count()).toBe(0);
  });
});
