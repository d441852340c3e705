import { activities, budgetLines } from '../db/schema/index.ts';
import { importStandardIndicators } from '../modules/results/results.service.ts';
import type { Platform } from '../platform/http.ts';

/**
 * Indicators with the 2024 report's figures, this year's activities of the border project and
 * a budget in the report's shape (amounts invented at the project's scale).
 */
export async function seedDemoResults(platform: Platform, orgId: string): Promise<void> {
  const { db } = platform.database;
  const year = new Date().getUTCFullYear();
  await importStandardIndicators(platform, orgId, null, year);
  const men = (n: number, orgType = 'government') => ({ sex: 'male', age: '18-59', orgType, count: n });
  const women = (n: number, orgType = 'government') => ({ sex: 'female', age: '18-59', orgType, count: n });
  const list: Array<
    Omit<typeof activities.$inferInsert, 'orgId' | 'participantsTotal'> & {
      participants: Array<{ count: number }>;
    }
  > = [
    {
      type: 'coordination_meeting',
      title: 'Referral partners: Legal Aid Service and Migrant Resource Center',
      date: `${year}-02-14`,
      districtId: 'KG-O-KARASUU',
      participants: [men(6), women(9, 'ngo')],
    },
    {
      type: 'training',
      title: 'Asylum and statelessness for border guards',
      date: `${year}-04-18`,
      districtId: 'KG-B-KADAMJAY',
      audience: 'border_guards',
      participants: [men(22), women(3)],
    },
    {
      type: 'training',
      title: 'Statelessness determination for judges',
      date: `${year}-05-23`,
      districtId: 'KG-J-AKSY',
      audience: 'judges',
      participants: [men(7), women(8)],
    },
    {
      type: 'awareness_session',
      title: 'Documents and citizenship: village meeting',
      date: `${year}-06-05`,
      districtId: 'KG-O-ARAVAN',
      audience: 'community',
      participants: [
        men(31, 'community'),
        women(44, 'community'),
        { sex: 'female', age: '60+', orgType: 'community', count: 6 },
      ],
    },
    {
      type: 'border_monitoring',
      title: 'Monitoring visit, Dostuk checkpoint',
      date: `${year}-07-09`,
      districtId: 'KG-O-KARASUU',
      checkpoint: 'Dostuk',
      findings: 'Asylum information leaflets missing in Dari; staff aware of referral contacts.',
      participants: [men(4)],
    },
    {
      type: 'working_group_consultation',
      title: 'District working group: undocumented residents',
      date: `${year}-09-17`,
      districtId: 'KG-J-ALABUKA',
      participants: [men(8), women(11, 'ngo')],
    },
  ];
  await db
    .insert(activities)
    .values(
      list.map((a) => ({ ...a, orgId, participantsTotal: a.participants.reduce((s, p) => s + p.count, 0) })),
    );
  await db.insert(budgetLines).values([
    {
      orgId,
      year,
      areaKind: 'impact',
      areaCode: 'IA1',
      areaName: 'Protect',
      finalBudget: 152_000,
      fundsAvailable: 141_500,
      expenditure: 118_300,
    },
    {
      orgId,
      year,
      areaKind: 'impact',
      areaCode: 'IA4',
      areaName: 'Solve',
      finalBudget: 98_000,
      fundsAvailable: 61_200,
      expenditure: 55_900,
    },
    {
      orgId,
      year,
      areaKind: 'outcome',
      areaCode: 'OA1',
      areaName: 'Access/Doc',
      finalBudget: 84_000,
      fundsAvailable: 70_100,
      expenditure: 66_000,
    },
    {
      orgId,
      year,
      areaKind: 'outcome',
      areaCode: 'OA3',
      areaName: 'Policy/Law',
      finalBudget: 166_000,
      fundsAvailable: 132_600,
      expenditure: 108_200,
    },
  ]);
}
