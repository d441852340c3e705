import { LOCALES, zPersonInput } from '@komek/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/connection.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { seedDemo } from './demo.seed.ts';
import { generatePerson, rng } from './population.ts';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('generates valid people of every naming tradition, the same for the same seed', () => {
    const a = rng(7);
    const people = Array.from({ length: 2000 }, () => generatePerson(a));
    for (const p of people) expect(zPersonInput.safeParse(p).success, JSON.stringify(p)).toBe(true);
    expect(new Set(people.map((p) => p.style))).toEqual(
      new Set(['kyrgyz', 'uzbek', 'tajik', 'kazakh', 'russian', 'afghan']),
    );
    expect(generatePerson(rng(99))).toEqual(generatePerson(rng(99)));
  });

  it('seeds organisations, users, people and cases at every stage, once', async () => {
    const first = await seedDemo(t.platform, { people: 60 });
    const again = await seedDemo(t.platform, { people: 60 });
    expect([first.created, again.created]).toEqual([true, false]);
    const [counts] = await queryRows<{ persons: number; statuses: number }>(
      t.db,
      sql`select (select count(*)::int from persons) as persons, (select count(distinct status)::int from cases) as statuses`,
    );
    expect(counts).toEqual({ persons: 60, statuses: 4 });
    // Referrals to the partners on the platform reach several stages; the directory lists five services.
    const [refs] = await queryRows<{ services: number; referrals: number; stages: number }>(
      t.db,
      sql`select (select count(*)::int from services) as services, (select count(*)::int from referrals) as referrals,
        (select count(distinct status)::int from referrals) as stages`,
    );
    expect(refs!.services).toBe(5);
    expect(refs!.referrals).toBeGreaterThan(5);
    expect(refs!.stages).toBeGreaterThanOrEqual(3);
    const [procs] = await queryRows<{ procedures: number; running: number }>(
      t.db,
      sql`select (select count(*)::int from case_procedures) as procedures,
        (select count(*)::int from procedure_steps where status = 'running' and due_date is not null) as running`,
    );
    expect(procs!.procedures).toBeGreaterThan(3);
    expect(procs!.running).toBeGreaterThan(0);
    // The front door: requests from every channel, some finished.
    const [intake] = await queryRows<{ items: number; channels: number; done: number }>(
      t.db,
      sql`select count(*)::int as items, count(distinct channel)::int as channels,
        count(*) filter (where status = 'done')::int as done from intake_items`,
    );
    expect(intake!.items).toBe(18);
    expect(intake!.channels).toBeGreaterThanOrEqual(3);
    expect(intake!.done).toBeGreaterThan(0);
    // Intake criteria, worded in every interface language.
    const criteria = await queryRows<{ code: string; languages: number }>(
      t.db,
      sql`select code, (select count(*)::int from jsonb_object_keys(label)) as languages from eligibility_criteria order by code`,
    );
    expect(criteria.map((c) => c.code)).toEqual([
      'cannot_pay_lawyer',
      'lives_or_works_in_area',
      'no_other_lawyer',
    ]);
    expect(criteria.every((c) => c.languages === LOCALES.length)).toBe(true);
    // Two screenings, each on a restricted case of its own, one of them at high risk.
    const screened = await queryRows<{ level: string; restricted: boolean }>(
      t.db,
      sql`select s.risk_level as level, c.restricted from screenings s join cases c on c.id = s.case_id order by 1`,
    );
    expect(screened).toEqual([
      { level: 'high', restricted: true },
      { level: 'medium', restricted: true },
    ]);
  });
});
