import {
  AGE_BRACKETS,
  type Computation,
  type Indicator,
  type IndicatorInput,
  type IndicatorResult,
  type Locale,
  type PopulationType,
  SEXES,
  suppress,
  type zIndicatorUpdate,
  type zIndicatorValueInput,
} from '@komek/domain';
import type { z } from 'zod';
import { AppError, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize } from '../../platform/policy.ts';
import { findOrganisation } from '../organisations/organisations.repo.ts';
import { localised } from '../procedures/procedures.service.ts';
import { type CountCell, cellsOf, computeAllCounts, monthlyTrends } from './computations.repo.ts';
import * as repo from './results.repo.ts';
import { STANDARD_INDICATORS } from './standard-indicators.ts';

export function presentIndicator(row: repo.IndicatorRow): Indicator {
  return {
    id: row.id,
    orgId: row.orgId,
    code: row.code,
    name: row.name,
    level: row.level,
    area: row.area,
    populationTypes: row.populationTypes,
    unit: row.unit,
    source: row.source,
    computation: row.computation,
    active: row.active,
    version: row.version,
  };
}

export async function listIndicators(platform: Platform, actor: Actor) {
  authorize(actor, 'results.read');
  return (await repo.listIndicators(platform.database.db, actor.orgId)).map(presentIndicator);
}

export async function createIndicator(platform: Platform, actor: Actor, input: IndicatorInput) {
  authorize(actor, 'results.manage');
  const row = await repo.insertIndicator(platform.database.db, {
    ...input,
    orgId: actor.orgId,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
  if (!row) throw new AppError('conflict', { reason: 'code_taken', code: input.code });
  return row;
}

async function ownIndicator(platform: Platform, actor: Actor, id: string) {
  const row = await repo.findIndicator(platform.database.db, id);
  assertCan(actor, 'results.manage', row);
  return row;
}

export async function updateIndicator(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.infer<typeof zIndicatorUpdate>,
) {
  const current = await ownIndicator(platform, actor, id);
  const { version, ...values } = input;
  const row = await repo.updateIndicatorVersioned(platform.database.db, id, version, {
    ...values,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

export async function setValues(
  platform: Platform,
  actor: Actor,
  id: string,
  values: Array<z.infer<typeof zIndicatorValueInput>>,
) {
  const indicator = await ownIndicator(platform, actor, id);
  await repo.upsertValues(
    platform.database.db,
    values.map((v) => ({
      ...v,
      // A computed indicator's actual comes from the records; a typed one would contradict them.
      actual: indicator.source === 'computed' ? null : v.actual,
      orgId: actor.orgId,
      indicatorId: id,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })),
  );
}

/** Adds the report's and the programme's indicators the organisation lacks, with the report's figures. */
export async function importStandardIndicators(
  platform: Platform,
  orgId: string,
  userId: string | null,
  year: number,
) {
  const { db } = platform.database;
  let added = 0;
  for (const { figures, ...input } of STANDARD_INDICATORS) {
    const row = await repo.insertIndicator(db, { ...input, orgId, createdBy: userId, updatedBy: userId });
    if (!row) continue;
    added++;
    const cell = (f: NonNullable<typeof figures>[number]) => ({
      orgId,
      indicatorId: row.id,
      countryCode: f.country,
      populationType: f.population,
      createdBy: userId,
      updatedBy: userId,
    });
    // The report's own year as it stands, and the year asked for starting from where it ended.
    await repo.upsertValues(db, [
      ...(figures ?? []).map((f) => ({
        ...cell(f),
        year: 2024,
        baseline: f.baseline,
        target: f.target ?? null,
        actual: input.source === 'entered' ? (f.actual ?? null) : null,
      })),
      ...(year === 2024
        ? []
        : (figures ?? []).map((f) => ({
            ...cell(f),
            year,
            baseline: f.actual ?? f.baseline,
            target: null,
            actual: null,
          }))),
    ]);
  }
  return added;
}

const progressOf = (actual: number | null, baseline: number | null, target: number | null) =>
  actual === null || baseline === null || target === null || target === baseline
    ? null
    : Math.round(((actual - baseline) / (target - baseline)) * 1000) / 1000;

function disaggregate(cells: CountCell[], cut: (n: number) => number | string) {
  const bySexAge = SEXES.flatMap((sex) =>
    [...AGE_BRACKETS, 'unknown' as const].map((age) => ({
      sex,
      age,
      n: cut(cells.filter((c) => c.sex === sex && c.age === age).reduce((s, c) => s + c.n, 0)),
    })),
  ).filter((x) => x.n !== 0);
  return { bySexAge, withDisability: cut(cells.filter((c) => c.disability).reduce((s, c) => s + c.n, 0)) };
}

/**
 * The results table of a year: each indicator by country and population type with baseline,
 * target, actual and progress; computed ones disaggregated by sex × age and disability. With
 * `suppressBelow`, every count from 1 to below the threshold leaves as "<N".
 */
export async function resultsFor(
  platform: Platform,
  actor: Actor,
  year: number,
  locale: Locale,
  options: { suppressBelow?: number; onProgress?: (done: number, total: number) => Promise<void> } = {},
): Promise<IndicatorResult[]> {
  authorize(actor, 'results.read');
  const { db } = platform.database;
  const org = await findOrganisation(db, actor.orgId);
  const [list, values] = await Promise.all([
    repo.listIndicators(db, actor.orgId),
    repo.valuesOfYear(db, actor.orgId, year),
  ]);
  // Impact, then outcome, then output, as the report reads; codes in natural order (1.2 before 1.10).
  const LEVEL = { impact: 0, outcome: 1, output: 2 } as Record<string, number>;
  const active = list
    .filter((i) => i.active)
    .sort(
      (a, b) =>
        (LEVEL[a.level] ?? 3) - (LEVEL[b.level] ?? 3) ||
        a.code.localeCompare(b.code, 'en', { numeric: true }),
    );
  const all = active.some((i) => i.computation)
    ? await computeAllCounts(db, actor.orgId, org?.countryCode ?? 'KG', year)
    : [];
  const counts = (c: Computation) => cellsOf(all, c);
  const below = options.suppressBelow;
  const cut = (n: number) => (below ? suppress(n, below) : n);
  const out: IndicatorResult[] = [];
  for (const [index, row] of active.entries()) {
    const mine = values.filter((v) => v.indicatorId === row.id);
    const cells = row.computation
      ? counts(row.computation).filter(
          (c) =>
            row.populationTypes.length === 0 ||
            row.populationTypes.includes(c.population_type as PopulationType),
        )
      : [];
    const keys = new Map<string, { countryCode: string; populationType: string }>();
    for (const v of mine) keys.set(`${v.countryCode}|${v.populationType}`, v);
    for (const c of cells)
      keys.set(`${c.country}|${c.population_type}`, {
        countryCode: c.country,
        populationType: c.population_type,
      });
    const rows = [...keys.values()]
      .sort((a, b) => (a.countryCode + a.populationType).localeCompare(b.countryCode + b.populationType))
      .map(({ countryCode, populationType }) => {
        const v = mine.find((x) => x.countryCode === countryCode && x.populationType === populationType);
        const here = cells.filter((c) => c.country === countryCode && c.population_type === populationType);
        const actual = row.computation ? here.reduce((s, c) => s + c.n, 0) : (v?.actual ?? null);
        const baseline = v?.baseline ?? null;
        const target = v?.target ?? null;
        const shown = actual === null ? null : row.unit === 'number' ? cut(actual) : actual;
        return {
          countryCode,
          populationType,
          baseline,
          target,
          actual: shown,
          actualText: v?.actualText ?? null,
          // A suppressed count must not be recoverable from its progress.
          progress: typeof shown === 'string' ? null : progressOf(actual, baseline, target),
          disaggregation: row.computation ? disaggregate(here, cut) : null,
        };
      });
    const result: IndicatorResult = {
      indicator: presentIndicator(row),
      name: localised(row.name, locale),
      rows,
    };
    if (row.code === 'P1' || row.computation === 'people_legal_assistance') {
      const byDistrict = new Map<string, number>();
      for (const c of cells)
        if (c.district_id) byDistrict.set(c.district_id, (byDistrict.get(c.district_id) ?? 0) + c.n);
      result.byDistrict = [...byDistrict.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([districtId, n]) => ({ districtId, n: cut(n) }));
    }
    out.push(result);
    await options.onProgress?.(index + 1, active.length);
  }
  return out;
}

/** Month by month, with small counts suppressed when the figures leave the organisation. */
export async function trendsFor(platform: Platform, actor: Actor, year: number, suppressBelow?: number) {
  authorize(actor, 'results.read');
  const cut = (n: number) => (suppressBelow ? suppress(n, suppressBelow) : n);
  const rows = await monthlyTrends(platform.database.db, actor.orgId, year);
  return rows.map((r) => ({
    month: r.month,
    peopleLegalAid: cut(r.people_legal_aid),
    casesOpened: cut(r.cases_opened),
    referralsSent: cut(r.referrals_sent),
  }));
}
