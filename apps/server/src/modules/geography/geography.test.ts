import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geographyRows } from '../../seed/geography.seed.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

describe('geography', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('seeds unique ids whose parents exist', () => {
    const rows = geographyRows();
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.size).toBe(rows.length);
    for (const row of rows) if (row.parentId) expect(ids.has(row.parentId), row.id).toBe(true);
  });

  it('lists the five Central Asian countries regions and the Kyrgyz pilot districts with communities', async () => {
    const { session } = await t.signedIn('viewer');
    const get = async (q: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/geography?${q}`, headers: session.headers })).json()
        .items as Array<{
        id: string;
        names: Record<string, string>;
      }>;
    for (const country of ['KZ', 'KG', 'TJ', 'TM', 'UZ'])
      expect((await get(`parentId=${country}`)).length).toBeGreaterThan(4);
    const osh = await get('parentId=KG-O');
    expect(osh.map((d) => d.id)).toEqual(['KG-O-ARAVAN', 'KG-O-KARASUU']);
    const karaSuu = await get('parentId=KG-O-KARASUU');
    expect(karaSuu.find((c) => c.names.en === 'Nariman')?.names.ru).toBe('Нариман');
    const districts = await get('level=district');
    expect(districts.map((d) => d.id).sort()).toEqual([
      'KG-B-KADAMJAY',
      'KG-J-AKSY',
      'KG-J-ALABUKA',
      'KG-O-ARAVAN',
      'KG-O-KARASUU',
    ]);
  });
});
