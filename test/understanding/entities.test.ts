/** The benefit and the municipality a person names, read from one message the way people write it. */
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../bot/i18n/locales.js';
import { createMatcher } from '../../bot/pilot/municipalityMatcher.js';
import { extractEntities } from '../../bot/understanding/entities.js';

describe('the benefit in a message', () => {
  it.each([
    ['fi', 'Saan työmarkkinatukea. Soitatteko vai laitanko viestin?', 'kela'],
    ['en', "I get labour market subsidy from Kela, is that right? Call or text me", 'kela'],
    ['en', 'I am on earnings-related allowance from my union fund', 'fund'],
    ['so', 'Waxaan qaataa gunnada aasaasiga. Ma wici karaa ama ma qori karaa?', 'kela'],
  ] as const)('%s "%s" says the person gets %s', (locale, message, benefit) => {
    expect(extractEntities(message, locale).benefit).toBe(benefit);
  });

  it.each([
    ['fi', 'Saanko työmarkkinatukea vai ansiosidonnaista?'],
    ['en', 'labour market subsidy or earnings-related allowance, which one do I get?'],
  ] as const)('%s "%s" asks which one, and says nothing about the person', (locale, message) => {
    expect(extractEntities(message, locale).benefit).toBeUndefined();
  });
});

describe('the municipality in a message', () => {
  const matcher = createMatcher();
  const named = (message: string, locale: Locale) => {
    const m = extractEntities(message, locale, { matcher }).municipality;
    return m?.kind === 'match' ? m.municipality.name.fi : m?.kind === 'known_outside_data' ? m.municipality.fi : undefined;
  };

  it('does not take the Somali "ii" (to me) for the municipality Ii', () => {
    expect(named('ii sharax mashruuca tijaabada shaqada', 'so')).toBeUndefined();
    expect(named('Ii sheeg, maxaan sameeyaa?', 'so')).toBeUndefined();
  });

  it('still finds Ii written as a name, and in Finnish in any form', () => {
    expect(named('Waxaan ku noolahay Ii, aaggee baa i adeega?', 'so')).toBe('Ii');
    expect(named('asun iissä, mikä alue palvelee', 'fi')).toBe('Ii');
  });

  it.each([
    ['Kolisin Tamperesse, kes mind nüüd aitab?', 'Tampere'],
    ['ma olen pärit Ylöjärvilt', 'Ylöjärvi'],
    ['elan Salos ja otsin tööd', 'Salo'],
  ])('finds the name inflected with an Estonian case: "%s" → %s', (message, name) => {
    expect(named(message, 'et')).toBe(name);
  });

  it('does not take the Estonian "lahti" (open) for Lahti, but finds Lahti named in Estonian and in Finnish', () => {
    expect(named('mis kellast te lahti olete', 'et')).toBeUndefined();
    expect(named('elan Lahtis, kes mind teenindab', 'et')).toBe('Lahti');
    expect(named('lahti mukana?', 'fi')).toBe('Lahti');
  });

  it.each([
    ['в Лаппеенранте открыт офис?', 'ru', 'Lappeenranta'],
    ['из Лаппеенранты переехал', 'ru', 'Lappeenranta'],
    ['мы живём в котке', 'ru', 'Kotka'],
    ['у Форссі був цей проект?', 'uk', 'Forssa'],
    ['ми у Ваасі, хто нас обслуговує', 'uk', 'Vaasa'],
  ] as const)('finds a name declined in Russian or Ukrainian: "%s" → %s', (message, locale, name) => {
    expect(named(message, locale)).toBe(name);
  });

  // و writes v as well as o and u, so Persian spells Rovaniemi روانیمی.
  it.each([
    ['روانیمی زندگی میکنم', 'Rovaniemi'],
    ['ساوونلینا تو طرح بود؟', 'Savonlinna'],
    ['تو کووولا زندگی میکنم', 'Kouvola'],
  ])('finds a Persian spelling with و for v: "%s" → %s', (message, name) => {
    expect(named(message, 'fa')).toBe(name);
  });

  it.each(['صحيح لازم قدم على شغلات كل شهر؟', 'كيف كانت التجربة بتأثر على الشباب', 'работаю на стройке', 'по какой причине меня перевели'])('finds no place in the ordinary words of "%s"', (message) => {
    expect(named(message, /[\u0400-\u04FF]/.test(message) ? 'ru' : 'ar')).toBeUndefined();
  });
});

describe('an age in a message', () => {
  it.each([
    ['en', 'my daughter is 19 and out of work', 19],
    ['fi', 'veljeni on 27 ja työtön', 27],
    ['ru', 'сыну 22, он без работы', 22],
    ['uk', 'братові 26, безробітний', 26],
    ['en', "i'm 34 and on kela money", 34],
  ] as const)('%s "%s" states the age %i', (locale, message, age) => {
    expect(extractEntities(message, locale).age).toBe(age);
  });

  it('does not read a distance or a count as an age', () => {
    expect(extractEntities('the office is 25 km from my home', 'en').age).toBeUndefined();
    expect(extractEntities('I applied for 20 jobs', 'en').age).toBeUndefined();
  });
});
