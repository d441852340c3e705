import { SCREENING_INDICATORS, type ScreeningAnswers } from '@komek/domain';

/** Every indicator answered "no" except those given. */
export const screeningAnswers = (given: Partial<ScreeningAnswers> = {}): ScreeningAnswers =>
  ({ ...Object.fromEntries(SCREENING_INDICATORS.map((i) => [i, 'no'])), ...given }) as ScreeningAnswers;

export const screeningPayload = (
  personId: string,
  given: Partial<ScreeningAnswers> = {},
  notes: string | null = null,
  caseId: string | null = null,
) => ({
  personId,
  caseId,
  screenedOn: new Date().toISOString().slice(0, 10),
  answers: screeningAnswers(given),
  supportNeeds: ['shelter'],
  notes,
});
