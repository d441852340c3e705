/**
 * The web app on a slow network (issue "Field work in a village"): builds the app, serves it
 * with the real server, and in Chromium with DevTools network emulation measures the time to a
 * usable sign-in screen and to the signed-in home (cache empty, then warm), and to opening the
 * app with no network at all from the service worker; prints the bytes each route needs and the
 * cost of deriving the device key, here and on a CPU slowed to a phone's (bench/slow-cpu.ts). Baseline in the same run: one
 * 1-KB file fetched under the same emulation (the link's floor). `BENCH_RUNS` (default 3).
 */
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo.seed.ts';
import { signIn, startE2e } from '../e2e/harness.ts';
import { withSlowChromium } from './slow-cpu.ts';
import { routeBytes } from './web-bytes.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** `BENCH_ONLY=network,offline,key` runs only those parts (all by default). */
const ONLY = process.env.BENCH_ONLY?.split(',');
const part = (name: 'network' | 'offline' | 'key') => !ONLY || ONLY.includes(name);
/** Chrome DevTools' presets. */
const PRESETS = {
  'Fast 3G': {
    latency: 562.5,
    downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
    uploadThroughput: (750 * 1024 * 0.9) / 8,
  },
  'Slow 3G': {
    latency: 2000,
    downloadThroughput: (500 * 1024 * 0.8) / 8,
    uploadThroughput: (500 * 1024 * 0.8) / 8,
  },
} as const;
type Preset = keyof typeof PRESETS;

async function throttle(page: Page, preset: Preset): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PRESETS[preset] });
  return cdp;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) execSync('npm run build:web', { stdio: 'ignore' });
  const e2e = await startE2e();
  const base = e2e.baseUrl;
  const rows: string[][] = [];
  try {
    for (const preset of part('network') ? (Object.keys(PRESETS) as Preset[]) : []) {
      const floor: number[] = [];
      const coldLogin: number[] = [];
      const warmLogin: number[] = [];
      const home: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        // Cache empty: a new profile, no service worker yet (it would only add its own downloads).
        const context: BrowserContext = await e2e.browser.newContext({
          serviceWorkers: 'block',
          locale: 'en-US',
        });
        const page = await context.newPage();
        await throttle(page, preset);
        floor.push(await time(() => page.goto(`${base}/icon.svg`)));
        coldLogin.push(
          await time(async () => {
            await page.goto(`${base}/login`);
            await page.getByTestId('login-submit').waitFor();
          }),
        );
        await page.getByLabel('Email', { exact: true }).fill('field@fvlwb.demo');
        await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
        home.push(
          await time(async () => {
            await page.getByTestId('login-submit').click();
            await page.getByTestId('welcome').waitFor({ timeout: 120_000 });
          }),
        );
        // Warm: the same browser comes back to the sign-in screen; hashed files come from its cache.
        await page.context().clearCookies();
        warmLogin.push(
          await time(async () => {
            await page.goto(`${base}/login`);
            await page.getByTestId('login-submit').waitFor();
          }),
        );
        await context.close();
      }
      // Warm as a returning user has it: the service worker installed on the first visit.
      const withWorker: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await e2e.browser.newContext({ locale: 'en-US' });
        const page = await context.newPage();
        await page.goto(`${base}/login`);
        await page.getByTestId('login-submit').waitFor();
        for (let i = 0; i < 100 && !(await page.evaluate('!!navigator.serviceWorker.controller')); i++) {
          await page.waitForTimeout(200);
        }
        await throttle(page, preset);
        withWorker.push(
          await time(async () => {
            await page.goto(`${base}/login`);
            await page.getByTestId('login-submit').waitFor();
          }),
        );
        await context.close();
      }
      const f = median(floor);
      for (const [what, xs] of [
        ['sign-in screen usable, cache empty', coldLogin],
        ['signed-in home after "sign in", cache empty', home],
        ['sign-in screen usable, browser cache warm (no service worker)', warmLogin],
        ['sign-in screen usable, service worker installed', withWorker],
      ] as const) {
        rows.push([preset, what, s(median(xs)), s(Math.max(...xs)), s(f), `${(median(xs) / f).toFixed(1)}×`]);
      }
    }

    // Offline open: a phone that signed in once, then reopens the app with no network.
    const offline: number[] = [];
    for (let run = 0; run < (part('offline') ? RUNS : 0); run++) {
      const context = await e2e.phone(mkdtempSync(join(tmpdir(), 'komek-bench-')));
      const page = context.pages()[0] ?? (await context.newPage());
      await signIn(page, base, 'field@fvlwb.demo');
      for (let i = 0; i < 100 && !(await page.evaluate('!!navigator.serviceWorker.controller')); i++) {
        await page.waitForTimeout(200);
      }
      await context.setOffline(true);
      offline.push(
        await time(async () => {
          await page.goto(`${base}/`);
          await page.getByTestId('unlock-submit').waitFor();
        }),
      );
      await context.close();
    }
    if (offline.length > 0)
      rows.push([
        'offline',
        'app open with no network (unlock screen)',
        s(median(offline)),
        s(Math.max(...offline)),
        '—',
        '—',
      ]);

    // Deriving the device key. DevTools' CPU slow-down does not reach WebCrypto (it runs
    // natively, off the page's thread), so a phone's CPU is stood in for by a Chromium whose
    // processes share a fraction of one core: 1/4 and 1/6, DevTools' mid-tier and low-end
    // mobile factors.
    const derive = `(async () => {
      const t = performance.now();
      const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('a pass phrase'), 'PBKDF2', false, ['deriveKey']);
      await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(16), iterations: 600000 }, key, { name: 'AES-KW', length: 256 }, false, ['wrapKey']);
      return performance.now() - t;
    })()`;
    const timeDerive = async (page: Page) => {
      await page.goto(`${base}/login`);
      const xs: number[] = [];
      for (let i = 0; i < RUNS; i++) xs.push(Number(await page.evaluate(derive)));
      return xs;
    };
    if (part('key')) {
      const what = 'device key from the password (PBKDF2-SHA-256, 600,000)';
      const here = await timeDerive(await e2e.newPage());
      rows.push(['CPU ÷1', what, s(median(here)), s(Math.max(...here)), '—', '—']);
      for (const slower of [4, 6]) {
        const xs = await withSlowChromium(1 / slower, async (browser) => timeDerive(await browser.newPage()));
        rows.push(
          xs
            ? [
                `CPU ÷${slower} (cgroup)`,
                what,
                s(median(xs)),
                s(Math.max(...xs)),
                '—',
                `${(median(xs) / median(here)).toFixed(1)}× this CPU`,
              ]
            : [`CPU ÷${slower}`, what, 'not measured: no writable cpu cgroup', '—', '—', '—'],
        );
      }
    }
  } finally {
    await e2e.close();
  }

  console.log(`\n| network | what | median | max | baseline (1 KB file) | ÷ baseline |`);
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('\n| route | files | raw | gzip | brotli (as sent) | of which JavaScript |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of routeBytes('apps/web/dist')) {
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(
      `| ${r.route} | ${r.files} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${kb(r.jsBrotli)} |`,
    );
  }
}

await main();
