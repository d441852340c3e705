import type { EligibilityCriterionInput } from '@komek/domain';
import type { Db } from '../db/connection.ts';
import { eligibilityCriteria } from '../db/schema/index.ts';

/**
 * Intake criteria as a lawyers' association and the State legal aid service ask them (the
 * wording is the project's; each organisation words its own on its organisation screen).
 */
export const DEMO_CRITERIA: Record<string, EligibilityCriterionInput[]> = {
  fvlwb: [
    {
      code: 'lives_or_works_in_area',
      label: {
        en: 'Lives or works in a district the association serves',
        ru: 'Живёт или работает в районе, который обслуживает ассоциация',
        ky: 'Ассоциация тейлеген райондо жашайт же иштейт',
        kk: 'Қауымдастық қызмет көрсететін ауданда тұрады немесе жұмыс істейді',
        uz: 'Uyushma xizmat koʻrsatadigan tumanda yashaydi yoki ishlaydi',
        tg: 'Дар ноҳияе, ки ассотсиатсия хизмат мерасонад, зиндагӣ ё кор мекунад',
        'fa-AF': 'در ولسوالی‌ای که انجمن خدمت می‌کند زندگی یا کار می‌کند',
      },
    },
    {
      code: 'no_other_lawyer',
      label: {
        en: 'Has no other lawyer in this matter',
        ru: 'Не имеет другого адвоката по этому вопросу',
        ky: 'Бул маселе боюнча башка адвокаты жок',
        kk: 'Бұл мәселе бойынша басқа адвокаты жоқ',
        uz: 'Bu masala boʻyicha boshqa advokati yoʻq',
        tg: 'Дар ин масъала адвокати дигар надорад',
        'fa-AF': 'در این موضوع وکیل دیگری ندارد',
      },
    },
  ],
  las: [
    {
      code: 'cannot_pay_lawyer',
      label: {
        en: 'Cannot pay for a lawyer (income below the threshold, or a category the law names)',
        ru: 'Не может оплатить адвоката (доход ниже порога или категория, названная в законе)',
        ky: 'Адвокатка төлөй албайт (кирешеси босогодон төмөн же мыйзамда аталган категория)',
        kk: 'Адвокатқа төлей алмайды (табысы шектен төмен немесе заңда аталған санат)',
        uz: 'Advokatga toʻlay olmaydi (daromadi chegaradan past yoki qonunda nomlangan toifa)',
        tg: 'Ба адвокат пардохт карда наметавонад (даромад аз ҳад паст ё категорияи дар қонун номбаршуда)',
        'fa-AF': 'توان پرداخت وکیل را ندارد (درآمد کمتر از حد، یا دسته‌ای که قانون نام برده است)',
      },
    },
  ],
};

export async function seedDemoEligibility(db: Db, orgIds: Map<string, string>) {
  for (const [key, criteria] of Object.entries(DEMO_CRITERIA)) {
    const orgId = orgIds.get(key);
    if (!orgId) continue;
    await db.insert(eligibilityCriteria).values(criteria.map((c) => ({ ...c, orgId })));
  }
}
