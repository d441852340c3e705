import { and, eq } from 'drizzle-orm';
import { persons, users } from '../db/schema/index.ts';
import { decide, distribute, monitor, requestAssistance } from '../modules/assistance/assistance.service.ts';
import type { Platform } from '../platform/http.ts';
import { actorFromUser } from '../platform/policy.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Three grants of the association: one handed over and followed up, one half paid, one waiting. */
export async function seedDemoAssistance(platform: Platform, orgId: string): Promise<void> {
  const { db } = platform.database;
  const one = async (role: 'admin' | 'supervisor') =>
    actorFromUser(
      (
        await db
          .select()
          .from(users)
          .where(and(eq(users.orgId, orgId), eq(users.role, role)))
          .limit(1)
      )[0]!,
    );
  // The supervisor asks and hands over; the director (the administrator) approves.
  const supervisor = await one('supervisor');
  const director = await one('admin');
  const people = await db.select({ id: persons.id }).from(persons).where(eq(persons.orgId, orgId)).limit(3);
  if (people.length < 3) return;
  const ask = (
    personId: string,
    amount: number,
    instalments: number,
    purpose: 'medical' | 'basic_needs' | 'education',
  ) =>
    requestAssistance(platform, supervisor, {
      personId,
      householdId: null,
      kind: 'cash',
      purpose,
      amount,
      currency: 'KGS',
      instalments,
      items: null,
      budgetLineId: null,
      reason: 'Assessed at the consultation; no other source of help.',
    });
  const approve = (id: string, version: number) =>
    decide(platform, director, id, { version, decision: 'approve', note: null });
  const medical = await ask(people[0]!.id, 6000, 1, 'medical');
  const paid = await distribute(platform, supervisor, medical.id, {
    version: (await approve(medical.id, medical.version)).version,
    on: day(-20),
    note: null,
  });
  await monitor(platform, supervisor, paid.id, {
    on: day(-5),
    received: 'fully',
    usedFor: ['medical'],
    note: 'Paid for the operation at the district hospital.',
  });
  const winter = await ask(people[1]!.id, 9000, 3, 'basic_needs');
  await distribute(platform, supervisor, winter.id, {
    version: (await approve(winter.id, winter.version)).version,
    on: day(-10),
    note: null,
  });
  await ask(people[2]!.id, 4000, 1, 'education');
}
