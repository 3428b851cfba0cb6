/** Moved to bot/language/transliterate.ts; kept so existing imports keep working. */
export { cyrillicToLatin, hasCyrillic } from '../language/transliterate.js';
