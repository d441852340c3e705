import {
  type MonitoringFigures,
  type Visit,
  zCaseInput,
  type zVisitInput,
  type zVisitListQuery,
  type zVisitToCase,
  type zVisitUpdate,
} from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize } from '../../platform/policy.ts';
import { openCase } from '../cases/cases.service.ts';
import { assertAnswerable } from './checklist.service.ts';
import { getCheckpoint } from './checkpoints.service.ts';
import * as repo from './visits.repo.ts';

const sealContext = {
  notes: (id: string) => `checkpoint_visits.notes:${id}`,
  summary: (id: string) => `checkpoint_visits.summary:${id}`,
};

export async function presentVisits(platform: Platform, rows: repo.VisitWithPlace[]): Promise<Visit[]> {
  const cases = await repo.casesOf(
    platform.database.db,
    rows.map((r) => r.visit.id),
  );
  return rows.map(({ visit, name, countryCode }) => {
    const notes = JSON.parse(platform.cipher.decrypt(visit.notesEnc, sealContext.notes(visit.id))) as Record<
      string,
      string
    >;
    return {
      id: visit.id,
      checkpointId: visit.checkpointId,
      checkpointName: name,
      countryCode: countryCode as Visit['countryCode'],
      visitedOn: visit.visitedOn,
      team: visit.team,
      met: visit.met,
      findings: visit.findings.map((f) => ({ ...f, note: notes[f.key] ?? null })),
      figures: visit.figures,
      summary: visit.summaryEnc
        ? platform.cipher.decrypt(visit.summaryEnc, sealContext.summary(visit.id))
        : null,
      caseIds: cases.get(visit.id) ?? [],
      version: visit.version,
    };
  });
}

type VisitFields = Omit<z.output<typeof zVisitUpdate>, 'version'>;

/** The columns a visit's fields are kept in: answers and figures plain for counting, words sealed. */
function columnsOf(platform: Platform, id: string, input: VisitFields) {
  const notes = Object.fromEntries(input.findings.filter((f) => f.note).map((f) => [f.key, f.note]));
  return {
    visitedOn: input.visitedOn,
    team: input.team,
    met: input.met,
    findings: input.findings.map(({ key, answer }) => ({ key, answer })),
    figures: input.figures,
    notesEnc: platform.cipher.encrypt(JSON.stringify(notes), sealContext.notes(id)),
    summaryEnc: input.summary ? platform.cipher.encrypt(input.summary, sealContext.summary(id)) : null,
  };
}

export async function recordVisit(platform: Platform, actor: Actor, input: z.output<typeof zVisitInput>) {
  authorize(actor, 'monitoring.record');
  const checkpoint = await getCheckpoint(platform, actor, input.checkpointId, 'monitoring.record');
  await assertAnswerable(platform, actor.orgId, input.findings);
  const id = input.id ?? uuidv7();
  await repo.insertVisit(platform.database.db, {
    id,
    orgId: actor.orgId,
    checkpointId: checkpoint.id,
    ...columnsOf(platform, id, input),
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
  return (await repo.findVisit(platform.database.db, id))!;
}

export async function getVisit(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'monitoring.read' | 'monitoring.record' = 'monitoring.read',
) {
  const row = await repo.findVisit(platform.database.db, id);
  assertCan(
    actor,
    permission,
    row && { orgId: row.visit.orgId, officeId: null, ownerId: row.visit.createdBy },
  );
  return row!;
}

export function listVisits(platform: Platform, actor: Actor, query: z.output<typeof zVisitListQuery>) {
  authorize(actor, 'monitoring.read');
  return repo.listVisits(platform.database.db, actor.orgId, query);
}

export async function updateVisit(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zVisitUpdate>,
) {
  const current = await getVisit(platform, actor, id, 'monitoring.record');
  await assertAnswerable(
    platform,
    actor.orgId,
    input.findings,
    new Set(current.visit.findings.map((f) => f.key)),
  );
  const { version, ...fields } = input;
  const row = await repo.updateVisit(platform.database.db, id, version, {
    ...columnsOf(platform, id, fields),
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.visit.version);
  return { ...current, visit: row };
}

/** Opens a case for a person the team identified at the crossing, and links it to the visit. */
export async function caseFromVisit(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zVisitToCase>,
) {
  const row = await getVisit(platform, actor, id, 'monitoring.record');
  const opened = await openCase(
    platform,
    actor,
    zCaseInput.parse({
      personIds: [input.personId],
      problems: input.problems,
      priority: input.priority,
      // The place and day only, in no one language: the visit's notes stay with the visit.
      summary: `${row.name} · ${row.visit.visitedOn}`,
    }),
  );
  await repo.linkCase(platform.database.db, id, opened.id);
  return { row, opened };
}

/** A year of visits summed by country: what indicator 1.1 and the activities report read. */
export async function monitoringFigures(
  platform: Platform,
  actor: Actor,
  year: number,
): Promise<MonitoringFigures> {
  authorize(actor, 'monitoring.read');
  const visits = await repo.visitsOfYear(platform.database.db, actor.orgId, year);
  type Country = MonitoringFigures['countries'][number];
  const byCountry = new Map<
    string,
    Country & { places: Set<string>; tally: Map<string, Country['findings'][number]> }
  >();
  for (const v of visits) {
    let c = byCountry.get(v.countryCode);
    if (!c) {
      c = {
        countryCode: v.countryCode as Country['countryCode'],
        visits: 0,
        checkpoints: 0,
        soughtProtection: 0,
        accessedProcedure: 0,
        refusedEntry: 0,
        detained: 0,
        removed: 0,
        accessPercent: null,
        casesOpened: 0,
        findings: [],
        places: new Set(),
        tally: new Map(),
      };
      byCountry.set(v.countryCode, c);
    }
    c.visits += 1;
    c.places.add(v.checkpointId);
    c.casesOpened += v.cases;
    for (const k of ['soughtProtection', 'accessedProcedure', 'refusedEntry', 'detained', 'removed'] as const)
      c[k] += v.figures[k];
    for (const f of v.findings) {
      if (f.answer === 'not_observed') continue;
      const t = c.tally.get(f.key) ?? { key: f.key, yes: 0, partly: 0, no: 0 };
      t[f.answer] += 1;
      c.tally.set(f.key, t);
    }
  }
  return {
    countries: [...byCountry.values()]
      .sort((a, b) => a.countryCode.localeCompare(b.countryCode))
      .map(({ places, tally, ...c }) => ({
        ...c,
        checkpoints: places.size,
        accessPercent:
          c.soughtProtection > 0 ? Math.round((c.accessedProcedure / c.soughtProtection) * 1000) / 10 : null,
        findings: [...tally.values()],
      })),
  };
}
