export {
  type BirthDate,
  gregorianText,
  isBirthDateText,
  isSolarHijriYear,
  parseBirthDate,
  SOLAR_HIJRI_YEARS,
} from './birth-date.ts';
export { BLOCKING_KEYS, type BlockingStats } from './blocking.ts';
export {
  type PersonNames,
  type RankedDuplicate,
  rankDuplicates,
  soundKeys,
  storedNameKeys,
} from './duplicate-check.ts';
export { type Estimate, estimateModel } from './estimate.ts';
export { type Explanation, explainPair, explanationText } from './explain.ts';
export {
  type Finding,
  findingText,
  MATCH_FIELDS,
  MATCH_OUTCOMES,
  type MatchField,
  type MatchOutcome,
} from './findings.ts';
export { FOLD_VERSION, foldGender, foldToken, skeleton, soundOf } from './fold.ts';
export { jaroWinkler } from './jaro-winkler.ts';
export { dedupe, januaryFirstAsYear, type LinkOptions, link, priorFor } from './linkage.ts';
export {
  type Comparison,
  compare,
  DEFAULT_MODEL,
  type Frequencies,
  frequenciesOf,
  type MatchModel,
  oddsOf,
} from './model.ts';
export { nameKeys, type ParsedName, parseName } from './names.ts';
export type { LinkedPair } from './one-to-one.ts';
export { asciiDigits, fitsPersoArabic, hasPersoArabic, persoArabicToLatin } from './perso-arabic.ts';
export { familyStem, type PersonRecord, type PreparedRecord, prepareList, prepareRecord } from './record.ts';
export { hasCyrillic, transliterate } from './transliterate.ts';
