import { addDays, type LegalProblem, todayIn } from '@komek/domain';
import { and, arrayOverlaps, eq, inArray } from 'drizzle-orm';
import { cases, procedureTemplates, users } from '../db/schema/index.ts';
import { openProcedure, proceduresOfCase, updateStep } from '../modules/procedures/procedures.service.ts';
import type { Platform } from '../platform/http.ts';
import { actorFromUser } from '../platform/policy.ts';
import { rng } from './population.ts';

const PROCEDURE_FOR: Partial<Record<LegalProblem, string>> = {
  nationality_statelessness: 'kz_statelessness_determination',
  civil_documentation_birth_registration: 'kg_late_birth_registration',
  asylum_refugee_status: 'kg_refugee_status_determination',
  deportation_extradition_refoulement: 'kg_extradition_request_analysis',
  residence_registration: 'kz_refugee_permit_renewal',
};

/**
 * Procedures on the demo's open cases, filed between two months ago and last week, so the
 * deadline lists show late, coming and "to confirm" steps from the first sign-in.
 */
export async function seedDemoProcedures(platform: Platform, orgId: string, count = 40): Promise<number> {
  const { db } = platform.database;
  const r = rng(20_261_124);
  const templates = new Map((await db.select().from(procedureTemplates)).map((t) => [t.code, t] as const));
  const supervisor = (
    await db
      .select()
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.role, 'supervisor')))
  )[0];
  if (!supervisor) return 0;
  const actor = actorFromUser(supervisor);
  const open = await db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.orgId, orgId),
        inArray(cases.status, ['open', 'pending_authority']),
        arrayOverlaps(cases.problems, Object.keys(PROCEDURE_FOR) as LegalProblem[]),
      ),
    )
    .limit(count);
  let opened = 0;
  for (const c of open) {
    const code = PROCEDURE_FOR[c.problems.find((p) => PROCEDURE_FOR[p])!]!;
    const template = templates.get(code);
    if (!template) continue;
    const filed = addDays(todayIn(template.countryCode), -r.int(5, 60));
    await openProcedure(platform, actor, c.id, { templateId: template.id, openedOn: filed });
    opened++;
    const [procedure] = await proceduresOfCase(platform, actor, c.id, 'en');
    const first = procedure?.steps[0];
    // Most applications are filed the day the procedure starts; the rest wait for papers.
    if (procedure && first && r.chance(0.8))
      await updateStep(platform, actor, procedure.id, first.id, {
        version: first.version,
        action: 'done',
        doneOn: filed,
      });
  }
  return opened;
}
