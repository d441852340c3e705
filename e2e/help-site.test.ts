import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeItems, notifications, users } from '../apps/server/src/db/schema/index.ts';
import { signIn, startE2e } from './harness.ts';

describe('the public help site in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('takes a request written in Dari on a phone into the organisation’s queue, and tells the lawyer on duty', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'fa-AF' });
    const phone = await context.newPage();
    await phone.goto(`${e2e.baseUrl}/help`);
    expect(await phone.getAttribute('html', 'dir')).toBe('rtl');
    // The demo organisations' published numbers, and a way to ask.
    await phone.getByText('+996 555 000 101').first().waitFor();
    await phone.getByRole('link', { name: 'درخواست مشوره' }).click();
    await phone.getByLabel('فرستادن به').selectOption({ index: 1 });
    await phone.getByLabel('موضوع سوال').selectOption('asylum_refugee_status');
    await phone.getByLabel('کسی بازداشت شده', { exact: false }).check();
    await phone
      .getByLabel('سوال شما')
      .fill('برادرم دیروز در سرحد بازداشت شد و می‌خواهند او را به افغانستان برگردانند.');
    await phone.getByLabel('شمارهٔ تلفن برای تماس').fill('+992 93 555 1234');
    // A person takes longer than a script to fill a form; the site refuses what comes at once.
    await phone.waitForTimeout(3_100);
    await phone.getByRole('button', { name: 'فرستادن' }).click();
    const sent = phone.getByRole('status');
    await sent.waitFor();
    const reference = await sent.getAttribute('data-reference');
    expect(reference).toMatch(/^Q\d{4}-\d{5}$/);
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    const [row] = await e2e.database.db
      .select()
      .from(intakeItems)
      .where(eq(intakeItems.reference, reference!));
    expect(row).toMatchObject({ channel: 'web', priority: 'emergency' });
    const [lawyer] = await e2e.database.db.select().from(users).where(eq(users.email, 'lawyer@fvlwb.demo'));
    const told = await e2e.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, lawyer!.id));
    expect(told.some((n) => n.kind === 'intake_emergency')).toBe(true);

    // The lawyer on duty finds it in the queue and reads it in Dari.
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'lawyer@fvlwb.demo');
    await page.getByRole('link', { name: 'Intake queue' }).click();
    await page.getByTestId('intake-table').getByText(reference!).click();
    await page.getByTestId('intake-item').getByText('برادرم دیروز', { exact: false }).waitFor();
    await page.getByTestId('intake-urgency').getByText('Emergency').waitFor();
  });

  it('publishes an article written in Kyrgyz after a supervisor’s review, and the public reads it on /help', async () => {
    const lawyer = await e2e.newPage();
    await signIn(lawyer, e2e.baseUrl, 'lawyer@fvlwb.demo');
    await lawyer.getByRole('link', { name: 'Public help site' }).click();
    await lawyer.getByTestId('new-article').click();
    const editor = lawyer.getByTestId('article-editor');
    await editor.getByLabel('Topic').click();
    await lawyer.getByRole('option', { name: 'Birth registration' }).click();
    await editor.getByRole('tab', { name: 'Кыргызча' }).click();
    await editor.getByLabel('Title in Кыргызча').fill('Үйдө төрөлгөн баланы каттоо');
    // Too short: said beside the field, in the reader's language, before anything is sent.
    await editor.getByLabel('Text in Кыргызча').fill('Кыска');
    await editor.getByTestId('save-article').click();
    await editor.getByText('Enter at least 20 characters.').waitFor();
    await editor
      .getByLabel('Text in Кыргызча')
      .fill('Үйдө төрөлгөн баланы айыл өкмөтүндө каттатса болот.\n\nФАПтын маалыматы же эки күбө керек.');
    await editor.getByTestId('save-article').click();
    const card = lawyer.getByTestId('help-article');
    await card.getByTestId('article-status').getByText('Draft').waitFor();
    await card.getByTestId('submit-article').click();
    await card.getByTestId('article-status').getByText('Waiting for review').waitFor();
    // The writer is offered no way to publish their own text.
    expect(await card.getByTestId('publish-article').count()).toBe(0);

    const supervisor = await e2e.newPage();
    await signIn(supervisor, e2e.baseUrl, 'supervisor@fvlwb.demo');
    await supervisor.goto(`${e2e.baseUrl}/help-content`);
    const review = supervisor.getByTestId('help-article');
    await review.getByTestId('publish-article').click();
    await review.getByTestId('article-status').getByText('Published').waitFor();

    const reader = await (await e2e.browser.newContext({ locale: 'ky' })).newPage();
    await reader.goto(`${e2e.baseUrl}/help`);
    expect(await reader.getAttribute('html', 'lang')).toBe('ky');
    await reader.getByRole('link', { name: 'Үйдө төрөлгөн баланы каттоо' }).click();
    await reader.getByText('Үйдө төрөлгөн баланы айыл өкмөтүндө каттатса болот.').waitFor();
    await reader.getByText('текшерилген', { exact: false }).waitFor();
  });
});
