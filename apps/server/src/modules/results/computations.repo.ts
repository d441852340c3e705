import { ageBracket, COMPUTATIONS, type Computation } from '@komek/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.ts';

export interface CountCell {
  country: string;
  population_type: string;
  sex: string;
  age: string;
  disability: boolean;
  district_id: string | null;
  n: number;
}

const NATIONALITY = ['nationality_acquired', 'nationality_confirmed'];
const RESIDENCY = ['status_granted', 'residence_permit_granted'];
const FAVOURABLE = [...NATIONALITY, ...RESIDENCY, 'document_issued', 'appeal_won'];
const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** One statement each: the embedded database takes a single statement per call. */
const REPORT_SETTINGS = [
  'max_parallel_workers_per_gather = 2',
  "work_mem = '64MB'",
  'enable_nestloop = off',
  'enable_sort = off',
  'jit = off',
  // Cheaper parallel set-up than the defaults assume: both sides of the join to the people of the
  // cases are then read and hashed by two workers (1.6 s → 1.5 s alone, bench/README.md).
  'parallel_setup_cost = 10',
  'parallel_tuple_cost = 0.001',
];

/** What can happen to a case in a year, one bit each, gathered per person with `bit_or`. */
const EVENT = { aid: 1, sent: 2, nat: 4, res: 8, won: 16 } as const;

/** Every computation's count in one cell of the dimensions. */
export type AllCountsCell = Omit<CountCell, 'n'> & Record<Computation, number>;

/**
 * Every computation for one organisation and year in a single statement: the people each one
 * counts are found once, flagged, joined to their records once and grouped by every dimension a
 * results table needs (country, population type, sex, age bracket at the year's end, disability,
 * district). People are counted once per computation; completed referrals count one each,
 * attributed to the main person of their case. A person's country is the first part of their
 * district code, else the organisation's.
 */
export async function computeAllCounts(
  db: Db,
  orgId: string,
  orgCountry: string,
  year: number,
): Promise<AllCountsCell[]> {
  // A report query, not a page: it may use the parallel workers and memory the API's page queries
  // give up, and hash joins (the planner cannot foresee how many people the flags keep, and picks
  // a nested loop over the people table that costs seconds at a million). Measured in bench/README.md.
  return db.transaction(async (tx) => {
    for (const setting of REPORT_SETTINGS) await tx.execute(sql.raw(`set local ${setting}`));
    const raw = await queryRows<RawCell>(tx as unknown as Db, allCountsQuery(orgId, year));
    return intoCells(raw, orgCountry, year);
  });
}

type RawCell = Omit<AllCountsCell, 'country' | 'age'> & { birth_year: number | null };

/**
 * Country and age bracket are derived here rather than grouped on in SQL: grouping on plain
 * columns lets PostgreSQL hash them, and everyone born in a year has had that birthday by the
 * year's end, so the age then is simply the difference of the years.
 */
function intoCells(raw: RawCell[], orgCountry: string, year: number): AllCountsCell[] {
  const cells = new Map<string, AllCountsCell>();
  for (const r of raw) {
    const country = r.district_id?.split('-')[0] || orgCountry;
    const age = r.birth_year === null ? 'unknown' : (ageBracket(year - r.birth_year) ?? 'unknown');
    const key = [country, r.population_type, r.sex, r.disability, r.district_id, age].join('|');
    const cell = cells.get(key);
    if (!cell) {
      const { birth_year: _b, ...counts } = r;
      cells.set(key, { ...counts, country, age });
      continue;
    }
    for (const c of COMPUTATIONS) cell[c] += r[c];
  }
  return [...cells.values()];
}

export function allCountsQuery(orgId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  // Each row of `events` says what happened to a case in the year as bits (EVENT) and how many
  // referrals it completed; one join to the people of those cases and one aggregation per person.
  const bit = (...names: Array<keyof typeof EVENT>) =>
    sql.raw(String(names.reduce((b, n) => b | EVENT[n], 0)));
  return sql`
    with events as (
      select i.case_id, ${bit('aid')} as bits, 0 as done
      from interventions i
      where i.org_id = ${orgId} and i.date >= ${from}::date and i.date < ${to}::date
      union all
      select r.case_id, ${bit('sent')}, 0 from referrals r
      where r.from_org_id = ${orgId} and r.case_id is not null and r.sent_at >= ${from}::date and r.sent_at < ${to}::date
      union all
      select c.id, ${bit('won')} | (case when c.outcome in (${list(NATIONALITY)}) then ${bit('nat')} else 0 end)
        | (case when c.outcome in (${list(RESIDENCY)}) then ${bit('res')} else 0 end), 0
      from cases c
      where c.org_id = ${orgId} and c.status = 'closed' and c.closed_at >= ${from}::date and c.closed_at < ${to}::date
        and c.outcome in (${list(FAVOURABLE)})
      union all
      select r.case_id, 0, 1 from referrals r
      where r.from_org_id = ${orgId} and r.case_id is not null and r.status = 'completed'
        and r.completed_at >= ${from}::date and r.completed_at < ${to}::date),
    flags as (
      select cp.person_id, bit_or(e.bits) as bits, sum(case when cp.position = 0 then e.done else 0 end)::int as refs
      from events e join case_persons cp on cp.case_id = e.case_id
      group by cp.person_id)
    select p.district_id, p.population_type, p.sex, p.has_disability as disability,
      extract(year from p.birth_date)::int as birth_year,
      (count(*) filter (where f.bits & ${bit('aid')} <> 0))::int as people_legal_assistance,
      (count(*) filter (where f.bits & ${bit('aid', 'sent')} <> 0))::int as people_protection_services,
      (count(*) filter (where f.bits & ${bit('nat')} <> 0))::int as nationality_granted_or_confirmed,
      (count(*) filter (where f.bits & ${bit('res')} <> 0))::int as residency_granted_or_confirmed,
      (count(*) filter (where f.bits & ${bit('won')} <> 0))::int as procedures_won,
      coalesce(sum(f.refs), 0)::int as referrals_completed
    from flags f join persons p on p.id = f.person_id
    group by 1, 2, 3, 4, 5`;
}

/** The cells of one computation, without the empty ones. */
export function cellsOf(all: AllCountsCell[], c: Computation): CountCell[] {
  return all
    .filter((cell) => cell[c] > 0)
    .map((cell) => ({
      country: cell.country,
      population_type: cell.population_type,
      sex: cell.sex,
      age: cell.age,
      disability: cell.disability,
      district_id: cell.district_id,
      n: cell[c],
    }));
}

export interface MonthTrend {
  month: number;
  people_legal_aid: number;
  cases_opened: number;
  referrals_sent: number;
}

/** Month by month in a year: people given legal aid (each once a month), cases opened, referrals sent. */
export async function monthlyTrends(db: Db, orgId: string, year: number): Promise<MonthTrend[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  return queryRows<MonthTrend>(
    db,
    sql`
    with months as (select generate_series(1, 12) as month),
    aid as (
      select extract(month from i.date)::int as month, count(distinct cp.person_id)::int as n
      from interventions i join case_persons cp on cp.case_id = i.case_id
      where i.org_id = ${orgId} and i.date >= ${from}::date and i.date < ${to}::date group by 1),
    opened as (
      select extract(month from opened_at)::int as month, count(*)::int as n from cases
      where org_id = ${orgId} and opened_at >= ${from}::date and opened_at < ${to}::date group by 1),
    sent as (
      select extract(month from sent_at)::int as month, count(*)::int as n from referrals
      where from_org_id = ${orgId} and sent_at >= ${from}::date and sent_at < ${to}::date group by 1)
    select m.month, coalesce(a.n, 0) as people_legal_aid, coalesce(o.n, 0) as cases_opened, coalesce(s.n, 0) as referrals_sent
    from months m left join aid a using (month) left join opened o using (month) left join sent s using (month)
    order by m.month`,
  );
}
