import type { ReferralTransition, ShareableField } from '@komek/domain';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { cases, services, users } from '../db/schema/index.ts';
import { referFromCase, transitionReferral } from '../modules/referrals/referrals.service.ts';
import type { Platform } from '../platform/http.ts';
import { actorFromUser } from '../platform/policy.ts';
import { rng } from './population.ts';

const NEEDS = [
  'Representation in the citizenship application',
  'Help to obtain a birth certificate for a child born at home',
  'Advice on extending stay and registration',
  'Free legal aid in a court hearing',
  'Documents lost while working abroad; needs a replacement passport',
];

/**
 * Referrals from the demo lawyers' open cases to the partners, at every stage, so the lists, the
 * partner figures and the inbox have something to show. Sent through the services, as users would.
 */
export async function seedDemoReferrals(platform: Platform, fromOrgId: string, count = 24): Promise<number> {
  const { db } = platform.database;
  const r = rng(20_261_123);
  const staff = await db.select().from(users).where(eq(users.orgId, fromOrgId));
  const targets = await db.select().from(services).where(ne(services.orgId, fromOrgId));
  const focal = await db.select().from(users).where(eq(users.role, 'partner_focal_point'));
  const open = await db
    .select()
    .from(cases)
    .where(and(eq(cases.orgId, fromOrgId), inArray(cases.status, ['open', 'intake'])))
    .limit(count);
  let sent = 0;
  for (const c of open) {
    const owner = staff.find((u) => u.id === c.assignedTo) ?? staff.find((u) => u.role === 'supervisor');
    const service = r.pick(targets);
    if (!owner || !service) continue;
    const share: ShareableField[] = r.chance(0.5) ? ['name', 'languages'] : ['name', 'phone', 'problems'];
    const referral = await referFromCase(platform, actorFromUser(owner), c.id, {
      serviceId: service.id,
      priority: r.chance(0.2) ? 'urgent' : 'normal',
      need: r.pick(NEEDS),
      contact: 'Through the referring lawyer',
      share,
      consent: {
        kind: 'consent',
        scope: 'Sharing the ticked details with the service',
        givenAt: '2026-11-01',
      },
    });
    sent++;
    const receiver = focal.find((u) => u.orgId === service.orgId);
    if (!receiver) continue;
    const steps: ReferralTransition[] = [];
    const roll = r.next();
    if (roll < 0.15) steps.push({ version: 1, to: 'declined', reason: 'Outside the districts we cover' });
    else if (roll < 0.75) {
      steps.push({
        version: 1,
        to: 'accepted',
        expectedDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      });
      if (roll < 0.6) steps.push({ version: 2, to: 'in_progress' });
      if (roll < 0.4)
        steps.push({
          version: 3,
          to: 'completed',
          outcome: r.chance(0.8) ? 'service_provided' : 'partially_provided',
          feedback: 'Consultation given and documents filed',
        });
    }
    for (const step of steps)
      await transitionReferral(platform, actorFromUser(receiver), referral.id, step, 'receiver');
  }
  return sent;
}
