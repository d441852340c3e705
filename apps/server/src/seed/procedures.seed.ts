import type { ProcedureTemplateInput } from '@komek/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { holidays, procedureTemplates } from '../db/schema/index.ts';
import { TEMPLATES_A } from './procedure-templates.a.ts';
import { TEMPLATES_B } from './procedure-templates.b.ts';

/**
 * The procedures the project's sources describe. A limit is given only where a source states it
 * (Kazakhstan's statelessness rules of 12 April 2024: 30 days; one-year residence permits for
 * refugees there); everything else is marked "to confirm" and left for an administrator.
 */
export const PROCEDURE_TEMPLATES: ProcedureTemplateInput[] = [...TEMPLATES_A, ...TEMPLATES_B];

/**
 * Fixed-date public holidays of 2026–2027. Movable feasts (Orozo/Oraza Ait, Kurman/Kurban Ait)
 * and transferred rest days are announced by decree each year and are added by an administrator.
 */
const FIXED_HOLIDAYS: Record<'KG' | 'KZ', Array<[string, string]>> = {
  KG: [
    ['01-01', 'New Year'],
    ['01-07', 'Orthodox Christmas'],
    ['02-23', 'Defender of the Fatherland Day'],
    ['03-08', "International Women's Day"],
    ['03-21', 'Nooruz'],
    ['04-07', 'Day of the People’s April Revolution'],
    ['05-01', 'Labour Day'],
    ['05-05', 'Constitution Day'],
    ['05-09', 'Victory Day'],
    ['08-31', 'Independence Day'],
    ['11-07', 'Days of History and Remembrance of Ancestors'],
    ['11-08', 'Days of History and Remembrance of Ancestors'],
  ],
  KZ: [
    ['01-01', 'New Year'],
    ['01-02', 'New Year'],
    ['01-07', 'Orthodox Christmas'],
    ['03-08', "International Women's Day"],
    ['03-21', 'Nauryz'],
    ['03-22', 'Nauryz'],
    ['03-23', 'Nauryz'],
    ['05-01', 'Unity Day'],
    ['05-07', 'Defender of the Fatherland Day'],
    ['05-09', 'Victory Day'],
    ['07-06', 'Capital Day'],
    ['08-30', 'Constitution Day'],
    ['10-25', 'Republic Day'],
    ['12-16', 'Independence Day'],
  ],
};

/** Shared templates and holidays; idempotent, and never overwrites what an administrator changed. */
export async function seedProcedures(db: Db): Promise<void> {
  for (const t of PROCEDURE_TEMPLATES) {
    const [existing] = await db
      .select({ id: procedureTemplates.id })
      .from(procedureTemplates)
      .where(and(eq(procedureTemplates.code, t.code), isNull(procedureTemplates.orgId)));
    if (!existing) await db.insert(procedureTemplates).values({ ...t, orgId: null });
  }
  const rows = Object.entries(FIXED_HOLIDAYS).flatMap(([countryCode, list]) =>
    [2026, 2027].flatMap((year) => list.map(([md, name]) => ({ countryCode, date: `${year}-${md}`, name }))),
  );
  await db.insert(holidays).values(rows).onConflictDoNothing();
}
