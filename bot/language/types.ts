import type { Locale } from '../i18n/locales.js';

/** Languages the detector tells apart. Plain Finnish is detected as `fi`. */
export type DetectableLanguage = Exclude<Locale, 'fi-x-selko'>;

export const DETECTABLE_LANGUAGES: readonly DetectableLanguage[] = ['fi', 'sv', 'en', 'ru', 'uk', 'et', 'ar', 'so', 'fa'];
