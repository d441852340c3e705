import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo.seed.ts';
import { startE2e } from './harness.ts';

describe('signing in, switching language, signing out (Chromium)', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('shows a clear error for a wrong password', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/`);
    await page.waitForURL('**/login');
    await page.getByLabel('Email', { exact: true }).fill('admin@fvlwb.demo');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('error').textContent()).resolves.toContain('Wrong email or password');
  });

  it('signs in, switches to Russian and to Dari (right to left), and signs out', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/`);
    await page.waitForURL('**/login');
    await page.getByLabel('Email', { exact: true }).fill('admin@fvlwb.demo');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();

    await page.getByTestId('welcome').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toBe('Aigul Toktosunova');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');

    await page.getByTestId('language-switch').selectOption('ru');
    await page.getByRole('link', { name: 'Пользователи' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.getByRole('link', { name: 'Пользователи' }).click();
    await page.getByTestId('users-table').getByText('Nurzat Mamatova').waitFor();
    expect(await page.getByRole('columnheader', { name: 'Роль' }).count()).toBe(1);

    await page.getByTestId('language-switch').selectOption('fa-AF');
    await page.getByRole('link', { name: 'کاربران' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // Dari is translated whole: no notice, and the table speaks Dari too.
    expect(await page.getByRole('columnheader', { name: 'نقش' }).count()).toBe(1);
    expect(await page.getByTestId('partial-translation').count()).toBe(0);
    // The navbar sits on the right in a right-to-left layout.
    const nav = await page.locator('nav').boundingBox();
    const viewport = page.viewportSize();
    expect(nav && viewport && nav.x > viewport.width / 2).toBe(true);

    await page.getByTestId('language-switch').selectOption('ky');
    await page.getByRole('link', { name: 'Колдонуучулар' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Ролу' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');

    await page.getByTestId('sign-out').click();
    await page.waitForURL('**/login');
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });

  it('lets an administrator see the audit trail of those sign-ins and verify the chain', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    // A language chosen before signing in wins over the one saved in the user's profile (Russian here).
    await page.getByTestId('language-switch').selectOption('en');
    await page.getByLabel('Email', { exact: true }).fill('admin@fvlwb.demo');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome').waitFor();
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByTestId('audit-table').getByText('auth.login_failed').first().waitFor();
    await page.getByTestId('verify-chain').click();
    await expect(page.getByTestId('verify-result').textContent()).resolves.toMatch(/intact/);
    // The administrator keeps a signed copy of the chain's head, away from the server.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-checkpoint').click(),
    ]);
    const checkpoint = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(checkpoint).toMatchObject({
      chainSeq: expect.any(Number),
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
