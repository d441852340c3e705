import { LOCALES } from '@komek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseThroughApi,
  ON_POSTGRES,
  screensToWalk,
  settled,
  signIn,
  startE2e,
  until,
  walkingPage,
} from './harness.ts';

/** What a person should never read on a screen: i18n keys, enum codes, snake_case or district codes. */
const LEAKS: Array<[string, RegExp]> = [
  [
    'i18n key',
    /\b(enums|cases|persons|referrals|results|common|nav|lists|procedures|deadlines|services|users|audit|account|organisations|errors|issues|activities|rolesPage|permissions|orgTypes)\.[a-z][a-zA-Z_]*(\.[a-z][a-zA-Z_]*)*\b/,
  ],
  ['snake_case code', /\b[a-z]+_[a-z_]+\b/],
  ['district code', /\b[A-Z]{2}-[A-Z]{1,3}-[A-Z]{3,}\b/],
];

/**
 * Numbers joined by - . / or : (dates, times, case numbers) that follow Arabic-script letters in the
 * same block without an element isolating them: the bidi algorithm then shows them back to front.
 */
const unisolatedNumbers = async (page: import('playwright-core').Page) =>
  (await page.evaluate(`(() => {
    const out = new Set();
    const main = document.querySelector('main');
    if (!main) return [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const isBlock = (el) => !['inline', 'contents'].includes(getComputedStyle(el).display);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const m = node.textContent.match(/\\d+[-./:]\\d+([-./:]\\d+)*/g);
      if (!m) continue;
      const el = node.parentElement;
      if (el.closest('bdi, main [dir], code, style, script, input, textarea, svg, canvas, .leaflet-container')) continue;
      let block = el;
      while (block !== main && !isBlock(block)) block = block.parentElement;
      if (/[\\u0600-\\u06FF]/.test(block.textContent)) for (const x of m) out.add(x);
    }
    return [...out];
  })()`)) as string[];

describe('no raw codes on any screen (Chromium)', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  // Words on screens do not depend on the database under the API: walked on the embedded one only.
  it.skipIf(ON_POSTGRES)(
    'shows no i18n key, enum code or district code on any screen, in any of the seven languages',
    async () => {
      const page = await walkingPage(e2e);
      await signIn(page, e2e.baseUrl, 'supervisor@fvlwb.demo');
      const { all } = await screensToWalk(page, e2e.baseUrl);
      const referral = (await page.evaluate(
        `fetch('/api/referrals?direction=outgoing&limit=1').then((r) => r.json()).then((b) => b.items[0]?.id)`,
      )) as string | undefined;
      const paths = [...all, ...(referral ? [`/referrals/${referral}`] : [])];
      const found: string[] = [];
      for (const locale of LOCALES) {
        await page.getByTestId('language-switch').selectOption(locale);
        await until(page, `document.documentElement.lang === '${locale}'`, `the ${locale} interface`);
        for (const path of paths) {
          await page.goto(`${e2e.baseUrl}${path}`);
          await settled(page);
          // Literal file formats and identifiers are set as code on purpose; everything else is read.
          const text = (await page.evaluate(`(() => {
          const main = document.querySelector('main')?.cloneNode(true);
          for (const literal of main?.querySelectorAll('code') ?? []) literal.remove();
          return main?.textContent ?? '';
        })()`)) as string;
          // Read once loaded: the walk's own case shows its person (a guard on `settled`).
          if (path.startsWith('/cases/') && !text.includes('Садыкова'))
            found.push(`${locale} ${path}: not loaded`);
          for (const [kind, re] of LEAKS) {
            for (const m of new Set(text.match(new RegExp(re, 'g')) ?? []))
              found.push(`${locale} ${path}: ${kind} ${m}`);
          }
          // In right-to-left text a date, a time or a case number that is not isolated is shown
          // back to front ("01-12-2026"): each must sit in <bdi> or an element with its own direction.
          if (locale === 'fa-AF')
            for (const m of await unisolatedNumbers(page))
              found.push(`${locale} ${path}: not isolated "${m}"`);
        }
      }
      expect(found).toEqual([]);
    },
    300_000,
  );

  it('gives a supervisor’s caseload table its headings and the deadline digest a way to all deadlines', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'admin@fvlwb.demo');
    const table = page.getByTestId('caseload-by-assignee');
    await table.waitFor();
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Lawyer', 'Open cases']);
    await page.getByTestId('all-deadlines').click();
    await page.waitForURL('**/deadlines');
  });

  it('keeps a case number reading left to right inside Dari', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'supervisor@fvlwb.demo');
    const { id, caseNumber } = await caseThroughApi(page, e2e.baseUrl);
    await page.getByTestId('language-switch').selectOption('fa-AF');
    await page.goto(`${e2e.baseUrl}/cases/${id}`);
    const number = page.getByTestId('case-number');
    await number.waitFor();
    // Isolated from the surrounding right-to-left text, so its digits and dash keep their order.
    expect(await number.evaluate((el) => el.tagName)).toBe('BDI');
    expect(await number.textContent()).toBe(caseNumber);
  });
});
