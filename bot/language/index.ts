/** Pure language helpers: detection, yes/no and choice recognition, formatting, language commands. */
export { detectLanguage, languageSwitchSuggestion, DETECTABLE_LANGUAGES, type DetectableLanguage, type Detection } from './detect.js';
export { recognizeYesNo, recognizeChoice, toAsciiDigits } from './recognizers.js';
export { formatDate, formatTime, formatDateTime, formatWeekday, formatNumber, weekdayNames, intlLocale, TIME_ZONE } from './format.js';
export { isLanguageCommand, parseLanguageName, parseLanguageRequest } from './commands.js';
