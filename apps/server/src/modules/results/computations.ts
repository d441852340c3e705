import type { Computation } from '@komek/domain';
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
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const yearEnd = `${year}-12-31`;
  return queryRows<AllCountsCell>(
    db,
    sql`
    with aid as (
      select cp.person_id from interventions i join case_persons cp on cp.case_id = i.case_id
      where i.org_id = ${orgId} and i.date >= ${from}::date and i.date < ${to}::date),
    sent as (
      select cp.person_id from referrals r join case_persons cp on cp.case_id = r.case_id
      where r.from_org_id = ${orgId} and r.sent_at >= ${from}::date and r.sent_at < ${to}::date),
    closed as (
      select cp.person_id, c.outcome from cases c join case_persons cp on cp.case_id = c.id
      where c.org_id = ${orgId} and c.status = 'closed' and c.closed_at >= ${from}::date and c.closed_at < ${to}::date
        and c.outcome in (${list(FAVOURABLE)})),
    done as (
      select cp.person_id from referrals r join case_persons cp on cp.case_id = r.case_id and cp.position = 0
      where r.from_org_id = ${orgId} and r.status = 'completed' and r.completed_at >= ${from}::date and r.completed_at < ${to}::date),
    flags as (
      select person_id, bool_or(aid) as aid, bool_or(sent) as sent, bool_or(nat) as nat, bool_or(res) as res,
        bool_or(won) as won, sum(refs)::int as refs
      from (
        select person_id, true as aid, false as sent, false as nat, false as res, false as won, 0 as refs from aid
        union all select person_id, false, true, false, false, false, 0 from sent
        union all select person_id, false, false, outcome in (${list(NATIONALITY)}), outcome in (${list(RESIDENCY)}), true, 0 from closed
        union all select person_id, false, false, false, false, false, 1 from done
      ) u group by person_id),
    attrs as (
      select coalesce(nullif(split_part(p.district_id, '-', 1), ''), ${orgCountry}) as country,
        p.population_type, p.sex, p.has_disability as disability, p.district_id,
        case when p.birth_date is null then null
          else extract(year from age(${yearEnd}::date, p.birth_date))::int end as years,
        f.*
      from flags f join persons p on p.id = f.person_id)
    select country, population_type, sex, disability, district_id,
      case when years is null then 'unknown' when years <= 4 then '0-4' when years <= 11 then '5-11'
        when years <= 17 then '12-17' when years <= 59 then '18-59' else '60+' end as age,
      (count(*) filter (where aid))::int as people_legal_assistance,
      (count(*) filter (where aid or sent))::int as people_protection_services,
      (count(*) filter (where nat))::int as nationality_granted_or_confirmed,
      (count(*) filter (where res))::int as residency_granted_or_confirmed,
      (count(*) filter (where won))::int as procedures_won,
      coalesce(sum(refs), 0)::int as referrals_completed
    from attrs
    group by country, population_type, sex, disability, district_id, 6`,
  );
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
