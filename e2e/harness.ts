import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCREENING_INDICATORS } from '@komek/domain';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../apps/server/src/app.ts';
import { testAuditKeys } from '../apps/server/src/platform/audit-keys.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { FieldCipher } from '../apps/server/src/platform/crypto.ts';
import { createMailer } from '../apps/server/src/platform/mailer.ts';
import { DEMO_PASSWORD, seedDemo } from '../apps/server/src/seed/demo.seed.ts';
import { seedGeography } from '../apps/server/src/seed/geography.seed.ts';
import { seedProcedures } from '../apps/server/src/seed/procedures.seed.ts';
import { openTestDatabase } from '../apps/server/src/test/test-database.ts';

const builtWeb = fileURLToPath(new URL('../apps/web/dist', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * True on the PostgreSQL pass. What a screen shows, how it fits a phone and how the app updates
 * itself do not depend on the database under the API: those flows run on the embedded one only.
 * So do the flows through screens whose API the unit tests already run on PostgreSQL (casework,
 * procedures, results, list matching, the device store); the PostgreSQL pass keeps the flows
 * where the database's own behaviour shows through the screens: a working week per role, sign-in
 * and sessions, writes sent twice from a phone, the intake queue, messenger imports, the public
 * form and referrals between organisations.
 */
export const ON_POSTGRES = !!process.env.TEST_DATABASE_URL;
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The real server on a free port, over a fresh database with the demo data, and a headless Chromium. */
export async function startE2e(options: { ownWebCopy?: boolean } = {}) {
  if (!existsSync(`${builtWeb}/index.html`)) throw new Error('build the web app first: npm run build:web');
  // A test that publishes "a new version" changes files: it gets a copy of the build of its own.
  const webDist = options.ownWebCopy ? mkdtempSync(join(tmpdir(), 'komek-web-')) : builtWeb;
  if (options.ownWebCopy) cpSync(builtWeb, webDist, { recursive: true });
  const database = await openTestDatabase();
  await seedGeography(database.db);
  await seedProcedures(database.db);
  // Mail from the flows lands as files in a throwaway folder.
  const config = { ...loadConfig({}), webDist, dataDir: mkdtempSync(join(tmpdir(), 'komek-e2e-')) };
  const platform = {
    config,
    database,
    cipher: new FieldCipher([{ id: 'e2e', key: randomBytes(32) }]),
    auditKeys: testAuditKeys(),
    mailer: createMailer(config),
  };
  // Flows assert exact counts, so they start from the demo organisations and users without casework.
  await seedDemo(platform, { people: 0 });
  const app = await buildApp(platform);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    webDist,
    database,
    /** The running server's settings, for a flow that needs one otherwise (a mail server on loopback). */
    config,
    /**
     * A phone's browser with a profile on disk, as a field worker's: its service worker and
     * IndexedDB survive closing it. Open it again on the same folder to "reopen the app".
     */
    phone(profileDir: string): Promise<BrowserContext> {
      return chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        viewport: { width: 390, height: 844 },
        locale: 'en-US',
        acceptDownloads: true,
      });
    },
    async newPage(): Promise<Page> {
      const context = await browser.newContext({ locale: 'en-US' });
      return context.newPage();
    },
    async close() {
      await browser.close();
      await app.close();
      await database.dropped();
    },
  };
}

/** Counts the page's requests in flight, for `settled`; runs before the app's own scripts. */
const COUNT_REQUESTS = `(() => {
  let inFlight = 0;
  const send = window.fetch.bind(window);
  window.fetch = (...args) => { inFlight++; return send(...args).finally(() => { inFlight--; }); };
  Object.defineProperty(window, '__requestsInFlight', { get: () => inFlight });
})()`;

/**
 * A walk's page: it keeps count of its own requests, so that `settled` can tell when a screen has
 * loaded without networkidle's half second of silence on every one of a hundred screens.
 */
export async function walkingPage(e2e: { newPage(): Promise<Page> }) {
  const page = await e2e.newPage();
  await page.context().addInitScript({ content: COUNT_REQUESTS });
  return page;
}

/**
 * Waits until the screen shows something and the page has asked for nothing for 200 ms, then
 * for React to paint what came (a page still loading its code shows nothing in <main>).
 */
export async function settled(page: Page) {
  await page.evaluate(`new Promise((resolve) => {
    let quiet = 0;
    const tick = () => {
      const shown = (document.querySelector('main')?.textContent ?? '').trim().length > 0;
      quiet = shown && window.__requestsInFlight === 0 ? quiet + 50 : 0;
      if (quiet >= 200) requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
      else setTimeout(tick, 50);
    };
    tick();
  })`);
}

/** Signs a demo user in through the login page, in English. */
export async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('welcome').waitFor();
}

/**
 * The screens the walks visit (raw codes, accessibility, phone width), with a person and a case
 * of the signed-in user's own to show: `field` are those a field worker opens, `all` adds the office's.
 */
export async function screensToWalk(page: Page, baseUrl: string) {
  const c = await caseThroughApi(page, baseUrl);
  const personId = (await (await page.request.get(`${baseUrl}/api/cases/${c.id}`)).json()).persons[0]
    .id as string;
  const me = await (await page.request.get(`${baseUrl}/api/auth/me`)).json();
  const call = await page.request.post(`${baseUrl}/api/intake`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: {
      channel: 'hotline',
      problems: ['nationality_statelessness'],
      contactName: 'Садыкова Айгерим',
      contactPhone: '+996 555 000 111',
      summary: 'Asks how to confirm her citizenship',
      callbackInHours: 24,
    },
  });
  if (call.status() !== 201) throw new Error(`intake: ${await call.text()}`);
  const group = await page.request.post(`${baseUrl}/api/messenger/groups`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: { name: 'Кара-Суу: правовая помощь', platform: 'whatsapp', districtId: 'KG-O-KARASUU' },
  });
  if (group.status() !== 201) throw new Error(`messenger group: ${await group.text()}`);
  const chat = fileURLToPath(
    new URL('../apps/server/src/modules/messenger/fixtures/whatsapp-android-ru.txt', import.meta.url),
  );
  const imported = await page.request.post(
    `${baseUrl}/api/messenger/groups/${(await group.json()).id}/imports`,
    {
      headers: { 'x-csrf-token': me.csrfToken as string },
      data: { filename: 'chat.txt', contentBase64: readFileSync(chat).toString('base64') },
    },
  );
  if (imported.status() !== 201) throw new Error(`messenger import: ${await imported.text()}`);
  const incident = await page.request.post(`${baseUrl}/api/incidents`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: {
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
      segment: 'KG-TJ',
      type: 'water_dispute',
      districtId: 'KG-B-KADAMJAY',
      affected: { women: 5, men: 9, girls: 0, boys: 2, injured: 1, killed: 0, detained: 0, displaced: 0 },
      sources: [{ kind: 'community', reliability: 'probable', note: 'Ayil okmotu of Kök-Tash' }],
      description: 'Dispute at the canal intake near Kök-Tash',
    },
  });
  if (incident.status() !== 201) throw new Error(`incident: ${await incident.text()}`);
  const checkpoint = await page.request.post(`${baseUrl}/api/checkpoints`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: { name: 'Достук', countryCode: 'KG', segment: 'KG-UZ', kind: 'road', districtId: 'KG-O-KARASUU' },
  });
  if (checkpoint.status() !== 201) throw new Error(`checkpoint: ${await checkpoint.text()}`);
  const visit = await page.request.post(`${baseUrl}/api/monitoring/visits`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: {
      checkpointId: (await checkpoint.json()).id,
      visitedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      team: ['Айпери Садыкова'],
      met: ['Начальник смены'],
      findings: [{ key: 'refoulement_risk', answer: 'yes', note: 'Двоих афганцев развернули' }],
      figures: { soughtProtection: 3, accessedProcedure: 1, refusedEntry: 2, detained: 0, removed: 2 },
    },
  });
  if (visit.status() !== 201) throw new Error(`visit: ${await visit.text()}`);
  const project = await page.request.post(`${baseUrl}/api/border-projects`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: {
      title: 'Восстановление канала Кок-Таш',
      implementer: 'Баткенское областное управление водного хозяйства',
      implementerKind: 'state_body',
      sector: 'water',
      districtId: 'KG-B-KADAMJAY',
      startsOn: '2026-03-01',
      budget: 2400000,
      currency: 'KGS',
      status: 'ongoing',
    },
  });
  if (project.status() !== 201) throw new Error(`project: ${await project.text()}`);
  const feedback = await page.request.post(
    `${baseUrl}/api/border-projects/${(await project.json()).id}/feedback`,
    {
      headers: { 'x-csrf-token': me.csrfToken as string },
      data: {
        receivedOn: '2026-11-01',
        sentiment: 'negative',
        topic: 'water',
        verbatim: 'С нами никто не посоветовался',
        sex: 'female',
        age: '18-59',
      },
    },
  );
  if (feedback.status() !== 201) throw new Error(`feedback: ${await feedback.text()}`);
  const help = await page.request.post(`${baseUrl}/api/assistance`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: {
      personId,
      kind: 'cash',
      purpose: 'medical',
      amount: 6000,
      currency: 'KGS',
      instalments: 2,
      reason: 'Лечение после задержания на границе',
    },
  });
  if (help.status() !== 201) throw new Error(`assistance: ${await help.text()}`);
  // The walk's case becomes a restricted one: its badge, screenings and named people are walked too.
  const answers = Object.fromEntries(SCREENING_INDICATORS.map((i) => [i, 'no']));
  const screening = await page.request.post(`${baseUrl}/api/screenings`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: {
      personId,
      caseId: c.id,
      screenedOn: new Date().toISOString().slice(0, 10),
      answers: { ...answers, debt_bondage: 'yes', crossing_arranged: 'yes', serious_illness: 'unknown' },
      supportNeeds: ['shelter', 'medical'],
      notes: 'Долг за дорогу растёт каждый месяц',
    },
  });
  if (screening.status() !== 201) throw new Error(`screening: ${await screening.text()}`);
  const field = [
    '/',
    '/intake',
    '/intake/desk',
    `/intake/${(await call.json()).id}`,
    '/messenger',
    '/messenger/inbox',
    '/incidents',
    `/incidents/${(await incident.json()).id}`,
    '/checkpoints',
    `/checkpoints/${(await checkpoint.json()).id}`,
    `/monitoring/visits/${(await visit.json()).id}`,
    '/assistance',
    `/assistance/${(await help.json()).id}`,
    '/screenings',
    `/screenings/${(await screening.json()).id}`,
    `/persons/${personId}/screening`,
    '/border-projects',
    `/border-projects/${(await project.json()).id}`,
    '/persons',
    '/persons/new',
    `/persons/${personId}`,
    `/persons/${personId}/edit`,
    '/cases',
    `/cases/${c.id}`,
    '/lists',
    '/deadlines',
    '/referrals',
    '/services',
    '/procedure-templates',
    '/activities',
    '/outbox',
    '/account',
  ];
  return {
    field,
    all: [...field, '/results', '/help-content', '/users', '/roles', '/organisations', '/audit'],
  };
}

/** Sets up a person with an open case through the API, as the signed-in page's user. */
export async function caseThroughApi(page: Page, baseUrl: string) {
  const me = await (await page.request.get(`${baseUrl}/api/auth/me`)).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  const person = await page.request.post(`${baseUrl}/api/persons`, {
    headers,
    data: {
      givenName: 'Айгерим',
      familyName: 'Садыкова',
      sex: 'female',
      birthDate: '1990-03-14',
      languages: ['ky'],
      nationalityStatus: 'undetermined_nationality',
      populationType: 'undetermined_nationality',
      districtId: 'KG-O-KARASUU',
    },
  });
  if (person.status() !== 201) throw new Error(`person: ${await person.text()}`);
  const c = await page.request.post(`${baseUrl}/api/cases`, {
    headers,
    data: { personIds: [(await person.json()).id], problems: ['nationality_statelessness'] },
  });
  if (c.status() !== 201) throw new Error(`case: ${await c.text()}`);
  return (await c.json()) as { id: string; caseNumber: string };
}

/**
 * Asks the page until the expression is true. `page.evaluate` runs outside the page's content
 * security policy, which refuses the evaluated predicates of `waitForFunction`.
 */
export async function until(page: Page, expression: string, what: string, timeout = 30_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await page.evaluate(expression).catch(() => false)) return;
    await page.waitForTimeout(300);
  }
  throw new Error(`timed out waiting for ${what}`);
}
