import { AGE_BRACKETS, INTAKE_CHANNELS, LEGAL_PROBLEMS } from '@komek/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../db/schema/index.ts';
import { insertAnswer } from '../modules/intake/answers.repo.ts';
import { createIntake, resolveIntake } from '../modules/intake/intake.service.ts';
import type { Platform } from '../platform/http.ts';
import { actorFromUser } from '../platform/policy.ts';
import { generatePerson, rng } from './population.ts';

const QUESTIONS = [
  'Asks how to register a child born at home, with no papers from the maternity ward',
  'Her Soviet passport expired in 2002; asks which office confirms citizenship',
  'Working in Russia, was refused a patent; asks what the law allows',
  'Afghan family, asylum application filed in May, no answer yet',
  'Asks whether he may cross at Dostuk with a temporary certificate',
  'Land plot registered to a late father; the village office will not reissue it',
];

/** A month of the lawyers' association's front door: calls, walk-ins and requests, some finished. */
export async function seedDemoIntake(platform: Platform, orgId: string, count = 18): Promise<number> {
  const { db } = platform.database;
  const r = rng(20_261_202);
  const staff = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.role, ['lawyer', 'supervisor'])));
  await insertAnswer(db, {
    orgId,
    problem: 'civil_documentation_birth_registration',
    texts: {
      en: 'A child born at home can be registered late at the civil registry office of the district. Bring any paper from the birth (a midwife’s note, a village certificate) and both parents’ passports; we help if something is missing.',
      ru: 'Ребёнка, рождённого дома, можно зарегистрировать позднее в ЗАГСе района. Возьмите любой документ о рождении (справку акушерки, справку айыл окмоту) и паспорта обоих родителей; если чего-то нет, мы поможем.',
      ky: 'Үйдө төрөлгөн баланы райондун жарандык абал актыларын каттоо бөлүмүндө кечиктирип каттоого болот. Төрөлгөнү тууралуу ар кандай кагазды (акушердин маалымкатын, айыл өкмөтүнүн маалымкатын) жана ата-эненин паспортторун алып келиңиз; бир нерсе жетишпесе, жардам беребиз.',
    },
  });
  for (let i = 0; i < count; i++) {
    const who = generatePerson(r);
    const actor = actorFromUser(r.pick(staff));
    const anonymous = r.chance(0.2);
    const row = await createIntake(platform, actor, {
      channel: r.pick(INTAKE_CHANNELS),
      language: r.pick(['ky', 'ru', 'uz', 'fa-AF'] as const),
      districtId: who.districtId ?? null,
      problems: [r.pick(LEGAL_PROBLEMS.filter((p) => p !== 'deportation_extradition_refoulement'))],
      priority: r.chance(0.2) ? 'urgent' : 'normal',
      inDetention: false,
      anonymous,
      contactName: anonymous ? null : `${who.familyName} ${who.givenName}`,
      contactPhone: `+996 ${r.pick(['555', '700', '770'])} ${r.int(100_000, 999_999)}`,
      contactHow: null,
      sex: who.sex === 'female' || who.sex === 'male' ? who.sex : null,
      ageBracket: r.pick(AGE_BRACKETS.slice(3)),
      summary: r.pick(QUESTIONS),
      durationSeconds: r.int(60, 660),
      answeredOnTheSpot: r.chance(0.3),
      callbackInHours: null,
    });
    if (row.status === 'open' && r.chance(0.3))
      await resolveIntake(platform, actor, row.id, {
        version: row.version,
        outcome: 'not_for_us',
        note: null,
      });
  }
  return count;
}
