import {
  type RiskLevel,
  type ScreeningAnswers,
  scoreScreening,
  TRAFFICKING_INDICATORS,
  zCaseInput,
  type zScreeningInput,
} from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { openOptional, sealOptional } from '../../platform/crypto.ts';
import { AppError, fieldIssue } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, authorize, scopeFilter } from '../../platform/policy.ts';
import * as reach from '../cases/case-reach.repo.ts';
import { getCase, openCase } from '../cases/cases.service.ts';
import { usersWithRoles } from '../notifications/notifications.repo.ts';
import { notify } from '../notifications/notifications.service.ts';
import { getPerson } from '../persons/persons.service.ts';
import * as repo from './screenings.repo.ts';

const context = (id: string, column: string) => `screenings.${column}:${id}`;

/** A high risk is a case to act on: supervisors hear of it at once, the people named on it too. */
const PRIORITY: Record<RiskLevel, 'urgent' | 'normal'> = { high: 'urgent', medium: 'normal', low: 'normal' };

/**
 * Records a screening. Its case becomes a restricted record (a new one is opened when none is
 * given); the screener is named on it; the level is scored here by the same rules the form showed.
 */
export async function recordScreening(
  platform: Platform,
  actor: Actor,
  input: z.infer<typeof zScreeningInput>,
) {
  authorize(actor, 'screening.record');
  const { db } = platform.database;
  if (input.id) {
    const again = await repo.findScreening(db, input.id);
    // The same phone sending again after a lost answer gets what it saved; another id holder, a 409.
    if (again?.orgId === actor.orgId && again.createdBy === actor.userId) return again;
    if (again) throw new AppError('conflict', { reason: 'id_taken' });
  }
  await getPerson(platform, actor, input.personId);
  const risk = scoreScreening(input.answers);
  const onCase = input.caseId ? await existingCase(platform, actor, input.caseId, input.personId) : null;
  const c =
    onCase ??
    (await openCase(
      platform,
      actor,
      zCaseInput.parse({
        personIds: [input.personId],
        problems: [suspectsTrafficking(input.answers) ? 'trafficking_exploitation' : 'migration_stay_visas'],
        priority: PRIORITY[risk.level],
      }),
    ));
  if (!c.restricted) await reach.markRestricted(db, c, actor.userId, 'screening');
  await reach.addMembers(db, c.id, [actor.userId], actor.userId);
  const id = input.id ?? uuidv7();
  const row = await repo.insertScreening(db, {
    id,
    orgId: actor.orgId,
    caseId: c.id,
    personId: input.personId,
    screenedOn: input.screenedOn,
    screenedBy: actor.userId,
    answersEnc: platform.cipher.encrypt(JSON.stringify(input.answers), context(id, 'answers')),
    notesEnc: sealOptional(platform.cipher, input.notes, context(id, 'notes')),
    riskLevel: risk.level,
    riskRule: risk.rule,
    score: risk.score,
    supportNeeds: input.supportNeeds,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
  if (risk.level === 'high') {
    const supervisors = (await usersWithRoles(db, actor.orgId, ['supervisor'])).map((u) => u.id);
    await notify(platform, {
      userIds: supervisors.filter((u) => u !== actor.userId),
      kind: 'screening_high_risk',
      params: { case: c.caseNumber },
      link: `/cases/${c.id}`,
    });
  }
  return row;
}

const suspectsTrafficking = (answers: ScreeningAnswers) =>
  TRAFFICKING_INDICATORS.some((i) => answers[i] === 'yes' && i !== 'crossing_arranged');

async function existingCase(platform: Platform, actor: Actor, caseId: string, personId: string) {
  const c = await getCase(platform, actor, caseId, 'case.manage');
  if (!(await repo.personIsOnCase(platform.database.db, caseId, personId)))
    throw new AppError('validation_failed', { issues: [fieldIssue('caseId', 'person_not_on_case')] });
  return c;
}

/** One screening, to someone who may read its case (named on it, or a supervisor). */
export async function getScreening(platform: Platform, actor: Actor, id: string) {
  const row = await repo.findScreening(platform.database.db, id);
  if (!row) throw new AppError('not_found');
  await getCase(platform, actor, row.caseId);
  return row;
}

export async function listScreenings(
  platform: Platform,
  actor: Actor,
  q: { risk?: RiskLevel; caseId?: string; limit: number; offset: number },
) {
  if (q.caseId) await getCase(platform, actor, q.caseId);
  const where = repo.screeningsWhere(scopeFilter(actor, 'case.read'), q);
  return repo.listScreenings(platform.database.db, where, q.limit, q.offset);
}

/** Full rows for a page of ids just read or written (the routes present one shape). */
export async function listed(platform: Platform, actor: Actor, row: repo.ScreeningRow) {
  const page = await repo.listScreenings(
    platform.database.db,
    repo.screeningsWhere(scopeFilter(actor, 'case.read'), { caseId: row.caseId, id: row.id }),
    1,
    0,
  );
  return page.items[0]!;
}

export function present(platform: Platform, r: repo.ScreeningListRow) {
  const s = r.screening;
  const answers = JSON.parse(
    platform.cipher.decrypt(s.answersEnc, context(s.id, 'answers')),
  ) as ScreeningAnswers;
  return {
    id: s.id,
    caseId: s.caseId,
    caseNumber: r.caseNumber,
    personId: s.personId,
    personName: `${r.familyName} ${r.givenName}`.trim(),
    screenedOn: s.screenedOn,
    screenedBy: s.screenedBy,
    screenedByName: r.screenerName,
    answers,
    supportNeeds: s.supportNeeds,
    notes: openOptional(platform.cipher, s.notesEnc, context(s.id, 'notes')),
    // The level, rule and score are those recorded; the reasons list the answers behind them.
    risk: { ...scoreScreening(answers), level: s.riskLevel, rule: s.riskRule, score: s.score },
    createdAt: s.createdAt.toISOString(),
  };
}
