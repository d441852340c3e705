import { isLocale } from '@komek/domain';
import { and, eq } from 'drizzle-orm';
import { organisations, reportRuns, resultNarratives, users } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { enqueueOrRun, serveQueue } from '../../platform/jobs.ts';
import { htmlToPdf } from '../../platform/pdf.ts';
import { type Actor, actorFromUser, authorize } from '../../platform/policy.ts';
import { budgetOf } from './budget.service.ts';
import { reportHtml, reportXlsx } from './report.ts';
import { resultsFor } from './results.service.ts';

export const REPORT_QUEUE = 'results-report';
type Run = typeof reportRuns.$inferSelect;

export const presentRun = (r: Run) => ({
  id: r.id,
  year: r.year,
  format: r.format as 'xlsx' | 'pdf',
  status: r.status as 'queued' | 'running' | 'done' | 'failed',
  progress: r.progress,
  error: r.error,
  createdAt: r.createdAt.toISOString(),
});

/** Queues a results report; with background jobs it survives a restart, without them it runs here. */
export async function startReport(platform: Platform, actor: Actor, year: number, format: 'xlsx' | 'pdf') {
  authorize(actor, 'results.read');
  const [run] = await platform.database.db
    .insert(reportRuns)
    .values({ orgId: actor.orgId, year, format, requestedBy: actor.userId })
    .returning();
  await enqueueOrRun(platform.jobs, REPORT_QUEUE, { runId: run!.id }, ({ runId }) =>
    executeReport(platform, runId),
  );
  return run!;
}

async function setRun(platform: Platform, id: string, values: Partial<Run>) {
  await platform.database.db.update(reportRuns).set(values).where(eq(reportRuns.id, id));
}

export async function executeReport(platform: Platform, runId: string): Promise<void> {
  const { db } = platform.database;
  const [run] = await db.select().from(reportRuns).where(eq(reportRuns.id, runId));
  if (run?.status !== 'queued') return;
  const [user] = await db.select().from(users).where(eq(users.id, run.requestedBy));
  if (!user) return setRun(platform, runId, { status: 'failed', error: 'requester not found' });
  const actor = actorFromUser(user);
  try {
    await setRun(platform, runId, { status: 'running', progress: 1 });
    const below = platform.config.suppressBelow;
    const results = await resultsFor(platform, actor, run.year, isLocale(user.locale) ? user.locale : 'en', {
      suppressBelow: below,
      onProgress: (done, total) =>
        setRun(platform, runId, { progress: Math.max(1, Math.floor((done / total) * 80)) }),
    });
    const [org] = await db.select().from(organisations).where(eq(organisations.id, run.orgId));
    const narratives = await db
      .select({ area: resultNarratives.area, text: resultNarratives.text })
      .from(resultNarratives)
      .where(and(eq(resultNarratives.orgId, run.orgId), eq(resultNarratives.year, run.year)));
    const content = {
      orgName: org?.name ?? '',
      year: run.year,
      results,
      budget: await budgetOf(platform, actor, run.year),
      narratives,
      suppressBelow: below,
    };
    await setRun(platform, runId, { progress: 85 });
    const file =
      run.format === 'pdf'
        ? await htmlToPdf(platform.config, reportHtml(content))
        : await reportXlsx(content);
    await setRun(platform, runId, { status: 'done', progress: 100, content: file, finishedAt: new Date() });
  } catch (error) {
    await setRun(platform, runId, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      finishedAt: new Date(),
    });
  }
}

export async function findRun(platform: Platform, actor: Actor, id: string) {
  authorize(actor, 'results.read');
  const [run] = await platform.database.db.select().from(reportRuns).where(eq(reportRuns.id, id));
  if (!run || run.orgId !== actor.orgId) throw new AppError('not_found');
  return run;
}

export async function registerReportWorkers(platform: Platform): Promise<void> {
  await serveQueue<{ runId: string }>(platform.jobs, REPORT_QUEUE, ({ runId }) =>
    executeReport(platform, runId),
  );
}
