import {
  type Incident,
  type IncidentAffected,
  type IncidentStatus,
  zCaseInput,
  type zIncidentInput,
  type zIncidentListQuery,
  type zIncidentSource,
  type zIncidentStatusChange,
  type zIncidentToCase,
  type zIncidentUpdate,
} from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { AppError, fieldIssue, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize } from '../../platform/policy.ts';
import { getCase, openCase } from '../cases/cases.service.ts';
import { warnOf } from './early-warning.ts';
import * as repo from './incidents.repo.ts';

type Source = z.infer<typeof zIncidentSource>;
const sealContext = {
  sources: (id: string) => `border_incidents.sources:${id}`,
  description: (id: string) => `border_incidents.description:${id}`,
  note: (id: string) => `incident_events.note:${id}`,
};

const hasCasualties = (a: IncidentAffected) => a.injured > 0 || a.killed > 0;

export async function presentIncident(
  platform: Platform,
  row: repo.IncidentRow,
  options: { history?: boolean; caseIds?: string[] } = {},
): Promise<Incident> {
  const history = options.history
    ? (await repo.eventsOf(platform.database.db, row.id)).map(({ event, byName }) => ({
        at: event.at.toISOString(),
        byName,
        from: event.from,
        to: event.to,
        note: event.noteEnc ? platform.cipher.decrypt(event.noteEnc, sealContext.note(event.id)) : null,
      }))
    : [];
  return {
    id: row.id,
    reference: row.reference,
    occurredAt: row.occurredAt.toISOString(),
    precision: row.precision as Incident['precision'],
    segment: row.segment,
    type: row.type,
    districtId: row.districtId,
    community: row.community,
    latitude: row.latitude,
    longitude: row.longitude,
    parties: row.parties,
    affected: row.affected,
    sources: JSON.parse(platform.cipher.decrypt(row.sourcesEnc, sealContext.sources(row.id))) as Source[],
    description: platform.cipher.decrypt(row.descriptionEnc, sealContext.description(row.id)),
    status: row.status,
    history,
    caseIds: options.caseIds ?? [],
    version: row.version,
  };
}

export async function presentMany(platform: Platform, rows: repo.IncidentRow[]) {
  const cases = await repo.casesOf(
    platform.database.db,
    rows.map((r) => r.id),
  );
  return Promise.all(rows.map((r) => presentIncident(platform, r, { caseIds: cases.get(r.id) ?? [] })));
}

export async function presentOne(platform: Platform, row: repo.IncidentRow) {
  const cases = await repo.casesOf(platform.database.db, [row.id]);
  return presentIncident(platform, row, { history: true, caseIds: cases.get(row.id) ?? [] });
}

/** The columns an incident's fields are kept in, its words sealed. */
function columnsOf(platform: Platform, id: string, input: z.output<typeof zIncidentInput>) {
  return {
    occurredAt: new Date(input.occurredAt),
    precision: input.precision,
    segment: input.segment,
    type: input.type,
    districtId: input.districtId ?? null,
    community: input.community ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    parties: input.parties,
    affected: input.affected,
    casualties: hasCasualties(input.affected),
    sourcesEnc: platform.cipher.encrypt(JSON.stringify(input.sources), sealContext.sources(id)),
    descriptionEnc: platform.cipher.encrypt(input.description, sealContext.description(id)),
  };
}

function assertNotFuture(occurredAt: string) {
  // A report may come from a phone whose clock is a little ahead; a day ahead is a mistake.
  if (Date.parse(occurredAt) > Date.now() + 86_400_000)
    throw new AppError('validation_failed', {
      issues: [fieldIssue('occurredAt', 'date_in_future')],
    });
}

/** Logs an incident as reported, and tells whoever the organisation's early-warning rules name. */
export async function recordIncident(
  platform: Platform,
  actor: Actor,
  input: z.output<typeof zIncidentInput>,
) {
  authorize(actor, 'incident.record');
  assertNotFuture(input.occurredAt);
  const id = input.id ?? uuidv7();
  const row = await repo.insertIncident(platform.database.db, {
    id,
    orgId: actor.orgId,
    ...columnsOf(platform, id, input),
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
  await repo.insertEvent(platform.database.db, {
    id: uuidv7(),
    incidentId: id,
    from: null,
    to: 'reported',
    by: actor.userId,
  });
  await warnOf(platform, row);
  return row;
}

export async function getIncident(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'incident.read' | 'incident.record' | 'incident.verify' = 'incident.read',
) {
  const row = await repo.findIncident(platform.database.db, id);
  assertCan(actor, permission, row && { orgId: row.orgId, officeId: null, ownerId: row.createdBy });
  return row!;
}

export function listIncidents(platform: Platform, actor: Actor, query: z.output<typeof zIncidentListQuery>) {
  authorize(actor, 'incident.read');
  return repo.listIncidents(platform.database.db, actor.orgId, query);
}

export async function updateIncident(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zIncidentUpdate>,
) {
  const current = await getIncident(platform, actor, id, 'incident.record');
  assertNotFuture(input.occurredAt);
  const { version, ...fields } = input;
  const row = await repo.updateIncident(platform.database.db, id, version, {
    ...columnsOf(platform, id, fields),
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

/** What a status may become: a report is verified or disputed; either may be revised with a reason. */
const NEXT: Record<IncidentStatus, IncidentStatus[]> = {
  reported: ['verified', 'disputed'],
  verified: ['disputed'],
  disputed: ['verified'],
};

export async function setIncidentStatus(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zIncidentStatusChange>,
) {
  const current = await getIncident(platform, actor, id, 'incident.verify');
  if (!NEXT[current.status].includes(input.to))
    throw new AppError('conflict', { reason: 'invalid_transition', from: current.status, to: input.to });
  const row = await repo.updateIncident(platform.database.db, id, input.version, {
    status: input.to,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  const eventId = uuidv7();
  await repo.insertEvent(platform.database.db, {
    id: eventId,
    incidentId: id,
    from: current.status,
    to: input.to,
    noteEnc: platform.cipher.encrypt(input.note, sealContext.note(eventId)),
    by: actor.userId,
  });
  return row;
}

/** Opens a case for a person the incident concerns, with its words as the summary, and links it. */
export async function caseFromIncident(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zIncidentToCase>,
) {
  const row = await getIncident(platform, actor, id, 'incident.record');
  const description = platform.cipher.decrypt(row.descriptionEnc, sealContext.description(row.id));
  const opened = await openCase(
    platform,
    actor,
    zCaseInput.parse({
      personIds: [input.personId],
      problems: input.problems,
      priority: input.priority,
      summary: `${row.reference}: ${description}`.slice(0, 4000),
    }),
  );
  await repo.linkCase(platform.database.db, id, opened.id);
  return { row, opened };
}

/** Links a case that follows from the incident; the linker must be able to read the case. */
export async function linkIncidentCase(platform: Platform, actor: Actor, id: string, caseId: string) {
  const row = await getIncident(platform, actor, id, 'incident.record');
  await getCase(platform, actor, caseId);
  await repo.linkCase(platform.database.db, id, caseId);
  return row;
}

export async function incidentMap(
  platform: Platform,
  actor: Actor,
  query: Omit<z.output<typeof zIncidentListQuery>, 'limit' | 'offset'>,
) {
  authorize(actor, 'incident.read');
  const cells = await repo.mapCells(platform.database.db, actor.orgId, query);
  return {
    cells: cells
      .filter((c) => c.latitude !== null || c.districtId !== null)
      .map((c) => ({
        ...c,
        latitude: c.latitude === null ? null : Number(c.latitude),
        longitude: c.longitude === null ? null : Number(c.longitude),
      })),
  };
}

export async function incidentTrend(platform: Platform, actor: Actor, from: string, to: string) {
  authorize(actor, 'incident.read');
  const rows = await repo.trend(
    platform.database.db,
    actor.orgId,
    new Date(`${from}T00:00:00Z`),
    new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000),
  );
  return { items: rows };
}
