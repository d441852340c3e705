import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, auditLog, linkageListRows, persons } from '../apps/server/src/db/schema/index.ts';
import { caseThroughApi, ON_POSTGRES, screensToWalk, signIn, startE2e } from './harness.ts';
import { goTo, registerPerson, unlock, waitForServiceWorker, waitForSync } from './offline-helpers.ts';

const FIELD = 'field@fvlwb.demo';

/**
 * A field worker's phone, signed in. Pages not yet opened come from the service worker's cache
 * offline; `withoutServiceWorker` leaves it out where a test watches the page's own requests.
 */
async function fieldPhone(
  browser: Browser,
  baseUrl: string,
  { width = 390, height = 844, withoutServiceWorker = false } = {},
) {
  const context = await browser.newContext({
    viewport: { width, height },
    serviceWorkers: withoutServiceWorker ? 'block' : 'allow',
    locale: 'en-US',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await signIn(page, baseUrl, FIELD);
  if (!withoutServiceWorker) await waitForServiceWorker(page);
  return { context, page };
}

/** Another user changing the same person on the server meanwhile. */
async function editOnServer(page: Page, baseUrl: string, personId: string, change: Record<string, unknown>) {
  const me = await (await page.request.get(`${baseUrl}/api/auth/me`)).json();
  const current = await (await page.request.get(`${baseUrl}/api/persons/${personId}`)).json();
  const {
    id: _i,
    orgId: _o,
    officeId: _f,
    version,
    createdAt: _c,
    documents: _d,
    consents: _s,
    ...fields
  } = current;
  const person = { ...fields, ...change };
  for (const k of ['age', 'birthPrecision', 'hasDisability', 'householdId', 'mergedInto']) delete person[k];
  const res = await page.request.put(`${baseUrl}/api/persons/${personId}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { version, person },
  });
  if (res.status() !== 200) throw new Error(`edit: ${await res.text()}`);
}

/** Sets every profile's "changed since" time (not secret: a time, kept in clear); an expression, as the e2e build has no DOM types. */
const setSyncCursor = (page: Page, cursor: string) =>
  page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('komek-device');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('profiles', 'readwrite');
      const store = tx.objectStore('profiles');
      const all = store.getAll();
      all.onsuccess = () => { for (const p of all.result) store.put({ ...p, syncCursor: ${JSON.stringify(cursor)} }); };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  })`);

/** A list whose one row nobody registered is found, given to `assignee` to follow up. */
async function followUpFor(page: Page, baseUrl: string, assignee: string): Promise<string> {
  const headers = {
    'x-csrf-token': (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()).csrfToken,
  };
  const csv = 'id,first_name,last_name,patronymic,sex,date_of_birth\nF-1,Zafar,Abdulloev,,male,2026-03-03\n';
  const upload = await page.request.post(`${baseUrl}/api/lists`, {
    headers,
    data: {
      name: 'Births, Kara-Suu',
      filename: 'births.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    },
  });
  if (upload.status() !== 202) throw new Error(`upload: ${await upload.text()}`);
  const listId = (await upload.json()).id as string;
  for (let i = 0; i < 100; i++) {
    const list = await (await page.request.get(`${baseUrl}/api/lists/${listId}`)).json();
    if (list.status === 'done') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const rows = (await (await page.request.get(`${baseUrl}/api/lists/${listId}/rows`)).json()).items;
  const rowId = rows[0].id as string;
  const given = await page.request.post(`${baseUrl}/api/lists/${listId}/follow-ups`, {
    headers,
    data: { rowIds: [rowId], assignedTo: assignee, dueDate: '2026-12-31' },
  });
  if (given.status() !== 200) throw new Error(`follow-up: ${await given.text()}`);
  return rowId;
}

describe('sending what was written offline', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  let other: Page;
  beforeAll(async () => {
    e2e = await startE2e();
    other = await e2e.newPage();
    await signIn(other, e2e.baseUrl, 'supervisor@fvlwb.demo');
  });
  afterAll(() => e2e?.close());

  it('creates nothing twice when the answer is lost after the server committed', async () => {
    const { context, page } = await fieldPhone(e2e.browser, e2e.baseUrl, { withoutServiceWorker: true });
    let dropped = 0;
    const replayed: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/persons') && r.request().method() === 'POST') {
        replayed.push(r.headers()['idempotent-replayed'] ?? 'false');
      }
    });
    await page.route('**/api/persons', async (route) => {
      if (route.request().method() !== 'POST' || dropped > 0) return route.continue();
      dropped++;
      await route.fetch(); // the server commits the person ...
      await route.abort('connectionreset'); // ... and the answer never arrives
    });
    await registerPerson(page, 'Токтогулова', 'Нургуль');
    const personId = page.url().split('/persons/')[1]!;
    await goTo(page, 'Waiting changes');
    await page.getByTestId('outbox-send').click();
    await page
      .getByTestId('outbox-summary')
      .getByText('Everything written on this device has been sent.')
      .waitFor();
    expect(dropped).toBe(1);
    expect(replayed).toContain('true');
    expect(await e2e.database.db.select().from(persons).where(eq(persons.id, personId))).toHaveLength(1);
    await context.close();
  });

  it('shows an offline edit that met a newer version field by field; the user keeps theirs, or the server’s', async () => {
    const { context, page } = await fieldPhone(e2e.browser, e2e.baseUrl);
    const c = await caseThroughApi(page, e2e.baseUrl);
    const personId = (await (await page.request.get(`${e2e.baseUrl}/api/cases/${c.id}`)).json()).persons[0]
      .id;

    const editOffline = async (phone: string) => {
      await page.goto(`${e2e.baseUrl}/persons/${personId}`);
      await page.getByTestId('edit-person').waitFor();
      await context.setOffline(true);
      await page.getByTestId('edit-person').click();
      await page.getByLabel('Phone', { exact: true }).fill(phone);
      await page.getByTestId('save-person').click();
      await page.getByTestId('person-name').waitFor();
      await page.getByTestId('outbox-count').getByText('To send: 1').waitFor();
    };

    // 1. Mine wins where I chose mine; what only they changed is kept from them.
    await editOffline('+996 555 111 222');
    await editOnServer(other, e2e.baseUrl, personId, { phone: '+996 700 000 001', address: 'Ош, Ленина 1' });
    await context.setOffline(false);
    await goTo(page, 'Waiting changes');
    await page.getByTestId('conflict').waitFor({ timeout: 20_000 });
    const phoneRow = page.getByTestId('conflict-phone');
    await phoneRow.getByText('+996 555 111 222').waitFor();
    await phoneRow.getByText('+996 700 000 001').waitFor();
    await page.getByTestId('conflict-address').getByText('Ош, Ленина 1').waitFor();
    await page.getByTestId('conflict-send').click();
    await page
      .getByTestId('outbox-summary')
      .getByText('Everything written on this device has been sent.')
      .waitFor();
    let now = await (await other.request.get(`${e2e.baseUrl}/api/persons/${personId}`)).json();
    expect(now.phone).toBe('+996 555 111 222');
    expect(now.address).toBe('Ош, Ленина 1');

    // 2. The user keeps the server's version: their change is dropped, nothing overwritten.
    await editOffline('+996 555 333 444');
    await editOnServer(other, e2e.baseUrl, personId, { phone: '+996 700 000 002' });
    await context.setOffline(false);
    await goTo(page, 'Waiting changes');
    await page.getByTestId('conflict').waitFor({ timeout: 20_000 });
    await page.getByTestId('conflict-keep-theirs').click();
    await page
      .getByTestId('outbox-summary')
      .getByText('Everything written on this device has been sent.')
      .waitFor();
    now = await (await other.request.get(`${e2e.baseUrl}/api/persons/${personId}`)).json();
    expect(now.phone).toBe('+996 700 000 002');
    await context.close();
  });

  it('reads again, on the next sync, only the case that changed on the server since the last one', async () => {
    const { context, page } = await fieldPhone(e2e.browser, e2e.baseUrl);
    const changing = await caseThroughApi(page, e2e.baseUrl);
    const still = await caseThroughApi(page, e2e.baseUrl);
    const first = Date.now();
    await page.reload();
    await waitForSync(page, first);
    // The device asks "changed since" from the server's time of its last sync, less a margin for
    // writes still in flight; the test sets that time to now so the margin does not hide the point.
    await setSyncCursor(page, new Date().toISOString());
    const note = await other.request.post(`${e2e.baseUrl}/api/cases/${changing.id}/notes`, {
      headers: {
        'x-csrf-token': (await (await other.request.get(`${e2e.baseUrl}/api/auth/me`)).json()).csrfToken,
      },
      data: { body: 'Called the district registry office' },
    });
    expect(note.status()).toBe(201);

    const read: string[] = [];
    page.on('request', (r) => {
      const m = r.url().match(/\/api\/cases\/([0-9a-f-]{36})(\/activity)?$/);
      if (m) read.push(`${m[1]}${m[2] ?? ''}`);
    });
    const second = Date.now();
    await page.reload();
    await waitForSync(page, second);
    expect(read).toContain(`${changing.id}/activity`);
    expect(read.filter((r) => r.startsWith(still.id))).toEqual([]);
    expect(read.filter((r) => r.endsWith('/activity'))).toEqual([`${changing.id}/activity`]);

    // What the sync brought is on the device: offline, the case shows the note written elsewhere.
    await context.setOffline(true);
    await page.goto(`${e2e.baseUrl}/cases/${changing.id}`);
    await unlock(page, FIELD);
    await page.getByText('Called the district registry office').waitFor();
    await context.close();
  });

  it('records an activity with its participants and closes a list follow-up offline; each arrives once', async () => {
    const { context, page } = await fieldPhone(e2e.browser, e2e.baseUrl);
    const fieldUser = (await (await page.request.get(`${e2e.baseUrl}/api/auth/me`)).json()).user.id;
    const rowId = await followUpFor(other, e2e.baseUrl, fieldUser);
    // Online once: the follow-up and the activity list come down with the working set.
    const synced = Date.now();
    await page.goto(`${e2e.baseUrl}/`);
    await page.getByTestId('my-follow-ups').getByText('Abdulloev Zafar').waitFor();
    await waitForSync(page, synced);

    await context.setOffline(true);
    await goTo(page, 'My activities');
    const form = page.getByTestId('activity-form');
    await form.getByLabel('Type').click();
    await page.getByRole('option', { name: 'Awareness session' }).click();
    await form.getByLabel('Title').fill('Birth registration, Kara-Suu village');
    await form.getByLabel('Date').fill(new Date().toISOString().slice(0, 10));
    const rows = form.getByTestId('participants');
    await rows.getByLabel('How many').fill('12');
    await rows.getByTestId('add-participants').click();
    await rows.getByLabel('How many').nth(1).fill('7');
    await form.getByTestId('add-activity').click();
    await page.getByTestId('activities-table').getByText('Birth registration, Kara-Suu village').waitFor();
    await page.getByTestId('activities-table').getByText('19').waitFor();
    await page.getByTestId('outbox-count').getByText('To send: 1').waitFor();

    await goTo(page, 'Home');
    const followUps = page.getByTestId('my-follow-ups');
    await followUps.getByRole('button', { name: 'Done' }).click();
    await followUps.waitFor({ state: 'detached' });
    await page.getByTestId('outbox-count').getByText('To send: 2').waitFor();

    // The network returns: the outbox sends by itself.
    await context.setOffline(false);
    await goTo(page, 'Waiting changes');
    await page
      .getByTestId('outbox-summary')
      .getByText('Everything written on this device has been sent.')
      .waitFor();
    const recorded = await e2e.database.db
      .select()
      .from(activities)
      .where(eq(activities.title, 'Birth registration, Kara-Suu village'));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      type: 'awareness_session',
      participantsTotal: 19,
      createdBy: fieldUser,
    });
    expect(recorded[0]?.participants).toEqual([
      { sex: 'female', age: '18-59', orgType: 'community', count: 12 },
      { sex: 'male', age: '18-59', orgType: 'community', count: 7 },
    ]);
    const [row] = await e2e.database.db.select().from(linkageListRows).where(eq(linkageListRows.id, rowId));
    expect(row?.followUpDoneAt).not.toBeNull();
    const entries = await e2e.database.db.select().from(auditLog).where(eq(auditLog.actorUserId, fieldUser));
    expect(entries.filter((e) => e.action === 'activity.created')).toHaveLength(1);
    const closed = entries.filter((e) => e.action === 'list.follow_up_done');
    expect(closed).toHaveLength(1);
    // Written offline: the time of writing is kept beside the server's.
    expect(Date.parse(String(closed[0]?.details.writtenAt))).toBeLessThan(closed[0]!.at.getTime());
    await context.close();
  });

  it('says when part of the store is damaged and exports what waits as a file', async () => {
    const { context, page } = await fieldPhone(e2e.browser, e2e.baseUrl);
    await context.setOffline(true);
    await registerPerson(page, 'Алиева', 'Зарина');
    await registerPerson(page, 'Рахимов', 'Фарход');
    // One sealed change is damaged on the device (a failing disk, a broken browser update).
    await page.evaluate(`new Promise((resolve) => {
      const open = indexedDB.open('komek-device');
      open.onsuccess = () => {
        const tx = open.result.transaction('outbox', 'readwrite');
        const store = tx.objectStore('outbox');
        const all = store.getAll();
        all.onsuccess = () => {
          const row = all.result.sort((a, b) => a.seq - b.seq)[0];
          row.sealed = { iv: row.sealed.iv, data: new Uint8Array([1, 2, 3, 4]).buffer };
          store.put(row);
        };
        tx.oncomplete = () => resolve(true);
      };
    })`);
    await goTo(page, 'Waiting changes');
    await page
      .getByTestId('outbox-damaged')
      .getByText('Changes that cannot be read: 1', { exact: false })
      .waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('outbox-export').click();
    const file = await (await download).path();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.items).toHaveLength(2);
    expect(saved.items.filter((i: { unreadable?: boolean }) => i.unreadable)).toHaveLength(1);
    expect(saved.items.find((i: { change?: { title: string } }) => i.change)?.change.title).toBe(
      'Рахимов Фарход',
    );
    await context.close();
  });

  it.skipIf(ON_POSTGRES)(
    'fits every field-worker screen in 360 × 640 without sideways scrolling, with 44-px targets',
    async () => {
      const { context, page } = await fieldPhone(e2e.browser, e2e.baseUrl, { width: 360, height: 640 });
      const screens = (await screensToWalk(page, e2e.baseUrl)).field;
      const wide: string[] = [];
      const small: string[] = [];
      for (const path of screens) {
        await page.goto(`${e2e.baseUrl}${path}`);
        await page.getByRole('button', { name: 'Open the menu' }).waitFor();
        await page.waitForLoadState('networkidle');
        const width = await page.evaluate('document.documentElement.scrollWidth');
        if (Number(width) > 360) wide.push(`${path}: ${width}`);
        // Touch targets: buttons and fields a finger must hit, at least 44 px high.
        const tiny = (await page.evaluate(`[...document.querySelectorAll('button, input, select, textarea')]
        .filter((e) => !['checkbox', 'radio', 'file', 'hidden'].includes(e.type) && e.getAttribute('aria-hidden') !== 'true')
        .map((e) => e.closest('.mantine-Input-input') || e)
        .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.height < 43.5; })
        .map((e) => (e.getAttribute('aria-label') || e.textContent || e.name || e.tagName).trim().slice(0, 30) + ' ' + Math.round(e.getBoundingClientRect().height))`)) as string[];
        if (tiny.length > 0) small.push(`${path}: ${tiny.join(', ')}`);
      }
      expect(wide).toEqual([]);
      expect(small).toEqual([]);
      await context.close();
    },
    // Twenty-odd screens, each left to settle: more than one flow's minute.
    120_000,
  );
});
