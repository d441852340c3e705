import { CASE_OUTCOMES, CHANNELS, INTERVENTION_TYPES, type LEGAL_PROBLEMS } from '@komek/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../db/schema/index.ts';
import { addTask, logIntervention } from '../modules/cases/case-activity.service.ts';
import { openCase, transitionCase } from '../modules/cases/cases.service.ts';
import { registerPerson } from '../modules/persons/persons.service.ts';
import type { Platform } from '../platform/http.ts';
import { actorFromUser } from '../platform/policy.ts';
import { generatePerson, rng } from './population.ts';

type Problem = (typeof LEGAL_PROBLEMS)[number];

const PROBLEMS_BY_POPULATION: Record<string, Problem[]> = {
  border_community: [
    'border_crossing',
    'residence_registration',
    'property_land',
    'civil_documentation_birth_registration',
  ],
  undetermined_nationality: ['nationality_statelessness', 'civil_documentation_birth_registration'],
  at_risk_of_statelessness: ['nationality_statelessness', 'civil_documentation_birth_registration'],
  stateless: ['nationality_statelessness', 'residence_registration'],
  migrants: ['migration_stay_visas', 'labour_migrant_rights', 'deportation_extradition_refoulement'],
  refugees_asylum_seekers: [
    'asylum_refugee_status',
    'deportation_extradition_refoulement',
    'access_health_education_social',
  ],
  others: ['nationality_statelessness', 'family', 'other'],
};

/** A few hundred people with cases at every stage, registered by the demo organisation's caseworkers. */
export async function seedDemoCasework(platform: Platform, orgId: string, count = 300): Promise<number> {
  const { db } = platform.database;
  const staff = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.role, ['lawyer', 'field_worker', 'supervisor'])));
  const actors = staff.map((u) => actorFromUser(u));
  const supervisor = actors.find((a) => a.role === 'supervisor')!;
  const r = rng(20_261_122);
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < count; i++) {
    const actor = r.pick(actors);
    const { style: _style, ...input } = generatePerson(r);
    const person = await registerPerson(platform, actor, input);
    if (r.chance(0.15)) continue;
    const problems: Problem[] = [r.pick(PROBLEMS_BY_POPULATION[input.populationType] ?? ['other'])];
    const priority = problems.includes('deportation_extradition_refoulement')
      ? 'emergency'
      : r.chance(0.15)
        ? 'urgent'
        : 'normal';
    let c = await openCase(platform, actor, { personIds: [person.id], problems, priority, eligibility: [] });
    const stage = r.next();
    if (stage < 0.15) continue;
    c = await transitionCase(platform, supervisor, c.id, { version: c.version, to: 'open' });
    for (let k = r.int(1, 3); k > 0; k--) {
      await logIntervention(platform, supervisor, c.id, {
        type: r.pick(INTERVENTION_TYPES),
        date: ago(r.int(0, 120)),
        durationMinutes: r.pick([15, 30, 45, 60, 90]),
        channel: r.pick(CHANNELS),
        language: r.pick(input.languages),
        summary: null,
      });
    }
    if (r.chance(0.3))
      await addTask(platform, supervisor, c.id, {
        title: 'Follow up with the applicant',
        dueDate: ago(r.int(-20, 20)),
      });
    if (stage < 0.45) continue;
    if (stage < 0.65) {
      await transitionCase(platform, supervisor, c.id, {
        version: c.version,
        to: 'pending_authority',
        authority: 'Migration service',
      });
      continue;
    }
    await transitionCase(platform, supervisor, c.id, {
      version: c.version,
      to: 'closed',
      outcome: r.pick(CASE_OUTCOMES),
      closingNote: null,
      openTasks: 'done',
    });
  }
  return count;
}
