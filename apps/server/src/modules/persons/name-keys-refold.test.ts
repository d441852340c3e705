import { FOLD_VERSION } from '@komek/matching';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedVersions, persons } from '../../db/schema/index.ts';
import { declareQueues, registerWorkers } from '../../jobs/registry.ts';
import { startJobs, stopJobs } from '../../platform/jobs.ts';
import { openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { until } from '../../test/until.ts';
import { refoldLater, refoldNameKeys } from './name-keys-refold.ts';

describe('name keys folded again when the folding changes', () => {
  let t: TestApp;
  let s: Session;
  beforeAll(async () => {
    t = await createTestApp();
    s = (await t.signedIn('supervisor')).session;
  });
  afterAll(() => t.close());

  const search = async (url: string) =>
    (await t.app.inject({ method: 'GET', url, headers: s.headers })).json().items as Array<{ id: string }>;

  it('finds people and cases stored under the old keys by the new ones, once', async () => {
    // Жаңыл was folded "jangil" before ң folded to n inside a word; a search now folds to "janil".
    const person = await registerPerson(t, s, { givenName: 'Жаңыл', familyName: 'Шерзодова' });
    const kase = await openCase(t, s, [person.id]);
    const { db } = t.platform.database;
    await db
      .update(persons)
      .set({ nameKeys: ['jangil', 'serzodov'] })
      .where(eq(persons.id, person.id));
    await db.execute(sql`update cases set person_keys = '{jangil,serzodov}' where id = ${kase.id}`);
    await db
      .insert(derivedVersions)
      .values({ name: 'name_keys', version: FOLD_VERSION - 1 })
      .onConflictDoUpdate({ target: derivedVersions.name, set: { version: FOLD_VERSION - 1 } });
    expect(await search(`/api/persons?q=${encodeURIComponent('Janyl')}`)).toEqual([]);

    const first = await refoldNameKeys(db);
    expect(first?.changed).toBe(1);
    expect(
      (await search(`/api/persons?q=${encodeURIComponent('Janyl Sherzodova')}`)).map((p) => p.id),
    ).toEqual([person.id]);
    expect((await search(`/api/cases?q=${encodeURIComponent('Jangyl')}`)).map((c) => c.id)).toEqual([
      kase.id,
    ]);
    expect(await refoldNameKeys(db)).toBeNull();
  });

  it('folds them again in a background job once the queues are up, the job put on the queue once', async () => {
    const person = await registerPerson(t, s, { givenName: 'Жаңыл', familyName: 'Асанова' });
    const { db } = t.platform.database;
    await db
      .update(persons)
      .set({ nameKeys: ['jangil', 'asanov'] })
      .where(eq(persons.id, person.id));
    await db
      .update(derivedVersions)
      .set({ version: FOLD_VERSION - 1 })
      .where(eq(derivedVersions.name, 'name_keys'));
    const jobs = await startJobs(t.platform.database);
    t.platform.jobs = jobs;
    try {
      // Two nodes starting at once: one job waits on the queue, not two.
      await declareQueues(t.platform);
      await refoldLater(jobs, db);
      await refoldLater(jobs, db);
      expect(await jobs.getQueueSize('name-keys-refold')).toBe(1);
      await registerWorkers(t.platform);
      // The version is recorded last, once every key is folded again.
      await until(async () => {
        const [row] = await db.select().from(derivedVersions).where(eq(derivedVersions.name, 'name_keys'));
        return row?.version === FOLD_VERSION ? true : undefined;
      });
      const [row] = await db
        .select({ keys: persons.nameKeys })
        .from(persons)
        .where(eq(persons.id, person.id));
      expect(row?.keys).toContain('janil');
      expect(row?.keys).not.toContain('jangil');
      // Nothing stale: starting again queues nothing (a job sent while the first ran finds nothing to do).
      await until(async () => ((await jobs.getQueueSize('name-keys-refold')) === 0 ? true : undefined));
      await refoldLater(jobs, db);
      expect(await jobs.getQueueSize('name-keys-refold')).toBe(0);
    } finally {
      t.platform.jobs = undefined;
      await stopJobs(jobs);
    }
  }, 60_000);
});
