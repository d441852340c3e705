import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo.seed.ts';
import { until } from './harness.ts';

/** Offline, after a reload: the password opens the work kept on the device. */
export async function unlock(page: Page, email: string) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId('unlock-submit').click();
}

/** Follows a menu link as on a phone: the menu opens from its button, then closes on the choice. */
export async function goTo(page: Page, name: string) {
  const menu = page.getByRole('button', { name: 'Open the menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('link', { name, exact: true }).click();
}

/**
 * Runs `body` in the page over every table of the device store (`tables`: name → all rows) and
 * returns what it returns; an expression, since the e2e build has no DOM types.
 */
function overStore<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('komek-device');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      const tables = {};
      if (names.length === 0) return resolve((${body})(tables));
      const tx = db.transaction(names);
      let left = names.length;
      for (const name of names) {
        const all = tx.objectStore(name).getAll();
        all.onsuccess = () => {
          tables[name] = all.result;
          if (--left === 0) { db.close(); resolve((${body})(tables)); }
        };
      }
    };
  })`) as Promise<T>;
}

/** How many rows each table of the device store holds. */
export const storeCounts = (page: Page) =>
  overStore<Record<string, number>>(
    page,
    '(tables) => Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]))',
  );

/** Every value in the device store as text, byte arrays decoded, to look for anything in clear. */
export const storeAsText = (page: Page) =>
  overStore<string>(
    page,
    `(tables) => {
      const text = (v) => {
        if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
          const bytes = new Uint8Array(v instanceof ArrayBuffer ? v : v.buffer);
          return new TextDecoder('utf-8', { fatal: false }).decode(bytes) + String.fromCharCode(...bytes.slice(0, 4096));
        }
        if (v && typeof v === 'object') return Object.values(v).map(text).join(' ');
        return String(v);
      };
      return Object.values(tables).map((rows) => rows.map(text).join(' ')).join(' ');
    }`,
  );

/** Registers a person through the form (online or off) and waits for their page. */
export async function registerPerson(page: Page, family: string, given: string) {
  await goTo(page, 'People');
  await page.getByTestId('new-person').click();
  await page.getByLabel('Family name', { exact: true }).fill(family);
  await page.getByLabel('Given name', { exact: true }).fill(given);
  await page.getByTestId('register-person').click();
  await page.getByTestId('person-name').getByText(`${family} ${given}`).waitFor();
}

/** Whether any file of the browser profile holds the text (UTF-8 or UTF-16) in clear. */
export function profileHolds(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(path);
      else if (stat.size < 50_000_000 && needles.some((n) => readFileSync(path).includes(n)))
        found.push(path);
    }
  };
  walk(join(dir, 'Default', 'IndexedDB'));
  return found;
}

/** The app shell is in the service worker's cache: it opens with no network from now on. */
export async function waitForServiceWorker(page: Page) {
  await until(
    page,
    '!!(navigator.serviceWorker && navigator.serviceWorker.controller)',
    'the service worker',
  );
}

/** The working set has come down since `after` (the device records each sync's time). */
export async function waitForSync(page: Page, after: number) {
  await until(
    page,
    `new Promise((resolve) => {
      const open = indexedDB.open('komek-device');
      open.onsuccess = () => {
        const db = open.result;
        const get = db.transaction('profiles').objectStore('profiles').getAll();
        get.onsuccess = () => { db.close(); resolve(get.result.some((p) => p.lastSyncAt && Date.parse(p.lastSyncAt) > ${after})); };
        get.onerror = () => resolve(false);
      };
      open.onerror = () => resolve(false);
    })`,
    'the working set',
  );
}

/**
 * Takes the signed-in phone offline as a field worker would: the working set and the app shell
 * come down first, then the network goes, and the app reopens on the device's password.
 */
export async function goOffline(phone: BrowserContext, page: Page, email: string) {
  const synced = Date.now();
  await page.reload();
  await page.getByTestId('welcome').waitFor();
  await waitForSync(page, synced);
  await waitForServiceWorker(page);
  await phone.setOffline(true);
  await page.reload();
  await unlock(page, email);
  await page.getByTestId('offline-badge').waitFor();
}
