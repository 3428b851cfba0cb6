/**
 * Recognition used by LocalizedPrompt. Temporary minimal version until the language module's
 * recognizers land; replaced by a re-export of bot/language/recognizers.
 */
import type { Locale } from '../../bot/i18n/locales.js';

const normalize = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();

const YES = ['kyllä', 'joo', 'juu', 'ja', 'jo', 'yes', 'yeah', 'yep', 'ok'];
const NO = ['ei', 'nej', 'no', 'nope'];

export function recognizeYesNo(text: string, _locale: Locale): boolean | undefined {
  const n = normalize(text);
  if (YES.includes(n)) return true;
  if (NO.includes(n)) return false;
  return undefined;
}

export function recognizeChoice(text: string, labels: string[], _locale: Locale): number | undefined {
  const n = normalize(text);
  const num = Number(n);
  if (Number.isInteger(num) && num >= 1 && num <= labels.length) return num - 1;
  const exact = labels.findIndex((l) => normalize(l) === n);
  if (exact >= 0) return exact;
  const contained = labels.map((l, i) => [normalize(l), i] as const).filter(([l]) => n.length >= 3 && l.includes(n));
  return contained.length === 1 ? contained[0][1] : undefined;
}
