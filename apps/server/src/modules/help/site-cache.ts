import type { Platform } from '../../platform/http.ts';
import { afterCommit } from '../../platform/unit-of-work.ts';

/**
 * What the public help site shows changes a few times a week and is read by anyone, often: it is
 * read from the database at most every 30 s per server, and at once again after a change made
 * through this server (another node's change shows within the 30 s).
 */
const FRESH_MS = 30_000;
const caches = new WeakMap<Platform, Map<string, { at: number; value: Promise<unknown> }>>();

export function cachedForSite<T>(platform: Platform, key: string, load: () => Promise<T>): Promise<T> {
  const cache = caches.get(platform) ?? new Map<string, { at: number; value: Promise<unknown> }>();
  caches.set(platform, cache);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { at: Date.now(), value });
  // A failed read is not kept: the next visitor asks the database again.
  value.catch(() => cache.delete(key));
  return value;
}

/**
 * After a change to what the public reads (articles, notices, a service's public listing), once
 * it has committed: forgotten earlier, a visitor in between would keep the old text for 30 s.
 */
export function forgetSiteContent(platform: Platform): Promise<void> {
  return afterCommit(() => caches.delete(platform));
}
