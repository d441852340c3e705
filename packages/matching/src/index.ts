export { foldGender, foldToken } from './fold.ts';
export { nameKeys, type ParsedName, parseName } from './names.ts';
export { hasCyrillic, transliterate } from './transliterate.ts';
