import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  caseAttachments,
  casePersons,
  cases,
  interventions,
  persons,
} from '../apps/server/src/db/schema/index.ts';
import { caseThroughApi, ON_POSTGRES, signIn, startE2e } from './harness.ts';
import { goOffline, goTo, profileHolds, storeAsText, storeCounts, unlock } from './offline-helpers.ts';

const FIELD = 'field@fvlwb.demo';
const PHOTO = fileURLToPath(new URL('../apps/web/public/icon-512.png', import.meta.url));

// Screens over an API whose behaviour on PostgreSQL the unit tests check there: walked on the embedded pass.
describe.skipIf(ON_POSTGRES)('field work offline, on a phone', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('opens offline, keeps four changes through a closed browser, and sends each exactly once', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'komek-phone-'));
    let phone = await e2e.phone(profile);
    let page = phone.pages()[0] ?? (await phone.newPage());
    await signIn(page, e2e.baseUrl, FIELD);
    // Someone already registered, so that the device can warn about a duplicate offline.
    await caseThroughApi(page, e2e.baseUrl);
    await goOffline(phone, page, FIELD);
    await page.getByTestId('welcome').waitFor();

    await goTo(page, 'People');
    await page.getByTestId('new-person').click();
    await page.getByLabel('Family name', { exact: true }).fill('Sadykova');
    await page.getByLabel('Given name', { exact: true }).fill('Aigerim');
    await page.getByTestId('duplicates-on-device').waitFor();
    await page.getByTestId('duplicates').getByText('Садыкова Айгерим').waitFor();
    await page.getByTestId('register-person').click();
    await page.getByTestId('person-name').getByText('Sadykova Aigerim').waitFor();
    const personId = page.url().split('/persons/')[1]!;

    await page.getByTestId('open-case').click();
    await page.getByRole('combobox', { name: 'Legal problems' }).click();
    await page.getByRole('option', { name: 'Nationality and statelessness' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('open-case-submit').click();
    await page.getByTestId('case-number').getByText('(numbered when sent)').waitFor();
    const caseId = page.url().split('/cases/')[1]!;
    await page.getByTestId('intervention-summary').fill('Explained late birth registration, in the village');
    await page.getByTestId('log-intervention').click();
    await page.getByText('Explained late birth registration, in the village').first().waitFor();
    // A document photographed with the phone's camera: made smaller and kept sealed until sent.
    const photo = page.waitForEvent('filechooser');
    await page.getByTestId('take-photo').click();
    await (await photo).setFiles(PHOTO);
    await page
      .getByTestId('attachment')
      .getByText(/^photo-.*\.jpg$/)
      .waitFor();
    await page.getByTestId('outbox-count').getByText('To send: 4').waitFor();

    // Nothing personal is readable in the store or on the disk without the key.
    const raw = await storeAsText(page);
    for (const name of ['Sadykova', 'Садыкова', 'Aigerim', 'late birth registration']) {
      expect(raw, name).not.toContain(name);
    }
    await phone.close();
    for (const name of ['Sadykova', 'Садыкова', 'late birth registration']) {
      expect(profileHolds(profile, name), name).toEqual([]);
    }

    // The browser is opened again, still offline: the changes are still there.
    phone = await e2e.phone(profile);
    page = phone.pages()[0] ?? (await phone.newPage());
    await phone.setOffline(true);
    await page.goto(`${e2e.baseUrl}/outbox`);
    // Every language is on the device: Dari opens offline, right to left.
    await page.getByTestId('language-switch').selectOption('fa-AF');
    await page.getByText('باز کردن کارِ نگه‌داری‌شده روی این دستگاه').waitFor();
    expect(await page.evaluate('document.documentElement.dir')).toBe('rtl');
    await page.getByTestId('language-switch').selectOption('en');
    await unlock(page, FIELD);
    await page.getByTestId('outbox-summary').getByText('Changes waiting to be sent: 4').waitFor();
    expect(await page.getByTestId('outbox-item').count()).toBe(4);

    // Back online, but the session ended while the phone was away (its cookie is gone): the
    // worker signs in again, and the outbox then goes under their name.
    await phone.clearCookies();
    await phone.setOffline(false);
    await page.getByTestId('login-submit').waitFor({ timeout: 20_000 });
    await signIn(page, e2e.baseUrl, FIELD);
    await page.goto(`${e2e.baseUrl}/outbox`);
    await page
      .getByTestId('outbox-summary')
      .getByText('Everything written on this device has been sent.')
      .waitFor({
        timeout: 30_000,
      });

    const { db } = e2e.database;
    expect(await db.select().from(persons).where(eq(persons.id, personId))).toHaveLength(1);
    expect(await db.select().from(cases).where(eq(cases.id, caseId))).toHaveLength(1);
    expect(await db.select().from(casePersons).where(eq(casePersons.personId, personId))).toHaveLength(1);
    const logged = await db.select().from(interventions).where(eq(interventions.caseId, caseId));
    expect(logged).toHaveLength(1);
    const files = await db.select().from(caseAttachments).where(eq(caseAttachments.caseId, caseId));
    expect(files).toHaveLength(1);
    expect(files[0]!.mimeType).toBe('image/jpeg');
    const audit = await db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entityId, [personId, caseId, logged[0]!.id]));
    for (const action of [
      'person.created',
      'case.opened',
      'case.intervention_logged',
      'case.attachment_added',
    ]) {
      const entries = audit.filter((a) => a.action === action);
      expect(entries, action).toHaveLength(1);
      // Each keeps when it was written on the phone, before the server had it.
      const writtenAt = Date.parse(String(entries[0]!.details.writtenAt));
      expect(writtenAt, action).toBeLessThan(entries[0]!.at.getTime());
    }
    // The case page now shows the number the organisation gave it.
    await page.goto(`${e2e.baseUrl}/cases/${caseId}`);
    await page
      .getByTestId('case-number')
      .getByText(/^\d{4}-\d+/)
      .waitFor();

    // Signing out leaves nothing of this user on the device.
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-submit').waitFor();
    expect(await storeCounts(page)).toEqual({ profiles: 0, answers: 0, outbox: 0 });
    await phone.close();
  });
});
