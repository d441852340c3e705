import { isLocale, type Locale } from '@komek/domain';
import { QUEUES } from '../../jobs/queues.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { enqueueOrRun } from '../../platform/jobs.ts';
import { htmlToPdf } from '../../platform/pdf.ts';
import { type Actor, actorFromUser, authorize, can } from '../../platform/policy.ts';
import { readForReport } from '../../platform/replica.ts';
import { assistanceTotals } from '../assistance/assistance-totals.ts';
import { listAreas } from '../geography/geography.repo.ts';
import { requestCounts } from '../intake/request-counts.ts';
import { checklistOf } from '../monitoring/checklist.service.ts';
import { monitoringFigures } from '../monitoring/visits.service.ts';
import { organisationName } from '../organisations/organisations.repo.ts';
import { listActivities } from './activities.service.ts';
import { budgetOf } from './budget.service.ts';
import { reportHtml, reportXlsx } from './report.ts';
import { assistanceRows } from './report-assistance.ts';
import { monitoringRows } from './report-monitoring.ts';
import * as runs from './report-runs.repo.ts';
import { narrativesOf } from './results.repo.ts';
import { resultsFor } from './results.service.ts';

type Run = runs.RunRow;

export const presentRun = (r: Run) => ({
  id: r.id,
  year: r.year,
  format: r.format,
  status: r.status,
  progress: r.progress,
  error: r.error,
  createdAt: r.createdAt.toISOString(),
  source: r.source ?? null,
});

/** Queues a results report; with background jobs it survives a restart, without them it runs here. */
export async function startReport(platform: Platform, actor: Actor, year: number, format: 'xlsx' | 'pdf') {
  authorize(actor, 'results.read');
  const run = await runs.insertRun(platform.database.db, {
    orgId: actor.orgId,
    year,
    format,
    requestedBy: actor.userId,
  });
  await enqueueOrRun(platform.jobs, QUEUES.resultsReport, { runId: run.id }, ({ runId }) =>
    executeReport(platform, runId),
  );
  return run;
}

/**
 * Makes the report of a run. Safe to run again: a worker killed mid-run leaves it "running", the
 * queue hands its job to another worker after the job's time, and that attempt claims the run
 * afresh; an earlier attempt still going (a slow, not a dead, worker) can no longer write it.
 * The figures are read from the replica when there is one; the run says where they came from.
 */
export async function executeReport(platform: Platform, runId: string): Promise<void> {
  // The run itself always lives on the primary, also while the figures are read elsewhere.
  const primary = platform.database.root;
  const queued = await runs.findRun(primary, runId);
  if (queued?.status !== 'queued' && queued?.status !== 'running') return;
  const user = await runs.requesterOf(primary, queued);
  if (!user) {
    await runs.updateRun(primary, runId, { status: 'failed', error: 'requester not found' });
    return;
  }
  const run = await runs.claimRun(primary, runId);
  if (!run) return;
  const write = (values: Partial<Run>) => runs.updateAttempt(primary, run, values);
  const actor = actorFromUser(user);
  const locale = isLocale(user.locale) ? user.locale : 'en';
  try {
    const { value: content, source } = await readForReport(platform, () =>
      reportContent(platform, actor, run, locale, async (done, total) => {
        await write({ progress: Math.max(1, Math.floor((done / total) * 80)) });
      }),
    );
    if (!(await write({ progress: 85, source }))) return;
    const file =
      run.format === 'pdf'
        ? await htmlToPdf(platform.config, reportHtml({ ...content, source }))
        : await reportXlsx({ ...content, source });
    await write({ status: 'done', progress: 100, content: file, finishedAt: new Date() });
  } catch (error) {
    await write({
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      finishedAt: new Date(),
    });
  }
}

/** Everything a report shows, read where the caller says (the replica, when there is one). */
async function reportContent(
  platform: Platform,
  actor: Actor,
  run: Run,
  locale: Locale,
  onProgress: (done: number, total: number) => Promise<void>,
) {
  const { db } = platform.database;
  const below = platform.config.suppressBelow;
  const results = await resultsFor(platform, actor, run.year, locale, { suppressBelow: below, onProgress });
  const narratives = await narrativesOf(db, run.orgId, run.year);
  const budget = await budgetOf(platform, actor, run.year);
  return {
    orgName: await organisationName(db, run.orgId),
    year: run.year,
    results,
    budget,
    narratives,
    activities: (await listActivities(platform, actor, { year: run.year })).reverse(),
    districtNames: Object.fromEntries(
      (await listAreas(db, { level: 'district' })).map((a) => [a.id, a.names.en ?? a.id]),
    ),
    suppressBelow: below,
    requests: await requestCounts(platform, actor, run.year, below),
    monitoring: await monitoringOf(platform, actor, run.year, below),
    assistance: await assistanceOf(platform, actor, run.year, below, budget),
  };
}

/** The year's checkpoint monitoring for the report, when the one who asked for it may read monitoring. */
async function monitoringOf(platform: Platform, actor: Actor, year: number, below: number) {
  if (!can(actor, 'monitoring.read', { orgId: actor.orgId })) return [];
  const own = (await checklistOf(platform, actor.orgId)).filter((q) => !q.standard);
  const labels = Object.fromEntries(
    own.map((q) => [q.key, q.labels.en ?? Object.values(q.labels)[0] ?? q.key] as [string, string]),
  );
  return monitoringRows(await monitoringFigures(platform, actor, year), below, labels);
}

/** The year's assistance for the report, the budget lines named as the budget sheet names them. */
async function assistanceOf(
  platform: Platform,
  actor: Actor,
  year: number,
  below: number,
  budget: Array<{ id: string; areaCode: string; areaName: string }>,
) {
  const totals = await assistanceTotals(platform, actor, year);
  const lines = Object.fromEntries(budget.map((l) => [l.id, `${l.areaCode}: ${l.areaName}`]));
  return assistanceRows(totals, below, lines);
}

export async function findRun(platform: Platform, actor: Actor, id: string) {
  authorize(actor, 'results.read');
  const run = await runs.findRun(platform.database.db, id);
  if (!run || run.orgId !== actor.orgId) throw new AppError('not_found');
  return run;
}
