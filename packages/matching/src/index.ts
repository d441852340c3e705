export { type CandidateScore, type NameAndBirth, scoreCandidate } from './candidate-score.ts';
export { foldGender, foldToken } from './fold.ts';
export { nameKeys, type ParsedName, parseName } from './names.ts';
export { hasCyrillic, transliterate } from './transliterate.ts';
