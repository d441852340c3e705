import {
  type AgeBracket,
  type AssistanceTotals,
  ageBracket,
  type PopulationType,
  type Sex,
} from '@komek/domain';
import type { Platform } from '../../platform/http.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { findOrganisation } from '../organisations/organisations.repo.ts';
import { handedOverIn } from './assistance.repo.ts';

type Amounts = Map<string, number>;
const add = (m: Map<string, number>, key: string, n = 1) => m.set(key, (m.get(key) ?? 0) + n);
const listed = (amounts: Amounts) =>
  [...amounts].map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 }));

/**
 * What a year handed over. A household's grant reaches every member and one family; a person's
 * reaches them and their family (their household, or themselves alone), so a family helped twice,
 * or through two of its members, is one family reached, and a person helped twice is one person.
 */
export async function assistanceTotals(
  platform: Platform,
  actor: Actor,
  year: number,
): Promise<AssistanceTotals> {
  authorize(actor, 'results.read');
  // A person with no district counts in the organisation's own country.
  const orgCountry = (await findOrganisation(platform.database.db, actor.orgId))?.countryCode ?? 'KG';
  const { given, members, people, families } = await handedOverIn(platform.database.db, actor.orgId, year);
  const reached = new Set<string>();
  const familiesReached = new Set<string>();
  const householdOf = new Map<string, string>();
  for (const f of families) householdOf.set(f.personId, f.householdId);
  const byPurpose = new Map<string, { grants: number; amounts: Amounts }>();
  const byLine = new Map<string | null, { grants: number; amounts: Amounts }>();
  for (const g of given) {
    if (g.householdId) {
      familiesReached.add(`h:${g.householdId}`);
      for (const m of members) if (m.householdId === g.householdId) reached.add(m.personId);
    } else if (g.personId) {
      reached.add(g.personId);
      const household = householdOf.get(g.personId);
      familiesReached.add(household ? `h:${household}` : `p:${g.personId}`);
    }
    for (const [map, key] of [
      [byPurpose, g.purpose],
      [byLine, g.budgetLineId],
    ] as const) {
      const entry = (map as Map<string | null, { grants: number; amounts: Amounts }>).get(key) ?? {
        grants: 0,
        amounts: new Map(),
      };
      entry.grants += 1;
      if (g.currency && g.amount !== null) add(entry.amounts, g.currency, Number(g.amount));
      (map as Map<string | null, { grants: number; amounts: Amounts }>).set(key, entry);
    }
  }
  const sexAge = new Map<string, number>();
  const byCountry = new Map<string, number>();
  const byPopulation = new Map<string, number>();
  for (const p of people) {
    if (!reached.has(p.id)) continue;
    const born = p.birthDate ? Number(p.birthDate.slice(0, 4)) : null;
    const age: AgeBracket | 'unknown' = born === null ? 'unknown' : (ageBracket(year - born) ?? 'unknown');
    add(sexAge, `${p.sex}|${age}`);
    add(byCountry, p.districtId?.split('-')[0] || orgCountry);
    add(byPopulation, p.populationType);
  }
  return {
    familiesReached: familiesReached.size,
    individualsReached: reached.size,
    bySexAge: [...sexAge].map(([key, n]) => {
      const [sex, age] = key.split('|') as [Sex, AgeBracket | 'unknown'];
      return { sex, age, n };
    }),
    byCountry: [...byCountry].map(([countryCode, individuals]) => ({ countryCode, individuals })),
    byPopulation: [...byPopulation].map(([populationType, individuals]) => ({
      populationType: populationType as PopulationType,
      individuals,
    })),
    byPurpose: [...byPurpose].map(([purpose, v]) => ({
      purpose: purpose as AssistanceTotals['byPurpose'][number]['purpose'],
      grants: v.grants,
      amounts: listed(v.amounts),
    })),
    byBudgetLine: [...byLine].map(([budgetLineId, v]) => ({
      budgetLineId,
      grants: v.grants,
      amounts: listed(v.amounts),
    })),
  };
}
