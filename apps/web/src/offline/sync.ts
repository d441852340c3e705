import {
  type Case,
  casesApi,
  directoryApi,
  geographyApi,
  listsApi,
  type Permission,
  type Person,
  personsApi,
  proceduresApi,
  resultsApi,
} from '@komek/domain';
import { call, urlOf } from '../app/api.ts';
import { can } from '../app/session.ts';
import { recall } from './answers.ts';
import { deviceDb } from './db.ts';
import { deviceState, openKey } from './device.ts';

/** The first page of the people and case lists as their screens ask for it. */
export const PEOPLE_FIRST_PAGE = { limit: 25, offset: 0 } as const;
export const CASES_FIRST_PAGE = { sort: 'opened_desc', limit: 25, offset: 0 } as const;
/** The service directory's first page (where to refer), and the procedure templates' first country. */
export const SERVICES_FIRST_PAGE = { limit: 50, offset: 0, includeInactive: 'true' } as const;
export const TEMPLATES_FIRST_COUNTRY = 'KG' as const;
/** The user's own activities of this year, as "My activities" asks for them. */
export const myActivitiesQuery = () => ({ year: new Date().getFullYear() });
/** A field worker's working set: their own and assigned cases, up to this many. */
const MY_CASES = { assignedTo: 'me', limit: 100 } as const;

export interface SyncReport {
  cases: number;
  fetched: number;
  unchanged: number;
}

let running: Promise<SyncReport | null> | null = null;

/**
 * How far back a "changed since" reaches before the server's time of the last sync: a write whose
 * transaction began before that time but committed after it carries the earlier time.
 */
const CURSOR_OVERLAP_MS = 5 * 60_000;

/**
 * Brings the working set onto the device (each answer is sealed there as it is read): the
 * reference lists the forms need, the user's cases with their people and activity, and their
 * list follow-ups. After the first sync only the cases the server says changed since the last
 * one (the case, its activity or one of its people) are read again, and those not yet kept.
 */
export function syncWorkingSet(): Promise<SyncReport | null> {
  running ??= run().finally(() => {
    running = null;
  });
  return running;
}

const kept = async (id: string) =>
  (await recall<Case>(urlOf(casesApi.get, { params: { id } }))) !== undefined &&
  (await recall(urlOf(casesApi.activity, { params: { id } }))) !== undefined;

async function run(): Promise<SyncReport | null> {
  const opened = openKey();
  if (!opened || !navigator.onLine) return null;
  const state = deviceState();
  const user = state.kind === 'open' ? state.session.user : undefined;
  // Only what this role may read: a refusal costs a request and an entry in the audit trail.
  const may = (permission: Permission) => can(user, permission);
  const reads: Array<[boolean, () => Promise<unknown>]> = [
    [true, () => call(geographyApi.list, { query: { level: 'district' } })],
    [may('case.read'), () => call(casesApi.eligibilityCriteria, {})],
    [true, () => call(listsApi.myFollowUps, {})],
    [may('person.read'), () => call(personsApi.list, { query: PEOPLE_FIRST_PAGE })],
    [may('case.read'), () => call(casesApi.list, { query: CASES_FIRST_PAGE })],
    [may('service.read'), () => call(directoryApi.list, { query: SERVICES_FIRST_PAGE })],
    [
      may('case.read'),
      () => call(proceduresApi.templates, { query: { countryCode: TEMPLATES_FIRST_COUNTRY } }),
    ],
    [
      may('case.read'),
      () => call(proceduresApi.holidays, { query: { countryCode: TEMPLATES_FIRST_COUNTRY } }),
    ],
    [may('activity.record'), () => call(resultsApi.myActivities, { query: myActivitiesQuery() })],
  ];
  // Each read on its own: one that fails does not stop the rest.
  await Promise.allSettled(reads.filter(([allowed]) => allowed).map(([, read]) => read()));
  if (!may('case.read')) return { cases: 0, fetched: 0, unchanged: 0 };
  const cursor = (await deviceDb.profiles.get(opened.userId))?.syncCursor ?? null;
  let serverTime = Number.NaN;
  const mine = await call(
    casesApi.list,
    { query: MY_CASES },
    {
      headers: (h) => {
        serverTime = Date.parse(h.get('date') ?? '');
      },
    },
  );
  const changed = cursor
    ? new Set(
        (await call(casesApi.list, { query: { ...MY_CASES, changedSince: cursor } })).items.map((c) => c.id),
      )
    : null;
  const report: SyncReport = { cases: mine.items.length, fetched: 0, unchanged: 0 };
  const queue = [...mine.items];
  const worker = async () => {
    for (let summary = queue.shift(); summary; summary = queue.shift()) {
      if (changed && !changed.has(summary.id) && (await kept(summary.id))) {
        report.unchanged++;
        continue;
      }
      report.fetched++;
      await call(casesApi.activity, { params: { id: summary.id } });
      await call(casesApi.get, { params: { id: summary.id } });
      for (const p of summary.persons) {
        await call(personsApi.get, { params: { id: p.id } });
        await call(casesApi.list, { query: { personId: p.id, limit: 100 } });
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  await deviceDb.profiles.update(opened.userId, {
    lastSyncAt: new Date().toISOString(),
    // Without the server's clock the next sync reads everything again: slower, never stale.
    syncCursor: Number.isNaN(serverTime) ? null : new Date(serverTime - CURSOR_OVERLAP_MS).toISOString(),
  });
  return report;
}

/** A kept person, for screens that build on it offline. */
export const keptPerson = (id: string) => recall<Person>(urlOf(personsApi.get, { params: { id } }));
