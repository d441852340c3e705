import { storedNameKeys } from '@komek/matching';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../apps/server/src/db/connection.ts';
import { generatePerson, rng } from '../apps/server/src/seed/population.ts';

const STATUSES = ['intake', 'open', 'open', 'pending_authority', 'closed', 'closed', 'closed'];
const PRIORITIES = [
  ['emergency', 0],
  ['urgent', 1],
  ['normal', 2],
  ['normal', 2],
  ['normal', 2],
] as const;
const PROBLEMS = [
  'nationality_statelessness',
  'civil_documentation_birth_registration',
  'migration_stay_visas',
  'border_crossing',
  'asylum_refugee_status',
  'labour_migrant_rights',
];

/**
 * Loads `count` people, each with one case, spread over the given organisations (the first
 * holds 40%), through unnest() batches: one statement per 10,000 rows.
 */
export async function loadCasework(
  database: Database,
  opts: {
    count: number;
    orgIds: string[];
    userIds: string[];
    seed?: number;
    onProgress?: (done: number) => void;
  },
) {
  const r = rng(opts.seed ?? 1);
  const batch = 10_000;
  const started = Date.now();
  for (let done = 0; done < opts.count; done += batch) {
    const n = Math.min(batch, opts.count - done);
    const cols = {
      id: [] as string[],
      org: [] as string[],
      given: [] as string[],
      family: [] as string[],
      patronymic: [] as (string | null)[],
      keys: [] as string[],
      sex: [] as string[],
      birth: [] as (string | null)[],
      precision: [] as (string | null)[],
      district: [] as string[],
      nat: [] as string[],
      pop: [] as string[],
      created: [] as string[],
      caseId: [] as string[],
      number: [] as string[],
      status: [] as string[],
      priority: [] as string[],
      rank: [] as number[],
      problem: [] as string[],
      assigned: [] as string[],
      opened: [] as string[],
    };
    for (let i = 0; i < n; i++) {
      const p = generatePerson(r);
      const org = r.chance(0.4) ? opts.orgIds[0]! : r.pick(opts.orgIds);
      const created = new Date(Date.now() - r.int(0, 5 * 365) * 86_400_000).toISOString();
      cols.id.push(uuidv7());
      cols.org.push(org);
      cols.given.push(p.givenName);
      cols.family.push(p.familyName);
      cols.patronymic.push(p.patronymic ?? null);
      cols.keys.push(storedNameKeys(p).join(' '));
      cols.sex.push(p.sex);
      cols.birth.push(p.birthDate ? `${p.birthDate}-01-01`.slice(0, 10) : null);
      cols.precision.push(
        p.birthDate
          ? p.birthDate.length === 10
            ? 'exact'
            : p.birthDate.length === 7
              ? 'month'
              : 'year'
          : null,
      );
      cols.district.push(p.districtId!);
      cols.nat.push(p.nationalityStatus);
      cols.pop.push(p.populationType);
      cols.created.push(created);
      const [priority, rank] = r.pick(PRIORITIES);
      cols.caseId.push(uuidv7());
      cols.number.push(`B-${String(done + i + 1).padStart(8, '0')}`);
      cols.status.push(r.pick(STATUSES));
      cols.priority.push(priority);
      cols.rank.push(rank);
      cols.problem.push(r.pick(PROBLEMS));
      cols.assigned.push(r.pick(opts.userIds));
      cols.opened.push(created);
    }
    await database.executeSql(
      `insert into persons (id, org_id, given_name, family_name, patronymic, name_keys, sex, birth_date, birth_precision,
         district_id, nationality_status, population_type, created_at, updated_at)
       select id, org, g, f, pa, string_to_array(k, ' '), s, b::date, bp, d, n, po, c::timestamptz, c::timestamptz
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[], $13::text[]) as t(id, org, g, f, pa, k, s, b, bp, d, n, po, c)`,
      [
        cols.id,
        cols.org,
        cols.given,
        cols.family,
        cols.patronymic,
        cols.keys,
        cols.sex,
        cols.birth,
        cols.precision,
        cols.district,
        cols.nat,
        cols.pop,
        cols.created,
      ],
    );
    await database.executeSql(
      `insert into cases (id, org_id, case_number, status, priority, priority_rank, problems, assigned_to, population_type, district_id,
         opened_at, created_at, updated_at, closed_at, outcome, person_keys)
       select id, org, num, st, pr, rk, array[pb], asg, po, d, o::timestamptz, o::timestamptz, o::timestamptz,
              case when st = 'closed' then o::timestamptz + interval '60 days' end, case when st = 'closed' then 'advice_only' end,
              string_to_array(k, ' ')
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::uuid[], $9::text[], $10::text[], $11::text[], $12::text[])
         as t(id, org, num, st, pr, rk, pb, asg, po, d, o, k)`,
      [
        cols.caseId,
        cols.org,
        cols.number,
        cols.status,
        cols.priority,
        cols.rank,
        cols.problem,
        cols.assigned,
        cols.pop,
        cols.district,
        cols.opened,
        cols.keys,
      ],
    );
    await database.executeSql(
      `insert into case_persons (case_id, person_id, position) select c, p, 0 from unnest($1::uuid[], $2::uuid[]) as t(c, p)`,
      [cols.caseId, cols.id],
    );
    opts.onProgress?.(done + n);
  }
  await database.executeSql('analyze');
  return { seconds: (Date.now() - started) / 1000 };
}
