export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

export const BIRTH_PRECISIONS = ['exact', 'month', 'year', 'estimated'] as const;

export const NATIONALITY_STATUSES = [
  'citizen',
  'stateless',
  'undetermined_nationality',
  'at_risk_of_statelessness',
  'refugee',
  'asylum_seeker',
  'mandate_refugee',
  'kairylman_applicant',
  'migrant',
  'other',
] as const;
export type NationalityStatus = (typeof NATIONALITY_STATUSES)[number];

/** Population types used in results reporting (DOMAIN.md, "Words"). */
export const POPULATION_TYPES = [
  'refugees_asylum_seekers',
  'stateless',
  'undetermined_nationality',
  'at_risk_of_statelessness',
  'migrants',
  'border_community',
  'others',
] as const;
export type PopulationType = (typeof POPULATION_TYPES)[number];

export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'birth_certificate',
  'residence_permit',
  'refugee_certificate',
  'stateless_certificate',
  'asylum_seeker_certificate',
  'soviet_passport',
  'military_id',
  'other',
] as const;
export const DOCUMENT_STATUSES = ['valid', 'expired', 'lost', 'never_had'] as const;

export const SPECIFIC_NEEDS = [
  'disability',
  'unaccompanied_child',
  'separated_child',
  'older_person_at_risk',
  'serious_medical_condition',
  'survivor_of_violence',
  'victim_of_trafficking',
] as const;

/** The six Washington Group short-set domains; each answered on its four-level difficulty scale. */
export const WG_DOMAINS = [
  'seeing',
  'hearing',
  'walking',
  'cognition',
  'self_care',
  'communication',
] as const;
export const WG_LEVELS = [
  'no_difficulty',
  'some_difficulty',
  'a_lot_of_difficulty',
  'cannot_do_at_all',
] as const;
export type WashingtonGroupAnswers = Partial<Record<(typeof WG_DOMAINS)[number], (typeof WG_LEVELS)[number]>>;

/** Washington Group practice: "a lot of difficulty" or worse in any domain counts as a disability. */
export function washingtonGroupDisability(answers: WashingtonGroupAnswers | undefined): boolean {
  return Object.values(answers ?? {}).some((level) => level && WG_LEVELS.indexOf(level) >= 2);
}

/** The specific needs as kept: a disability the Washington Group answers show is added to them. */
export function needsWithDisability(needs: readonly string[], answers: WashingtonGroupAnswers | undefined) {
  return washingtonGroupDisability(answers) && !needs.includes('disability')
    ? [...needs, 'disability']
    : [...needs];
}

export const RELATIONSHIPS = [
  'head',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'grandparent',
  'other_relative',
  'non_relative',
] as const;

export const LEGAL_PROBLEMS = [
  'nationality_statelessness',
  'civil_documentation_birth_registration',
  'residence_registration',
  'migration_stay_visas',
  'border_crossing',
  'asylum_refugee_status',
  'deportation_extradition_refoulement',
  'labour_migrant_rights',
  'access_health_education_social',
  'property_land',
  'family',
  'trafficking_exploitation',
  'other',
] as const;

export const CASE_STATUSES = ['intake', 'open', 'pending_authority', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_PRIORITIES = ['emergency', 'urgent', 'normal'] as const;

/** What closing does with the case's unfinished tasks: they were done, or are no longer needed. */
export const OPEN_TASK_CHOICES = ['done', 'cancelled'] as const;

export const CASE_OUTCOMES = [
  'nationality_acquired',
  'nationality_confirmed',
  'document_issued',
  'status_granted',
  'residence_permit_granted',
  'appeal_won',
  'appeal_lost',
  'advice_only',
  'referred',
  'withdrawn',
  'lost_contact',
] as const;

export const INTERVENTION_TYPES = [
  'consultation',
  'document_drafting',
  'submission_to_authority',
  'accompaniment',
  'court_representation',
  'mediation',
] as const;

/** What a lawyer must appear at, on a day and often at an hour: missing one can lose the case. */
export const HEARING_KINDS = [
  'court_hearing',
  'appeal_hearing',
  'administrative_hearing',
  'asylum_interview',
  'prosecutor_interview',
  'other',
] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];

export const CHANNELS = ['in_person', 'phone', 'hotline', 'messaging_group', 'outreach_visit'] as const;

/**
 * Languages a consultation is held in, in the border areas: the region's own, Russian, the
 * languages of Afghan refugees (Dari, Pashto), and those of the neighbours (BCP 47 codes).
 */
export const CONSULTATION_LANGUAGES = [
  'ky',
  'ru',
  'uz',
  'tg',
  'kk',
  'tk',
  'fa-AF',
  'ps',
  'fa',
  'ug',
  'zh',
  'en',
  'ar',
  'tr',
] as const;

/** Which status may follow which; closing goes through supervisor approval (see cases service). */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  intake: ['open', 'closed'],
  open: ['pending_authority', 'closed'],
  pending_authority: ['open', 'closed'],
  closed: ['open'],
};

export type CasePriority = (typeof CASE_PRIORITIES)[number];
export type LegalProblem = (typeof LEGAL_PROBLEMS)[number];
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export type Channel = (typeof CHANNELS)[number];
export type Sex = (typeof SEXES)[number];
