import { and, eq } from 'drizzle-orm';
import { users } from '../db/schema/index.ts';
import { addFeedback, addProject } from '../modules/border-projects/border-projects.service.ts';
import { addCheckpoint, setCheckpointStatus } from '../modules/monitoring/checkpoints.service.ts';
import { recordVisit } from '../modules/monitoring/visits.service.ts';
import type { Platform } from '../platform/http.ts';
import { actorFromUser } from '../platform/policy.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The association's checkpoint register (five crossings, one restricted, three monitoring visits)
 * and two measures in border communities with what residents said of them.
 */
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
  const canal = await addProject(platform, actor, {
    title: 'Rehabilitation of the Kök-Tash irrigation canal',
    implementer: 'Batken regional water department',
    implementerKind: 'state_body',
    sector: 'water',
    description: 'Lining of 4 km of the canal shared by the villages on both sides of the border.',
    districtId: 'KG-B-KADAMJAY',
    community: 'Kök-Tash',
    segment: 'KG-TJ',
    latitude: 39.93,
    longitude: 70.62,
    startsOn: day(-200),
    endsOn: day(60),
    budget: 2_400_000,
    currency: 'KGS',
    status: 'ongoing',
  });
  await addProject(platform, actor, {
    title: 'Joint youth football league of border villages',
    implementer: 'Foundation for Tolerance International',
    implementerKind: 'civil_society',
    sector: 'peacebuilding',
    description: null,
    districtId: 'KG-O-ARAVAN',
    community: null,
    segment: 'KG-UZ',
    latitude: null,
    longitude: null,
    startsOn: day(-120),
    endsOn: null,
    budget: 18_000,
    currency: 'USD',
    status: 'ongoing',
  });
  for (const [sentiment, verbatim, sex] of [
    ['positive', 'Water now reaches the lower fields in August', 'male'],
    ['negative', 'The works closed the road to the pasture for a month', 'female'],
  ] as const)
    await addFeedback(platform, actor, canal.id, {
      receivedOn: day(-30),
      sentiment,
      topic: 'water',
      verbatim,
      sex,
      age: '18-59',
    });
}
