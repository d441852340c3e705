import type { NationalityStatus, PersonSummary, PopulationType } from '@komek/domain';
import type { Platform } from '../../platform/http.ts';
import type { Actor } from '../../platform/policy.ts';
import { toCsv, toXlsx } from '../../platform/tabular-export.ts';
import { presentPersonSummary } from './persons.presenter.ts';
import * as service from './persons.service.ts';

const COLUMNS: Array<[string, (p: PersonSummary) => string | number]> = [
  ['family_name', (p) => p.familyName],
  ['given_name', (p) => p.givenName],
  ['patronymic', (p) => p.patronymic ?? ''],
  ['latin_name', (p) => p.latinName ?? ''],
  ['sex', (p) => p.sex],
  ['birth_date', (p) => p.birthDate ?? ''],
  ['age', (p) => p.age ?? ''],
  ['district', (p) => p.districtId ?? ''],
  ['nationality_status', (p) => p.nationalityStatus],
  ['population_type', (p) => p.populationType],
];

/** The people this user may list with these filters; contact details are never exported in bulk. */
export async function exportPersons(
  platform: Platform,
  actor: Actor,
  query: {
    q?: string;
    districtId?: string;
    populationType?: PopulationType;
    nationalityStatus?: NationalityStatus;
  },
  format: 'csv' | 'xlsx',
) {
  const rows: PersonSummary[] = [];
  for (let offset = 0; offset < 50_000; offset += 1000) {
    const page = await service.listPersons(platform, actor, { ...query, limit: 1000, offset });
    rows.push(...page.items.map(presentPersonSummary));
    if (page.items.length < 1000) break;
  }
  const table = { sheet: 'people', columns: COLUMNS, rows };
  return { body: format === 'csv' ? toCsv(table) : await toXlsx(table), count: rows.length };
}
