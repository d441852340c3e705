import type {
  RiskResult,
  RiskRule,
  ScreeningAnswers,
  ScreeningIndicator,
  TraffickingIndicator,
} from './screening.schema.ts';
import { SCREENING_INDICATORS, TRAFFICKING_INDICATORS } from './screening.schema.ts';

/**
 * How much a "yes" weighs. Control over the person (debt, documents, movement, violence) marks
 * trafficking; deception and exploitative work point to it; a crossing arranged by others alone is
 * smuggling. Vulnerability does not make trafficking, but it makes any risk more urgent.
 */
export const INDICATOR_WEIGHT: Record<ScreeningIndicator, number> = {
  debt_bondage: 3,
  documents_withheld: 3,
  movement_restricted: 3,
  violence_threats: 3,
  recruitment_deception: 2,
  exploitative_conditions: 2,
  crossing_arranged: 1,
  unaccompanied_child: 2,
  pregnancy: 1,
  disability: 1,
  serious_illness: 1,
  survivor_of_violence: 1,
};

const STRONG = 3;
/** A trafficking score at which the screener should act as for a presumed victim. */
export const HIGH_TRAFFICKING_SCORE = 5;

const isTrafficking = (i: ScreeningIndicator): i is TraffickingIndicator =>
  (TRAFFICKING_INDICATORS as readonly string[]).includes(i);

/**
 * Scores a screening. The same function runs on the screen while the form is filled in and on the
 * server when it is saved, so the level a screener saw is the level recorded.
 */
export function scoreScreening(answers: ScreeningAnswers): RiskResult {
  const yes = SCREENING_INDICATORS.filter((i) => answers[i] === 'yes');
  const reasons = yes
    .map((indicator) => ({ indicator, weight: INDICATOR_WEIGHT[indicator] }))
    .sort((a, b) => b.weight - a.weight);
  const trafficking = yes.filter(isTrafficking);
  const traffickingScore = trafficking.reduce((n, i) => n + INDICATOR_WEIGHT[i], 0);
  const vulnerabilityScore = yes
    .filter((i) => !isTrafficking(i))
    .reduce((n, i) => n + INDICATOR_WEIGHT[i], 0);
  const strong = trafficking.filter((i) => INDICATOR_WEIGHT[i] >= STRONG).length;
  const child = answers.unaccompanied_child === 'yes';
  const [level, rule]: [RiskResult['level'], RiskRule] =
    strong >= 2
      ? ['high', 'two_strong_indicators']
      : traffickingScore >= HIGH_TRAFFICKING_SCORE
        ? ['high', 'trafficking_score']
        : child && trafficking.length > 0
          ? ['high', 'child_with_indicator']
          : trafficking.length > 0
            ? ['medium', 'some_indicator']
            : vulnerabilityScore >= 2
              ? ['medium', 'vulnerable']
              : ['low', 'none'];
  return {
    level,
    rule,
    score: traffickingScore + vulnerabilityScore,
    reasons,
    unknown: SCREENING_INDICATORS.filter((i) => answers[i] === 'unknown'),
  };
}
