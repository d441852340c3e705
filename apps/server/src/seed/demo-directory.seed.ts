import type { ServiceInput } from '@komek/domain';
import type { Db } from '../db/connection.ts';
import { services } from '../db/schema/index.ts';

/**
 * The referral partners named in the project's sources, with their services. Hours, phones and
 * addresses are invented for the demo; the districts are the project's pilot districts.
 */
export const DEMO_SERVICES: Record<
  string,
  Array<Omit<ServiceInput, 'acceptsReferrals' | 'active' | 'publicListing'>>
> = {
  fvlwb: [
    {
      name: 'Legal consultation and representation for border residents',
      type: 'legal_aid',
      description:
        'Citizenship, documentation, land and property questions of people living near the border.',
      districtIds: ['KG-O-KARASUU', 'KG-O-ARAVAN', 'KG-J-AKSY', 'KG-J-ALABUKA', 'KG-B-KADAMJAY'],
      languages: ['ky', 'ru', 'uz'],
      eligibility: 'Residents of the pilot districts; migrants and stateless people.',
      contactName: 'Intake desk',
      contactPhone: '+996 555 000 101',
      contactEmail: 'intake@fvlwb.demo',
      hours: 'Mon–Fri 9:00–18:00',
    },
  ],
  las: [
    {
      name: 'Qualified free legal aid (State guaranteed)',
      type: 'legal_aid',
      description: 'Advice, drafting and representation in court for people who cannot pay for a lawyer.',
      districtIds: [],
      languages: ['ky', 'ru'],
      eligibility: 'Low-income people, persons with disabilities, stateless people and others listed by law.',
      contactName: 'Kanat Zhusupov',
      contactPhone: '+996 3222 0 00 11',
      contactEmail: 'focal@legalaid.demo',
      hours: 'Mon–Fri 9:00–17:30',
    },
  ],
  mrc: [
    {
      name: 'Counselling for migrants: documents, work and stay',
      type: 'documentation',
      description: 'Help with passports, registration, work permits and return.',
      districtIds: ['KG-O-KARASUU', 'KG-O-ARAVAN'],
      languages: ['ky', 'ru', 'uz', 'tg'],
      eligibility: 'Migrants and their families, departing or returning.',
      contactName: 'Zarina Alimova',
      contactPhone: '+996 3222 0 00 22',
      contactEmail: 'focal@mrc.demo',
      hours: 'Mon–Sat 9:00–17:00',
    },
    {
      name: 'Temporary shelter for victims of trafficking and vulnerable migrants',
      type: 'shelter',
      description: 'A safe place to stay, meals and accompaniment to doctors, for up to 30 days.',
      districtIds: ['KG-O-KARASUU'],
      languages: ['ky', 'ru', 'uz', 'tg'],
      eligibility: 'Presumed victims of trafficking and migrants at risk, referred by a partner.',
      contactName: 'Zarina Alimova',
      contactPhone: '+996 3222 0 00 23',
      contactEmail: 'focal@mrc.demo',
      hours: 'Every day, around the clock',
    },
  ],
  mfa: [
    {
      name: 'Visa and stay questions of foreign nationals',
      type: 'visa_and_stay',
      description: 'Visas, extension of stay and exit of foreign nationals in the southern regions.',
      districtIds: [],
      languages: ['ky', 'ru', 'en'],
      eligibility: 'Foreign nationals and stateless people staying in the southern regions.',
      contactName: 'Consular reception',
      contactPhone: '+996 3222 0 00 33',
      contactEmail: null,
      hours: 'Tue and Thu 10:00–12:00',
    },
  ],
};

export async function seedDemoDirectory(db: Db, orgIds: Map<string, string>): Promise<void> {
  for (const [key, list] of Object.entries(DEMO_SERVICES)) {
    const orgId = orgIds.get(key);
    if (!orgId) continue;
    // The demo lists each organisation's services on the public help site.
    await db.insert(services).values(list.map((s) => ({ ...s, orgId, publicListing: true })));
  }
}
