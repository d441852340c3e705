import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES, signIn, startE2e } from './harness.ts';

// The one-laptop office's backups, on the embedded database they are made for.
describe.skipIf(ON_POSTGRES)('backups in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('lets the operator take a backup now and download the sealed archive; says when the key is missing', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'operator@komek.demo');
    await page.getByRole('link', { name: 'Backups' }).click();
    // Without a key nothing can be sealed: the page says what to ask for, the button waits.
    await page.getByTestId('backup-no-key').waitFor();
    expect(await page.getByTestId('backup-now').isDisabled()).toBe(true);
    await page.getByText('No backups yet.').waitFor();

    e2e.config.backupKey = randomBytes(32).toString('base64');
    e2e.config.backupKeep = 3;
    await page.reload();
    await page
      .getByText('Not scheduled: backups are taken only when asked here; the newest 3 are kept.')
      .waitFor();
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-row').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('backup-row').count()).toBe(1);
    const link = page.getByTestId('backup-row').getByRole('link', { name: 'Download' });
    const archive = await page.request.get(`${e2e.baseUrl}${await link.getAttribute('href')}`);
    expect(archive.status()).toBe(200);
    expect((await archive.body()).subarray(0, 8).toString()).toBe('KOMEKBK2');

    // A backup that fails is said, in words, and the button is free again.
    const good = e2e.config.backupKey;
    e2e.config.backupKey = 'not 32 bytes';
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-failed').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('backup-failed').textContent()).toMatch(
      /^The backup of .+ failed: no archive was written\./,
    );
    await expect.poll(() => page.getByTestId('backup-now').isEnabled()).toBe(true);
    e2e.config.backupKey = good;

    // On a phone, in Kyrgyz: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('language-switch').selectOption('ky');
    await page.getByRole('heading', { name: 'Камдык көчүрмөлөр' }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    // In Dari, right to left, worded for a person, and without serious accessibility findings.
    await page.getByTestId('language-switch').selectOption('fa-AF');
    await page.getByRole('heading', { name: 'نسخه‌های پشتیبان' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  }, 120_000);
});
