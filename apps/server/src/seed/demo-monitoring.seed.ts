import { and, eq } from 'drizzle-orm';
import { users } from '../db/schema/index.ts';
import { addCheckpoint, setCheckpointStatus } from '../modules/monitoring/checkpoints.service.ts';
import { recordVisit } from '../modules/monitoring/visits.service.ts';
import type { Platform } from '../platform/http.ts';
import { actorFromUser } from '../platform/policy.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The association's checkpoint register: five crossings, one restricted, and three monitoring visits. */
export async function seedDemoMonitoring(platform: Platform, orgId: string): Promise<void> {
  const { db } = platform.database;
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'supervisor')))
    .limit(1);
  const actor = actorFromUser(user!);
  const add = (
    name: string,
    segment: 'KG-UZ' | 'KG-TJ' | 'KG-KZ' | null,
    kind: 'road' | 'air',
    at: [number, number],
    districtId: string | null = null,
  ) =>
    addCheckpoint(platform, actor, {
      name,
      countryCode: 'KG',
      segment,
      kind,
      districtId,
      latitude: at[0],
      longitude: at[1],
    });
  const dostuk = await add('Dostuk', 'KG-UZ', 'road', [40.71, 72.83], 'KG-O-KARASUU');
  const karamyk = await add('Karamyk', 'KG-TJ', 'road', [39.47, 72.0]);
  await add('Kyzyl-Kiya', 'KG-UZ', 'road', [40.26, 72.13]);
  await add('Ak-Jol', 'KG-KZ', 'road', [42.88, 73.9]);
  await add('Manas airport', null, 'air', [43.06, 74.48]);
  await setCheckpointStatus(platform, actor, karamyk.id, {
    version: karamyk.version,
    to: 'restricted',
    since: day(-20),
    note: 'Open to residents of the border villages only',
    notice: null,
  });
  const visit = (checkpointId: string, offset: number, sought: number, accessed: number, removed: number) =>
    recordVisit(platform, actor, {
      checkpointId,
      visitedOn: day(offset),
      team: ['Aida Tokonova', 'Bakyt Osmonov'],
      met: ['Shift commander', 'Migration service officer'],
      findings: [
        { key: 'asylum_information_displayed', answer: offset < -30 ? 'no' : 'partly', note: null },
        { key: 'interpreter_available', answer: 'no', note: 'No one speaks Dari at the post' },
        { key: 'access_to_asylum_procedure', answer: accessed === sought ? 'yes' : 'partly', note: null },
        { key: 'refoulement_risk', answer: removed > 0 ? 'yes' : 'no', note: null },
      ],
      figures: {
        soughtProtection: sought,
        accessedProcedure: accessed,
        refusedEntry: removed,
        detained: 0,
        removed,
      },
      summary: 'Routine visit; the shift commander was cooperative.',
    });
  await visit(dostuk.id, -60, 6, 4, 1);
  await visit(dostuk.id, -12, 3, 3, 0);
  await visit(karamyk.id, -25, 2, 1, 1);
}
