import type { IndicatorInput, PopulationType } from '@komek/domain';

interface Figure {
  country: string;
  population: PopulationType;
  baseline: number | null;
  target?: number | null;
  actual?: number | null;
}
export type StandardIndicator = IndicatorInput & { figures?: Figure[] };

const RAS = 'refugees_asylum_seekers' as const;
const STATELESS = 'stateless' as const;
const base = { active: true, computation: null } as const;

/**
 * The indicators of the 2024 results report the project reports against (with that report's
 * figures as the starting baselines), and the programme's own. Percentages are entered: their
 * denominators are national, not in the casework. Counts of people helped are computed from it.
 */
export const STANDARD_INDICATORS: StandardIndicator[] = [
  {
    ...base,
    code: '1.1',
    name: {
      en: 'Proportion of people seeking international protection who are able to access asylum procedures',
      ru: 'Доля лиц, ищущих международную защиту, имеющих доступ к процедурам убежища',
    },
    level: 'impact',
    area: 'IA1: Protect',
    populationTypes: [RAS],
    unit: 'percentage',
    source: 'entered',
    figures: [
      { country: 'KZ', population: RAS, baseline: 65.31, actual: 100 },
      { country: 'KG', population: RAS, baseline: 100, actual: 100 },
      { country: 'TM', population: RAS, baseline: 0, actual: 0 },
      { country: 'UZ', population: RAS, baseline: 0, actual: 0 },
    ],
  },
  {
    ...base,
    code: '1.2',
    name: {
      en: 'Proportion of people who are able to move freely within the country of habitual residence',
      ru: 'Доля лиц, которые могут свободно передвигаться по стране обычного проживания',
    },
    level: 'impact',
    area: 'IA1: Protect',
    populationTypes: [RAS],
    unit: 'percentage',
    source: 'entered',
    figures: [
      { country: 'KZ', population: RAS, baseline: 97.61, actual: 98.3 },
      { country: 'KG', population: RAS, baseline: 100, actual: 100 },
      { country: 'TM', population: RAS, baseline: 100, actual: 100 },
      { country: 'UZ', population: RAS, baseline: 100, actual: 0.06 },
    ],
  },
  {
    ...base,
    code: '1.3',
    name: {
      en: 'Proportion of people with legally recognized identity documents or credentials',
      ru: 'Доля лиц с юридически признанными документами, удостоверяющими личность',
    },
    level: 'outcome',
    area: 'OA1: Access/Doc',
    populationTypes: [STATELESS],
    unit: 'percentage',
    source: 'entered',
    figures: [{ country: 'KZ', population: STATELESS, baseline: 88.45, target: 96, actual: 94.08 }],
  },
  {
    ...base,
    code: '4.3a',
    name: {
      en: 'Number of stateless people for whom nationality is granted or confirmed',
      ru: 'Число лиц без гражданства, получивших или подтвердивших гражданство',
    },
    level: 'impact',
    area: 'IA4: Solve',
    populationTypes: [STATELESS, 'undetermined_nationality', 'at_risk_of_statelessness'],
    unit: 'number',
    source: 'computed',
    computation: 'nationality_granted_or_confirmed',
    figures: [
      { country: 'KZ', population: STATELESS, baseline: 2240, actual: 1348 },
      { country: 'KG', population: STATELESS, baseline: 277, actual: 59 },
      { country: 'TM', population: STATELESS, baseline: 1261, actual: 2597 },
      { country: 'UZ', population: STATELESS, baseline: 4993, actual: 1320 },
    ],
  },
  {
    ...base,
    code: '4.3b',
    name: {
      en: 'Number of refugees for whom residency status is granted or confirmed',
      ru: 'Число беженцев, получивших или подтвердивших статус проживания',
    },
    level: 'impact',
    area: 'IA4: Solve',
    populationTypes: [RAS],
    unit: 'number',
    source: 'computed',
    computation: 'residency_granted_or_confirmed',
    figures: [
      { country: 'KZ', population: RAS, baseline: 0, actual: 13 },
      { country: 'KG', population: RAS, baseline: 21, actual: 21 },
      { country: 'TM', population: RAS, baseline: 3, actual: 4 },
      { country: 'UZ', population: RAS, baseline: 5, actual: 5 },
    ],
  },
  {
    ...base,
    code: '06.1.1',
    name: {
      en: 'Number of people who received legal assistance',
      ru: 'Число лиц, получивших юридическую помощь',
    },
    level: 'output',
    area: 'OA3: Policy/Law',
    populationTypes: [],
    unit: 'number',
    source: 'computed',
    computation: 'people_legal_assistance',
  },
  {
    ...base,
    code: '07.3.1',
    name: {
      en: 'Number of people who received protection services',
      ru: 'Число лиц, получивших услуги по защите',
    },
    level: 'output',
    area: 'OA8: Well-being',
    populationTypes: [],
    unit: 'number',
    source: 'computed',
    computation: 'people_protection_services',
  },
  {
    ...base,
    code: '16.2',
    name: {
      en: 'Proportion of people covered by national social protection systems',
      ru: 'Доля лиц, охваченных национальными системами социальной защиты',
    },
    level: 'outcome',
    area: 'OA16: Integrate',
    populationTypes: [RAS],
    unit: 'percentage',
    source: 'entered',
    figures: [{ country: 'KZ', population: RAS, baseline: 60.73, target: 81, actual: 15.94 }],
  },
  {
    ...base,
    code: 'P1',
    name: {
      en: 'People given legal aid, by district',
      ru: 'Лица, получившие юридическую помощь, по районам',
    },
    level: 'output',
    area: 'Programme',
    populationTypes: [],
    unit: 'number',
    source: 'computed',
    computation: 'people_legal_assistance',
  },
  {
    ...base,
    code: 'P2',
    name: { en: 'Referrals completed', ru: 'Выполненные направления' },
    level: 'output',
    area: 'Programme',
    populationTypes: [],
    unit: 'number',
    source: 'computed',
    computation: 'referrals_completed',
  },
  {
    ...base,
    code: 'P3',
    name: { en: 'People whose procedure was won', ru: 'Лица, выигравшие процедуру' },
    level: 'outcome',
    area: 'Programme',
    populationTypes: [],
    unit: 'number',
    source: 'computed',
    computation: 'procedures_won',
  },
];
