import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { organisations } from './schema/index.ts';
import { countCapped } from './scope.ts';

describe('countCapped', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (const name of ['one', 'two', 'three']) await t.factory.org({ name, type: 'other' });
  });
  afterAll(() => t.close());

  it('counts exactly below the cap and says when it stopped at the cap', async () => {
    const where = eq(organisations.type, 'other');
    expect(await countCapped(t.db, organisations, where, 10)).toEqual({ total: 3, totalCapped: false });
    expect(await countCapped(t.db, organisations, where, 3)).toEqual({ total: 3, totalCapped: false });
    expect(await countCapped(t.db, organisations, where, 2)).toEqual({ total: 2, totalCapped: true });
  });
});
