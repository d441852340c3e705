import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES, screensToWalk, settled, signIn, startE2e, walkingPage } from './harness.ts';

/** Serious and critical findings of axe-core (WCAG 2 A and AA rules) on a page as it stands. */
async function findings(page: Parameters<typeof signIn>[0], where: string) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`);
}

// What a screen looks like does not depend on the database under the API: checked on the
// embedded one, not again on the PostgreSQL pass.
describe.skipIf(ON_POSTGRES)('accessibility of every screen (axe-core in Chromium)', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('finds no serious or critical violation on any screen, left to right and in Dari', async () => {
    const login = await e2e.newPage();
    await login.goto(`${e2e.baseUrl}/login`);
    await login.getByTestId('login-submit').waitFor();
    const found = await findings(login, '/login');

    const page = await walkingPage(e2e);
    await signIn(page, e2e.baseUrl, 'admin@fvlwb.demo');
    const paths = (await screensToWalk(page, e2e.baseUrl)).all;
    for (const locale of ['en', 'fa-AF']) {
      await page.getByTestId('language-switch').selectOption(locale);
      for (const path of paths) {
        await page.goto(`${e2e.baseUrl}${path}`);
        await page
          .getByRole('button', { name: /menu|منو/i })
          .or(page.locator('main'))
          .first()
          .waitFor();
        await settled(page);
        found.push(...(await findings(page, `${locale} ${path}`)));
      }
    }
    expect(found).toEqual([]);
  }, 300_000);
});
