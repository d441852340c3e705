import { SCREENING_INDICATORS, type ScreeningAnswers } from '@komek/domain';
import { and, eq } from 'drizzle-orm';
import { persons, users } from '../db/schema/index.ts';
import { recordScreening } from '../modules/screenings/screenings.service.ts';
import type { Platform } from '../platform/http.ts';
import { actorFromUser } from '../platform/policy.ts';

const answers = (yes: string[]) =>
  Object.fromEntries(
    SCREENING_INDICATORS.map((i) => [i, yes.includes(i) ? 'yes' : 'no']),
  ) as ScreeningAnswers;

/**
 * Two screenings by the association's on-duty lawyer, each opening a restricted case: a woman
 * whose documents and movement are controlled (high risk, shelter asked for) and a young man whose
 * crossing was arranged by others (medium). Only she, the lawyer, and the supervisor read them.
 */
export async function seedDemoScreenings(platform: Platform, orgId: string): Promise<void> {
  const { db } = platform.database;
  const [lawyer] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.email, 'lawyer@fvlwb.demo')))
    .limit(1);
  if (!lawyer?.officeId) return;
  const people = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.orgId, orgId), eq(persons.officeId, lawyer.officeId)))
    .limit(2);
  if (people.length < 2) return;
  const actor = actorFromUser(lawyer);
  const on = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  await recordScreening(platform, actor, {
    personId: people[0]!.id,
    caseId: null,
    screenedOn: on,
    answers: answers(['recruitment_deception', 'documents_withheld', 'movement_restricted', 'pregnancy']),
    supportNeeds: ['shelter', 'medical', 'legal'],
    notes:
      'Promised work in a sewing shop; the passport was taken on arrival and the door is locked at night.',
  });
  await recordScreening(platform, actor, {
    personId: people[1]!.id,
    caseId: null,
    screenedOn: on,
    answers: answers(['crossing_arranged']),
    supportNeeds: ['legal'],
    notes: 'Paid a driver to be taken across by the mountain road; no one holds his documents.',
  });
}
