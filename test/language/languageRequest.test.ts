import { describe, expect, it } from 'vitest';
import type { Locale } from '../../bot/i18n/locales.js';
import { parseLanguageRequest } from '../../bot/language/commands.js';

describe('parseLanguageRequest', () => {
  const requests: [string, Locale][] = [
    ['in English', 'en'], ['English please', 'en'], ['englanniksi', 'en'], ['på engelska', 'en'], ['по-английски', 'en'],
    ['suomeksi', 'fi'], ['Puhutaan suomea', 'fi'], ['på finska', 'fi'], ['soome keeles', 'fi'],
    ['selkosuomeksi', 'fi-x-selko'], ['selkokielellä', 'fi-x-selko'],
    ['på svenska', 'sv'], ['ruotsiksi', 'sv'],
    ['по-русски', 'ru'], ['на русском', 'ru'], ['venäjäksi', 'ru'],
    ['українською', 'uk'], ['ukrainaksi', 'uk'],
    ['eesti keeles', 'et'], ['viroksi', 'et'],
    ['بالعربية', 'ar'], ['arabiaksi', 'ar'],
    ['af-soomaali', 'so'], ['af soomaali', 'so'], ['somaliksi', 'so'],
    ['به فارسی', 'fa'], ['persiaksi', 'fa'],
  ];
  it.each(requests)('%j asks for %s', (text, locale) => {
    expect(parseLanguageRequest(text)).toBe(locale);
  });

  // A bare name may answer a question ("What is your mother tongue?"); a negation or a long
  // sentence is about something else.
  const notRequests = [
    'English', 'Somali', 'suomi', 'Suomi', 'en', 'fi-x-selko', 'not in Finnish', 'en puhu suomea', 'I speak Finnish',
    'English or Finnish please', 'in Tampere', 'I need a course in Finnish for adults', 'kieli', '',
  ];
  it.each(notRequests)('%j is not a request to switch', (text) => {
    expect(parseLanguageRequest(text)).toBeUndefined();
  });
});
