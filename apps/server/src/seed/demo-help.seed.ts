import { and, eq } from 'drizzle-orm';
import { users } from '../db/schema/index.ts';
import { createArticle, createNotice, publishArticle, submitArticle } from '../modules/help/help.service.ts';
import type { Platform } from '../platform/http.ts';
import { actorFromUser } from '../platform/policy.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The association's public help site: an article published after review, one waiting, a notice. */
export async function seedDemoHelp(platform: Platform, orgId: string): Promise<void> {
  const { db } = platform.database;
  const one = async (role: 'lawyer' | 'supervisor') =>
    actorFromUser(
      (
        await db
          .select()
          .from(users)
          .where(and(eq(users.orgId, orgId), eq(users.role, role)))
          .limit(1)
      )[0]!,
    );
  const lawyer = await one('lawyer');
  const supervisor = await one('supervisor');
  const birth = await createArticle(platform, lawyer, {
    countryCode: 'KG',
    topic: 'birth_registration',
    checkedOn: day(-3),
    texts: {
      en: {
        title: 'Registering a child born at home',
        body: 'A child born at home can be registered late at the civil registry office of the district.\n\nBring any paper from the birth (a midwife’s note, a certificate from the village office) and both parents’ passports. If there is no paper, two witnesses of the birth can confirm it. We help if something is missing.',
      },
      ru: {
        title: 'Регистрация ребёнка, рождённого дома',
        body: 'Ребёнка, рождённого дома, можно зарегистрировать позднее в ЗАГСе района.\n\nВозьмите любой документ о рождении (справку акушерки, справку айыл окмоту) и паспорта обоих родителей. Если документа нет, рождение могут подтвердить два свидетеля. Если чего-то не хватает, мы поможем.',
      },
      ky: {
        title: 'Үйдө төрөлгөн баланы каттоо',
        body: 'Үйдө төрөлгөн баланы райондун жарандык абал актыларын каттоо бөлүмүндө кечиктирип каттоого болот.\n\nТөрөлгөнү тууралуу ар кандай кагазды (акушердин маалымкатын, айыл өкмөтүнүн маалымкатын) жана ата-эненин паспортторун алып келиңиз. Кагаз жок болсо, төрөлгөнүн эки күбө ырастай алат. Бир нерсе жетишпесе, жардам беребиз.',
      },
    },
  });
  const sent = await submitArticle(platform, lawyer, birth.id, birth.version);
  await publishArticle(platform, supervisor, birth.id, sent.version);
  const waiting = await createArticle(platform, lawyer, {
    countryCode: 'KG',
    topic: 'statelessness_determination',
    checkedOn: day(-1),
    texts: {
      ru: {
        title: 'Как подтвердить, что у вас нет гражданства',
        body: 'Если ни одна страна не признаёт вас своим гражданином, можно обратиться за определением статуса лица без гражданства. Юрист поможет собрать документы и написать заявление.',
      },
    },
  });
  await submitArticle(platform, lawyer, waiting.id, waiting.version);
  await createNotice(platform, supervisor, {
    countryCode: 'KG',
    startsOn: day(-1),
    endsOn: day(10),
    texts: {
      en: {
        title: 'Dostuk crossing: pedestrians only',
        body: 'Until further notice the Dostuk crossing is open to pedestrians only, from 8:00 to 20:00.',
      },
      ru: {
        title: 'Пункт пропуска «Достук»: только пешеходы',
        body: 'До особого уведомления пункт пропуска «Достук» открыт только для пешеходов, с 8:00 до 20:00.',
      },
      ky: {
        title: '«Достук» өткөрүү пункту: жөө жүргүнчүлөр гана',
        body: 'Кийинки кабарга чейин «Достук» өткөрүү пункту жөө жүргүнчүлөр үчүн гана, саат 8:00дөн 20:00гө чейин ачык.',
      },
    },
  });
}
