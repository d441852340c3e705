import {
  addDays,
  daysBetween,
  dueDate,
  type Locale,
  PROCEDURE_COUNTRIES,
  type Procedure,
  type ProcedureTemplate,
  type ProcedureTemplateInput,
  type TemplateStep,
  todayIn,
  type WorkCalendar,
  type zDeadlineQuery,
  type zHolidayInput,
  type zProcedureTemplateUpdate,
  type zStepUpdate,
} from '@komek/domain';
import type { z } from 'zod';
import { isoDay } from '../../platform/dates.ts';
import { AppError, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { localeChain } from '../../platform/messages.ts';
import { type Actor, assertCan, authorize, scopeFilter } from '../../platform/policy.ts';
import { getCase } from '../cases/cases.service.ts';
import * as repo from './procedures.repo.ts';

/** Shared templates and holiday calendars belong to no organisation: only an `all` grant reaches them. */
const SHARED = { orgId: '00000000-0000-0000-0000-000000000000' };
const templateOwner = (row: { orgId: string | null }) => (row.orgId ? { orgId: row.orgId } : SHARED);

export function localised(names: Record<string, string>, locale: Locale): string {
  for (const l of localeChain(locale)) if (names[l]) return names[l];
  return names.en ?? names.ru ?? Object.values(names)[0] ?? '';
}

export function presentTemplate(row: repo.TemplateRow): ProcedureTemplate {
  return {
    id: row.id,
    orgId: row.orgId,
    countryCode: row.countryCode as ProcedureTemplate['countryCode'],
    code: row.code,
    name: row.name,
    legalBasis: row.legalBasis,
    emergency: row.emergency,
    steps: row.steps,
    active: row.active,
    version: row.version,
  };
}

export async function workCalendar(platform: Platform, countryCode: string): Promise<WorkCalendar> {
  const rows = await repo.holidaysOf(platform.database.db, countryCode);
  return {
    holidays: new Set(rows.filter((h) => h.kind === 'holiday').map((h) => isoDay(h.date))),
    workingWeekends: new Set(rows.filter((h) => h.kind === 'working_day').map((h) => isoDay(h.date))),
  };
}

export async function listTemplates(platform: Platform, actor: Actor, countryCode?: string) {
  authorize(actor, 'case.read');
  return (await repo.listTemplates(platform.database.db, actor.orgId, countryCode)).map(presentTemplate);
}

async function visibleTemplate(platform: Platform, actor: Actor, id: string) {
  const row = await repo.findTemplate(platform.database.db, id);
  if (!row || (row.orgId && row.orgId !== actor.orgId && !actor.platformAdmin))
    throw new AppError('not_found');
  return row;
}

export async function createTemplate(
  platform: Platform,
  actor: Actor,
  input: ProcedureTemplateInput & { shared?: boolean },
) {
  const { shared, ...values } = input;
  const orgId = shared ? null : actor.orgId;
  if (shared) assertOperator(actor);
  else authorize(actor, 'procedure_template.manage');
  return repo.insertTemplate(platform.database.db, {
    ...values,
    orgId,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function updateTemplate(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.infer<typeof zProcedureTemplateUpdate>,
) {
  const current = await visibleTemplate(platform, actor, id);
  assertCan(actor, 'procedure_template.manage', templateOwner(current));
  const { version, ...values } = input;
  const row = await repo.updateTemplateVersioned(platform.database.db, id, version, {
    ...values,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

/** Holiday calendars are shared by every organisation of a country: only the operator edits them. */
function assertOperator(actor: Actor) {
  if (authorize(actor, 'procedure_template.manage') !== 'all') throw new AppError('forbidden');
}

export const listHolidays = (platform: Platform, countryCode: string, year?: number) =>
  repo.holidaysOf(platform.database.db, countryCode, year);

export async function addHoliday(platform: Platform, actor: Actor, input: z.infer<typeof zHolidayInput>) {
  assertOperator(actor);
  const row = await repo.insertHoliday(platform.database.db, { ...input, createdBy: actor.userId });
  if (!row) throw new AppError('conflict', { reason: 'holiday_exists' });
  return row;
}

export async function removeHoliday(platform: Platform, actor: Actor, id: string) {
  assertOperator(actor);
  const row = await repo.deleteHoliday(platform.database.db, id);
  if (!row) throw new AppError('not_found');
  return row;
}

function startStep(step: TemplateStep, on: string, calendar: WorkCalendar) {
  return { startedOn: on, dueDate: step.limit ? dueDate(on, step.limit, calendar) : null };
}

export function presentProcedure(
  row: repo.ProcedureRow,
  steps: repo.StepRow[],
  locale: Locale,
  now = new Date(),
): Procedure {
  const today = todayIn(row.countryCode, now);
  return {
    id: row.id,
    caseId: row.caseId,
    templateId: row.templateId,
    code: row.code,
    name: localised(row.name, locale),
    countryCode: row.countryCode as Procedure['countryCode'],
    emergency: row.emergency,
    status: row.status,
    openedOn: isoDay(row.openedOn),
    version: row.version,
    steps: steps.map((s) => {
      const due = s.dueDate ? isoDay(s.dueDate) : null;
      const running = s.status === 'running';
      return {
        id: s.id,
        key: s.key,
        name: localised(s.definition.name, locale),
        status: s.status,
        startedOn: s.startedOn ? isoDay(s.startedOn) : null,
        dueDate: due,
        doneOn: s.doneOn ? isoDay(s.doneOn) : null,
        toConfirm: s.definition.toConfirm,
        overdue: running && !!due && due < today,
        daysLeft: running && due ? daysBetween(today, due) : null,
        document: s.definition.document,
        note: s.note ?? s.definition.note,
        version: s.version,
      };
    }),
  };
}

export async function openProcedure(
  platform: Platform,
  actor: Actor,
  caseId: string,
  input: { templateId: string; openedOn?: string },
) {
  const theCase = await getCase(platform, actor, caseId, 'case.manage');
  if (theCase.status === 'closed') throw new AppError('conflict', { reason: 'case_closed' });
  const template = await visibleTemplate(platform, actor, input.templateId);
  if (!template.active)
    throw new AppError('validation_failed', {
      issues: [{ path: 'templateId', in: 'body', code: 'inactive', message: '' }],
    });
  const openedOn = input.openedOn ?? todayIn(template.countryCode);
  const calendar = await workCalendar(platform, template.countryCode);
  const row = await repo.insertProcedure(
    platform.database.db,
    {
      orgId: theCase.orgId,
      caseId,
      templateId: template.id,
      code: template.code,
      name: template.name,
      countryCode: template.countryCode,
      emergency: template.emergency,
      openedOn,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    },
    template.steps.map((step, position) => ({
      orgId: theCase.orgId,
      caseId,
      position,
      key: step.key,
      definition: step,
      ...(step.trigger.kind === 'procedure_opened'
        ? { status: 'running', ...startStep(step, openedOn, calendar) }
        : { status: 'waiting' }),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })),
    { kind: 'procedure_opened', data: { code: template.code }, by: actor.userId },
  );
  return row;
}

export async function proceduresOfCase(platform: Platform, actor: Actor, caseId: string, locale: Locale) {
  await getCase(platform, actor, caseId);
  const { db } = platform.database;
  const rows = await repo.proceduresOfCase(db, caseId);
  const steps = await repo.stepsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentProcedure(
      r,
      steps.filter((s) => s.procedureId === r.id),
      locale,
    ),
  );
}

export async function loadProcedure(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'case.read' | 'case.manage',
) {
  const row = await repo.findProcedure(platform.database.db, id);
  if (!row) throw new AppError('not_found');
  await getCase(platform, actor, row.caseId, permission);
  return row;
}

export async function presentOne(platform: Platform, row: repo.ProcedureRow, locale: Locale) {
  return presentProcedure(row, await repo.stepsOf(platform.database.db, [row.id]), locale);
}

/** Completes, skips or re-dates a step; completing starts the steps it triggers, with their clocks. */
export async function updateStep(
  platform: Platform,
  actor: Actor,
  procedureId: string,
  stepId: string,
  input: z.infer<typeof zStepUpdate>,
) {
  const procedure = await loadProcedure(platform, actor, procedureId, 'case.manage');
  const steps = await repo.stepsOf(platform.database.db, [procedureId]);
  const step = steps.find((s) => s.id === stepId);
  if (!step) throw new AppError('not_found');
  if (step.version !== input.version) throw versionConflict(step.version);
  if (step.status === 'done' || step.status === 'skipped' || procedure.status === 'closed')
    throw new AppError('conflict', { reason: 'step_finished', status: step.status });
  const today = todayIn(procedure.countryCode);
  let values: Partial<repo.StepRow> = { updatedBy: actor.userId };
  let started: Array<{ id: string; startedOn: string; dueDate: string | null }> = [];
  let finished = false;
  if (input.action === 'done') {
    if (step.status !== 'running') throw new AppError('conflict', { reason: 'step_not_started' });
    const doneOn = input.doneOn ?? today;
    if (doneOn > today || (step.startedOn && doneOn < isoDay(step.startedOn)))
      throw new AppError('validation_failed', {
        issues: [{ path: 'doneOn', in: 'body', code: 'out_of_range', message: '' }],
      });
    values = { ...values, status: 'done', doneOn };
    const calendar = await workCalendar(platform, procedure.countryCode);
    started = steps
      .filter(
        (s) =>
          s.status === 'waiting' &&
          s.definition.trigger.kind === 'step_done' &&
          s.definition.trigger.step === step.key,
      )
      .map((s) => ({ id: s.id, ...startStep(s.definition, doneOn, calendar) }));
    finished = true;
  } else if (input.action === 'skip') {
    values = { ...values, status: 'skipped', note: input.note };
    finished = true;
  } else {
    if (step.status !== 'running') throw new AppError('conflict', { reason: 'step_not_started' });
    values = { ...values, dueDate: input.dueDate, note: input.note };
  }
  // The procedure closes when no step is left running and nothing is about to start.
  const closes =
    finished && started.length === 0 && steps.every((s) => s.id === step.id || s.status !== 'running');
  const row = await repo.updateStepVersioned(
    platform.database.db,
    step,
    input.version,
    values,
    started,
    {
      kind: `procedure_step_${input.action}`,
      data: { procedure: procedure.code, step: step.key },
      by: actor.userId,
    },
    closes,
  );
  if (!row) throw versionConflict(step.version);
  return (await repo.findProcedure(platform.database.db, procedureId))!;
}

/** Due dates compared with "today" where each procedure runs, so a Bishkek deadline turns at Bishkek midnight. */
function dueWindow(q: z.infer<typeof zDeadlineQuery>, now: Date): repo.DueWindow {
  if (q.from || q.to) return { between: { from: q.from, to: q.to } };
  if (q.range === 'all') return {};
  return {
    byCountry: PROCEDURE_COUNTRIES.map((country) => {
      const today = todayIn(country, now);
      return q.range === 'overdue'
        ? { country, before: today }
        : { country, until: addDays(today, q.range === 'week' ? 7 : 31) };
    }),
  };
}

export async function listDeadlines(
  platform: Platform,
  actor: Actor,
  q: z.infer<typeof zDeadlineQuery>,
  locale: Locale,
  now = new Date(),
) {
  const rows = await repo.deadlines(platform.database.db, {
    filter: scopeFilter(actor, 'case.read'),
    assignedTo: q.mine === 'true' ? actor.userId : undefined,
    window: dueWindow(q, now),
    limit: q.limit,
    offset: q.offset,
  });
  return rows.map((r) => presentDeadline(r, locale, now));
}

export function presentDeadline(r: repo.DeadlineRow, locale: Locale, now = new Date()) {
  const due = isoDay(r.step.dueDate!);
  const today = todayIn(r.procedure.countryCode, now);
  return {
    stepId: r.step.id,
    procedureId: r.procedure.id,
    caseId: r.step.caseId,
    caseNumber: r.caseNumber,
    procedureName: localised(r.procedure.name, locale),
    stepName: localised(r.step.definition.name, locale),
    countryCode: r.procedure.countryCode,
    dueDate: due,
    overdue: due < today,
    daysLeft: daysBetween(today, due),
    toConfirm: r.step.definition.toConfirm,
    assignedName: r.assignedName,
  };
}
