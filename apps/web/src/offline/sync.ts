import {
  type Case,
  casesApi,
  directoryApi,
  geographyApi,
  listsApi,
  type Person,
  personsApi,
  proceduresApi,
} from '@komek/domain';
import { call, urlOf } from '../app/api.ts';
import { recall } from './answers.ts';
import { deviceDb } from './db.ts';
import { openKey } from './device.ts';

/** The first page of the people and case lists as their screens ask for it. */
export const PEOPLE_FIRST_PAGE = { limit: 25, offset: 0 } as const;
export const CASES_FIRST_PAGE = { sort: 'opened_desc', limit: 25, offset: 0 } as const;
/** The service directory's first page (where to refer), and the procedure templates' first country. */
export const SERVICES_FIRST_PAGE = { limit: 50, offset: 0, includeInactive: 'true' } as const;
export const TEMPLATES_FIRST_COUNTRY = 'KG' as const;
/** A field worker's working set: their own and assigned cases, up to this many. */
const MY_CASES = { assignedTo: 'me', limit: 100 } as const;

export interface SyncReport {
  cases: number;
  fetched: number;
  unchanged: number;
}

let running: Promise<SyncReport | null> | null = null;

/**
 * Brings the working set onto the device (each answer is sealed there as it is read): the
 * reference lists the forms need, the user's cases with their people and activity, and their
 * list follow-ups. A case whose version has not moved since the last sync is not fetched again
 * (its activity always is).
 */
export function syncWorkingSet(): Promise<SyncReport | null> {
  running ??= run().finally(() => {
    running = null;
  });
  return running;
}

async function run(): Promise<SyncReport | null> {
  const opened = openKey();
  if (!opened || !navigator.onLine) return null;
  // Each read on its own: a list this role may not see (403) does not stop the rest.
  await Promise.allSettled([
    call(geographyApi.list, { query: { level: 'district' } }),
    call(casesApi.eligibilityCriteria, {}),
    call(listsApi.myFollowUps, {}),
    call(personsApi.list, { query: PEOPLE_FIRST_PAGE }),
    call(casesApi.list, { query: CASES_FIRST_PAGE }),
    call(directoryApi.list, { query: SERVICES_FIRST_PAGE }),
    call(proceduresApi.templates, { query: { countryCode: TEMPLATES_FIRST_COUNTRY } }),
    call(proceduresApi.holidays, { query: { countryCode: TEMPLATES_FIRST_COUNTRY } }),
  ]);
  const mine = await call(casesApi.list, { query: MY_CASES });
  const report: SyncReport = { cases: mine.items.length, fetched: 0, unchanged: 0 };
  // A case's own fields move its version; its consultations, notes and tasks do not, so the
  // activity is read for every case (four at a time) and the rest only when the version moved.
  const queue = [...mine.items];
  const worker = async () => {
    for (let summary = queue.shift(); summary; summary = queue.shift()) {
      await call(casesApi.activity, { params: { id: summary.id } });
      const kept = await recall<Case>(urlOf(casesApi.get, { params: { id: summary.id } }));
      if (kept && kept.version === summary.version) {
        report.unchanged++;
        continue;
      }
      report.fetched++;
      await call(casesApi.get, { params: { id: summary.id } });
      for (const p of summary.persons) {
        await call(personsApi.get, { params: { id: p.id } });
        await call(casesApi.list, { query: { personId: p.id, limit: 100 } });
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  await deviceDb.profiles.update(opened.userId, { lastSyncAt: new Date().toISOString() });
  return report;
}

/** A kept person, for screens that build on it offline. */
export const keptPerson = (id: string) => recall<Person>(urlOf(personsApi.get, { params: { id } }));
