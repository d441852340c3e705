import type { OrganisationType, Role } from '@komek/domain';
import { eq } from 'drizzle-orm';
import { offices, organisations, users } from '../db/schema/index.ts';
import type { Platform } from '../platform/http.ts';
import { hashPassword } from '../platform/passwords.ts';
import { seedDemoAssistance } from './demo-assistance.seed.ts';
import { seedDemoCasework } from './demo-casework.seed.ts';
import { seedDemoDirectory } from './demo-directory.seed.ts';
import { seedDemoEligibility } from './demo-eligibility.seed.ts';
import { seedDemoHelp } from './demo-help.seed.ts';
import { seedDemoIntake } from './demo-intake.seed.ts';
import { seedDemoMonitoring } from './demo-monitoring.seed.ts';
import { seedDemoProcedures } from './demo-procedures.seed.ts';
import { seedDemoReferrals } from './demo-referrals.seed.ts';
import { seedDemoResults } from './demo-results.seed.ts';
import { seedDemoScreenings } from './demo-screening.seed.ts';

export const DEMO_PASSWORD = 'komek-demo-2026';

interface DemoUser {
  email: string;
  name: string;
  role: Role;
  locale: string;
  office?: string;
  platformAdmin?: boolean;
  onDuty?: boolean;
}

/**
 * Organisations named in the project's sources (contact details invented), with one user per role.
 * Idempotent: does nothing when the demo organisations exist.
 */
const DEMO_ORGS: Array<{
  key: string;
  name: string;
  type: OrganisationType;
  offices: Array<{ key: string; name: string; districtId: string }>;
  users: DemoUser[];
}> = [
  {
    key: 'ops',
    name: 'Komek platform operations',
    type: 'other',
    offices: [],
    users: [
      {
        email: 'operator@komek.demo',
        name: 'Platform Operator',
        role: 'admin',
        locale: 'en',
        platformAdmin: true,
      },
    ],
  },
  {
    key: 'fvlwb',
    name: 'Ferghana Valley Lawyers Without Borders',
    type: 'ngo',
    offices: [
      { key: 'osh', name: 'Osh office (Kara-Suu, Aravan)', districtId: 'KG-O-KARASUU' },
      { key: 'jalalabad', name: 'Jalal-Abad office (Aksy, Ala-Buka)', districtId: 'KG-J-AKSY' },
      { key: 'batken', name: 'Batken office (Kadamjay)', districtId: 'KG-B-KADAMJAY' },
    ],
    users: [
      { email: 'admin@fvlwb.demo', name: 'Aigul Toktosunova', role: 'admin', locale: 'ru' },
      {
        email: 'supervisor@fvlwb.demo',
        name: 'Bakyt Osmonov',
        role: 'supervisor',
        locale: 'ru',
        office: 'osh',
      },
      {
        email: 'lawyer@fvlwb.demo',
        name: 'Nurzat Mamatova',
        role: 'lawyer',
        locale: 'ky',
        office: 'osh',
        onDuty: true,
      },
      {
        email: 'lawyer2@fvlwb.demo',
        name: 'Dilshod Yusupov',
        role: 'lawyer',
        locale: 'uz',
        office: 'jalalabad',
      },
      {
        email: 'field@fvlwb.demo',
        name: 'Eldiyar Sadykov',
        role: 'field_worker',
        locale: 'ky',
        office: 'batken',
      },
      { email: 'me@fvlwb.demo', name: 'Gulnara Abdyrakhmanova', role: 'me_officer', locale: 'en' },
      { email: 'viewer@fvlwb.demo', name: 'Programme Donor Viewer', role: 'viewer', locale: 'en' },
    ],
  },
  {
    key: 'las',
    name: 'Legal Aid Service, Interregional Department for the southern regions',
    type: 'state_legal_aid',
    offices: [{ key: 'osh', name: 'Osh', districtId: 'KG-GO' }],
    users: [
      {
        email: 'focal@legalaid.demo',
        name: 'Kanat Zhusupov',
        role: 'partner_focal_point',
        locale: 'ru',
        office: 'osh',
      },
    ],
  },
  {
    key: 'mrc',
    name: 'Migrant Resource Center, Osh',
    type: 'migrant_resource_centre',
    offices: [],
    users: [{ email: 'focal@mrc.demo', name: 'Zarina Alimova', role: 'partner_focal_point', locale: 'ru' }],
  },
  {
    // Not on the platform: referrals to it travel as a printed form.
    key: 'mfa',
    name: 'Plenipotentiary Representative Office of the Ministry of Foreign Affairs in the southern regions',
    type: 'other',
    offices: [],
    users: [],
  },
];

export async function seedDemo(
  platform: Platform,
  options: { people?: number } = {},
): Promise<{ created: boolean; users: DemoUser[] }> {
  const { db } = platform.database;
  const allUsers = DEMO_ORGS.flatMap((o) => o.users);
  const [existing] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, DEMO_ORGS[1]!.name));
  if (existing) return { created: false, users: allUsers };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let caseworkOrg = '';
  const orgIds = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const org of DEMO_ORGS) {
      const [row] = await tx
        .insert(organisations)
        .values({ name: org.name, type: org.type, countryCode: 'KG' })
        .returning();
      if (org.key === 'fvlwb') caseworkOrg = row!.id;
      orgIds.set(org.key, row!.id);
      const officeIds = new Map<string, string>();
      for (const office of org.offices) {
        const [o] = await tx
          .insert(offices)
          .values({ orgId: row!.id, name: office.name, districtId: office.districtId })
          .returning();
        officeIds.set(office.key, o!.id);
      }
      for (const u of org.users) {
        await tx.insert(users).values({
          orgId: row!.id,
          officeId: u.office ? (officeIds.get(u.office) ?? null) : null,
          email: u.email,
          displayName: u.name,
          role: u.role,
          locale: u.locale,
          platformAdmin: u.platformAdmin ?? false,
          onDuty: u.onDuty ?? false,
          passwordHash,
        });
      }
    }
  });
  await seedDemoDirectory(db, orgIds);
  await seedDemoEligibility(db, orgIds);
  if ((options.people ?? 300) > 0) {
    await seedDemoCasework(platform, caseworkOrg, options.people ?? 300);
    await seedDemoReferrals(platform, caseworkOrg);
    await seedDemoProcedures(platform, caseworkOrg);
    await seedDemoResults(platform, caseworkOrg);
    await seedDemoIntake(platform, caseworkOrg);
    await seedDemoHelp(platform, caseworkOrg);
    await seedDemoMonitoring(platform, caseworkOrg);
    await seedDemoAssistance(platform, caseworkOrg);
    await seedDemoScreenings(platform, caseworkOrg);
  }
  return { created: true, users: allUsers };
}
