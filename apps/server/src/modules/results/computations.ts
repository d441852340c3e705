import type { Computation } from '@komek/domain';
import { type SQL, sql } from 'drizzle-orm';
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

const FAVOURABLE = [
  'nationality_acquired',
  'nationality_confirmed',
  'document_issued',
  'status_granted',
  'residence_permit_granted',
  'appeal_won',
];

const closedWith = (orgId: string, from: string, to: string, outcomes: string[]) => sql`
  select cp.person_id from cases c join case_persons cp on cp.case_id = c.id
  where c.org_id = ${orgId} and c.status = 'closed' and c.closed_at >= ${from}::date and c.closed_at < ${to}::date
    and c.outcome in (${sql.join(
      outcomes.map((o) => sql`${o}`),
      sql`, `,
    )})`;

const withIntervention = (orgId: string, from: string, to: string) => sql`
  select cp.person_id from interventions i join case_persons cp on cp.case_id = i.case_id
  where i.org_id = ${orgId} and i.date >= ${from}::date and i.date < ${to}::date`;

/**
 * Who each computation counts in a period: distinct people, except referrals, where each
 * completed referral counts once (attributed to the main person of its case).
 */
function counted(
  c: Computation,
  orgId: string,
  from: string,
  to: string,
): { people: SQL; distinct: boolean } {
  switch (c) {
    case 'people_legal_assistance':
      return { people: withIntervention(orgId, from, to), distinct: true };
    case 'people_protection_services':
      return {
        people: sql`${withIntervention(orgId, from, to)} union
          select cp.person_id from referrals r join case_persons cp on cp.case_id = r.case_id
          where r.from_org_id = ${orgId} and r.sent_at >= ${from}::date and r.sent_at < ${to}::date`,
        distinct: true,
      };
    case 'nationality_granted_or_confirmed':
      return {
        people: closedWith(orgId, from, to, ['nationality_acquired', 'nationality_confirmed']),
        distinct: true,
      };
    case 'residency_granted_or_confirmed':
      return {
        people: closedWith(orgId, from, to, ['status_granted', 'residence_permit_granted']),
        distinct: true,
      };
    case 'procedures_won':
      return { people: closedWith(orgId, from, to, FAVOURABLE), distinct: true };
    case 'referrals_completed':
      return {
        people: sql`select cp.person_id from referrals r
          join case_persons cp on cp.case_id = r.case_id and cp.position = 0
          where r.from_org_id = ${orgId} and r.status = 'completed'
            and r.completed_at >= ${from}::date and r.completed_at < ${to}::date`,
        distinct: false,
      };
  }
}

/**
 * One computation for one organisation and year, grouped by every dimension a results table
 * needs (country, population type, sex, age bracket at the year's end, disability, district).
 * A person's country is the first part of their district code, else the organisation's.
 */
export async function computeCounts(
  db: Db,
  c: Computation,
  orgId: string,
  orgCountry: string,
  year: number,
): Promise<CountCell[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const yearEnd = `${year}-12-31`;
  const { people, distinct } = counted(c, orgId, from, to);
  const source = distinct
    ? sql`select distinct person_id from (${people}) s`
    : sql`select person_id from (${people}) s`;
  return queryRows<CountCell>(
    db,
    sql`
    with counted as (${source}),
    attrs as (
      select coalesce(nullif(split_part(p.district_id, '-', 1), ''), ${orgCountry}) as country,
        p.population_type, p.sex, p.has_disability as disability, p.district_id,
        case when p.birth_date is null then null
          else extract(year from age(${yearEnd}::date, p.birth_date))::int end as years
      from counted c join persons p on p.id = c.person_id
    )
    select country, population_type, sex, disability, district_id,
      case when years is null then 'unknown' when years <= 4 then '0-4' when years <= 11 then '5-11'
        when years <= 17 then '12-17' when years <= 59 then '18-59' else '60+' end as age,
      count(*)::int as n
    from attrs
    group by country, population_type, sex, disability, district_id, 6`,
  );
}
