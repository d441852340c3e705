import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo.seed.ts';
import { signIn, startE2e } from './harness.ts';

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

  it('says at once that a page is not open to the role, or does not exist, asking the server nothing', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'viewer@fvlwb.demo');
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/persons') || r.url().includes('/api/audit')) asked.push(r.url());
    });
    for (const path of ['/persons', '/persons/new', '/audit']) {
      await page.goto(`${e2e.baseUrl}${path}`);
      await page
        .getByTestId('forbidden-page')
        .getByText('Your role (Viewer) does not open this page.', { exact: false })
        .waitFor();
      expect(await page.getByRole('button', { name: 'Register a person' }).count()).toBe(0);
    }
    expect(asked).toEqual([]);
    // The roles table says why: a viewer reads results, and nothing of people.
    await page.goto(`${e2e.baseUrl}/roles`);
    const row = page.getByTestId('permission-person.read');
    await row.getByText('See people').waitFor();
    expect(await row.locator('td').nth(7).textContent()).toBe('—');
    expect(await page.getByTestId('permission-results.read').locator('td').nth(7).textContent()).toBe(
      'Organisation',
    );

    await page.goto(`${e2e.baseUrl}/no-such-page`);
    await page.getByTestId('not-found-page').getByText('No such page').waitFor();
    await page.getByRole('link', { name: 'Back to the first screen' }).click();
    await page.getByTestId('welcome').waitFor();
  });

  it('lets an administrator change the organisation; a stale change is refused, the home shows the new name', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'admin@fvlwb.demo');
    const me = await (await page.request.get(`${e2e.baseUrl}/api/auth/me`)).json();
    const before = await (await page.request.get(`${e2e.baseUrl}/api/organisations/${me.user.orgId}`)).json();
    await page.goto(`${e2e.baseUrl}/organisations`);
    await page.getByTestId('edit-organisation').first().click();
    const form = page.getByTestId('organisation-form');
    await form.getByLabel('Name').fill(`${before.name} (Osh)`);
    await form.getByTestId('save-organisation').click();
    await form.waitFor({ state: 'detached' });
    const after = await (await page.request.get(`${e2e.baseUrl}/api/organisations/${me.user.orgId}`)).json();
    expect(after).toMatchObject({
      name: `${before.name} (Osh)`,
      version: before.version + 1,
      type: before.type,
    });
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByText(`${before.name} (Osh)`, { exact: false }).first().waitFor();
    // The same form over the old version: refused, with the reason on the form, nothing written.
    const stale = await page.request.patch(`${e2e.baseUrl}/api/organisations/${me.user.orgId}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { version: before.version, name: 'Overwritten' },
    });
    expect(stale.status()).toBe(409);
  });

  it('lets an administrator word an intake criterion in several languages, each user reading their own', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'admin@fvlwb.demo');
    await page.goto(`${e2e.baseUrl}/organisations`);
    const create = page.getByTestId('new-criterion');
    await create.getByLabel('Code').fill('lives_in_district');
    await create.getByRole('button', { name: 'Create' }).click();
    // No wording in any language: said beside the fields, nothing created.
    await create.getByText('Write the wording in at least one language.').waitFor();
    await create.getByLabel('English').fill('Lives in a pilot district');
    await create.getByLabel('Русский').fill('Живёт в пилотном районе');
    await create.getByRole('button', { name: 'Create' }).click();
    const row = page.getByTestId('criterion-lives_in_district');
    await row.getByText('Lives in a pilot district').waitFor();
    expect(await row.textContent()).toContain('Not yet written in: Кыргызча');

    await row.getByRole('button', { name: 'Edit the wording of lives_in_district' }).click();
    await row.getByLabel('Кыргызча').fill('Пилоттук райондо жашайт');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByRole('button', { name: 'Edit the wording of lives_in_district' }).waitFor();
    expect(await row.textContent()).not.toContain('Кыргызча');
    await page.getByTestId('language-switch').selectOption('ky');
    await row.getByText('Пилоттук райондо жашайт').waitFor();
    await page.getByTestId('language-switch').selectOption('ru');
    await row.getByText('Живёт в пилотном районе').waitFor();
    await page.getByTestId('language-switch').selectOption('en');
  });

  it('lets an administrator add a field worker to an office, who signs in; disabled, they no longer can', async () => {
    const admin = await e2e.newPage();
    await signIn(admin, e2e.baseUrl, 'admin@fvlwb.demo');
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByTestId('new-user').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Email').fill('aziza.field@fvlwb.demo');
    await dialog.getByLabel('Name').fill('Aziza Field');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await admin.getByRole('option', { name: 'Field worker' }).click();
    await dialog.getByRole('combobox', { name: 'Office' }).click();
    await admin.getByRole('listbox').getByRole('option').nth(1).click();
    // Too short is refused by the form; long enough but common, by the server: both beside the field.
    await dialog.getByLabel('Initial password').fill('password1');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('Enter at least 12 characters.').waitFor();
    await dialog.getByLabel('Initial password').fill('password1234');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('This password is too easy to guess.', { exact: false }).waitFor();
    await dialog.getByLabel('Initial password').fill('Tuz-Kol-Baliq-2026!');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = admin
      .getByTestId('users-table')
      .getByRole('row')
      .filter({ hasText: 'aziza.field@fvlwb.demo' });
    expect(await row.textContent()).toContain('Field worker');

    const worker = await e2e.newPage();
    await worker.goto(`${e2e.baseUrl}/login`);
    await worker.getByTestId('language-switch').selectOption('en');
    await worker.getByLabel('Email', { exact: true }).fill('aziza.field@fvlwb.demo');
    await worker.getByLabel('Password', { exact: true }).fill('Tuz-Kol-Baliq-2026!');
    await worker.getByTestId('login-submit').click();
    await worker.getByTestId('welcome').waitFor();
    await worker.getByText('Aziza Field').first().waitFor();

    await row.getByRole('button', { name: 'Actions' }).click();
    await admin.getByRole('menuitem', { name: 'Edit' }).click();
    await admin.getByRole('dialog').getByLabel('Disabled').check();
    await admin.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await row.getByText('Disabled').waitFor();
    const again = await e2e.newPage();
    await again.goto(`${e2e.baseUrl}/login`);
    await again.getByTestId('language-switch').selectOption('en');
    await again.getByLabel('Email', { exact: true }).fill('aziza.field@fvlwb.demo');
    await again.getByLabel('Password', { exact: true }).fill('Tuz-Kol-Baliq-2026!');
    await again.getByTestId('login-submit').click();
    await again.getByRole('alert').waitFor();
    expect(await again.getByTestId('welcome').count()).toBe(0);
  });
});
