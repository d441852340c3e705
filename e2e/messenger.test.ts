import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeItems, notifications, users } from '../apps/server/src/db/schema/index.ts';
import { signIn, startE2e } from './harness.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../apps/server/src/modules/messenger/fixtures/${name}`, import.meta.url));

describe('district messenger groups in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('imports a group’s WhatsApp export, says who writes, and turns a detention message into an emergency request', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'admin@fvlwb.demo');
    await page.getByRole('link', { name: 'District groups' }).click();
    const form = page.getByTestId('new-group');
    await form.getByLabel('Group name').fill('Кара-Суу: правовая помощь');
    await form.getByLabel('District', { exact: true }).click();
    await page.getByRole('option', { name: 'Kara-Suu District' }).click();
    await form.getByTestId('create-group').click();
    const card = page.getByTestId('messenger-group');
    await card.waitFor();

    await card.locator('input[type=file]').setInputFiles({
      name: 'WhatsApp Chat with Кара-Суу.txt',
      mimeType: 'text/plain',
      buffer: fixture('whatsapp-android-ru.txt'),
    });
    await card.getByTestId('import-result').getByText('13 messages read: 13 new, 0 already here.').waitFor();
    // The same export again adds nothing.
    await card.locator('input[type=file]').setInputFiles({
      name: 'WhatsApp Chat with Кара-Суу.txt',
      mimeType: 'text/plain',
      buffer: fixture('whatsapp-android-ru.txt'),
    });
    await card.getByTestId('import-result').getByText('13 messages read: 0 new, 13 already here.').waitFor();

    // The lawyer who answers in the group is one of ours; the official is a working group member.
    await card.getByTestId('show-writers').click();
    const writers = card.getByTestId('group-writers');
    await writers
      .getByRole('row', { name: /Нургуль Ташиева/ })
      .getByLabel('Who they are')
      .click();
    await page.getByRole('option', { name: 'Our organisation' }).click();
    await writers
      .getByRole('row', { name: /Азамат Жолдошев/ })
      .getByLabel('Who they are')
      .click();
    await page.getByRole('option', { name: 'Working group member' }).click();
    // Messages, questions, advice given (the lawyer answering the public twice), mentoring (the
    // official's question after her, her answer, his thanks), requests made.
    const figures = page.getByTestId('group-figures').getByRole('row').nth(1).getByRole('cell');
    await expect
      .poll(() => figures.allTextContents())
      .toEqual(['Кара-Суу: правовая помощь', '10', '0', '2', '3', '0']);

    await page.getByTestId('open-inbox').click();
    const detained = page.getByTestId('inbox-message').filter({ hasText: 'задержали' });
    // Names and numbers are out of the stored text; the public writer is a number.
    await detained.getByText('Меня зовут […], мужа задержали', { exact: false }).waitFor();
    expect(await detained.textContent()).not.toContain('Гулнара');
    await detained.getByText('Writer 4').waitFor();
    await detained.getByTestId('make-request').click();
    await detained.getByRole('combobox', { name: 'Topics' }).click({ force: true });
    await page.getByRole('option', { name: /Border crossing/ }).click();
    await page.keyboard.press('Escape');
    await detained.getByLabel('In detention now').check();
    await detained.getByTestId('show-original').click();
    await detained.getByTestId('original-text').getByText('Гулнара Абдыкадырова', { exact: false }).waitFor();
    await detained.getByTestId('keep-contact').check();
    await detained.getByTestId('send-request').click();

    const item = page.getByTestId('intake-item');
    await item.getByTestId('intake-urgency').getByText('Emergency').waitFor();
    await item.getByTestId('intake-contact').getByText('+996 555 98 76 54', { exact: false }).waitFor();
    const [request] = await e2e.database.db
      .select()
      .from(intakeItems)
      .where(eq(intakeItems.channel, 'messenger'));
    expect(request).toMatchObject({ priority: 'emergency', districtId: 'KG-O-KARASUU', status: 'open' });
    // The lawyer on duty hears of it at once, by reference only.
    const [onDuty] = await e2e.database.db.select().from(users).where(eq(users.email, 'lawyer@fvlwb.demo'));
    const told = await e2e.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, onDuty!.id));
    expect(told.some((n) => n.kind === 'intake_emergency')).toBe(true);

    await page.goBack();
    await page
      .getByTestId('inbox-message')
      .filter({ hasText: 'задержали' })
      .getByTestId('message-status')
      .getByText('Request made')
      .waitFor();
  });

  it('records a question answered in the group as a consultation for a person registered from it', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'lawyer@fvlwb.demo');
    await page.goto(`${e2e.baseUrl}/messenger/inbox`);
    const birth = page.getByTestId('inbox-message').filter({ hasText: 'свидетельства о рождении' });
    await birth.getByTestId('record-consultation').click();
    const panel = birth.getByTestId('message-to-consultation');
    // The topic is asked for before anything is recorded.
    await panel.getByLabel('Family name', { exact: true }).fill('Бекова');
    await panel.getByLabel('Given name', { exact: true }).fill('Айжан');
    await panel.getByTestId('consultation-register-person').click();
    await panel.getByText('Choose the topic first.').waitFor();
    await panel.getByRole('combobox', { name: 'Topics' }).click({ force: true });
    await page.getByRole('option', { name: /birth registration/i }).click();
    await page.keyboard.press('Escape');
    await panel.getByTestId('consultation-register-person').click();
    await page.getByTestId('case-status').getByText('Intake').waitFor();
    await page.getByText('Messaging group', { exact: false }).first().waitFor();
  });

  it('refuses a broken export beside the button, in Kyrgyz, naming the line', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'lawyer@fvlwb.demo');
    await page.getByTestId('language-switch').selectOption('ky');
    await page.goto(`${e2e.baseUrl}/messenger`);
    const card = page.getByTestId('messenger-group').first();
    await card.locator('input[type=file]').setInputFiles({
      name: 'chat.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('14.03.2026, 10:17 - А: бир\n31.02.2026, 10:18 - А: эки\n'),
    });
    const refusal = card.getByTestId('import-refused');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('2-сап');
  });
});
