import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES, startE2e } from './harness.ts';

describe.skipIf(ON_POSTGRES)('a new version of the app', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e({ ownWebCopy: true });
  });
  afterAll(() => e2e?.close());

  it('is offered, and waits for the user instead of reloading under a half-filled form', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    for (let i = 0; i < 100 && !(await page.evaluate('!!navigator.serviceWorker.controller')); i++) {
      await page.waitForTimeout(200);
    }
    await page.getByLabel('Email', { exact: true }).fill('half-typed@example.org');

    // The server now has another build: its service worker differs by a byte.
    appendFileSync(join(e2e.webDist, 'sw.js'), '\n// the next version\n');
    await page.evaluate('navigator.serviceWorker.getRegistration().then((r) => r.update())');
    await page.getByTestId('update-ready').getByText('A new version of Komek is ready').waitFor();
    await page.waitForTimeout(1000);
    // Nothing reloaded by itself: what the user typed is still there, the new version waits.
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe('half-typed@example.org');
    expect(await page.evaluate('navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)')).toBe(
      true,
    );

    await page.getByRole('button', { name: 'Reload now' }).click();
    await page.getByTestId('login-submit').waitFor();
    for (
      let i = 0;
      i < 50 && (await page.evaluate('navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)'));
      i++
    ) {
      await page.waitForTimeout(200);
    }
    expect(await page.evaluate('navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)')).toBe(
      false,
    );
    await context.close();
  });
});
