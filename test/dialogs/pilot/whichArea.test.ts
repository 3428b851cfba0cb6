/**
 * "Which employment area serves me?" for places the first pilot data did not know: a town outside
 * the seeds, a Swedish name, a municipality merged away in 2013, names in Cyrillic and Arabic
 * script, and an Åland municipality, each in the language the user writes in.
 */
import { describe, it } from 'vitest';
import { FixedClock } from '../../../bot/kernel/clock.js';
import type { Locale } from '../../../bot/i18n/locales.js';
import type { CheckToStore, EligibilityStore, StoredCheck } from '../../../bot/pilot/eligibilityRepository.js';
import { createPilotServices } from '../../../bot/pilot/feature.js';
import { createPilotDialogs } from '../../../dialogs/pilot/pilotDialogs.js';
import { createMainDialogHarness, playTranscript, translator } from '../../support/dialogs.js';

const AFTER = new Date('2026-11-25T10:00:00Z');
const s = (locale: Locale, key: string, args: Record<string, unknown> = {}) => String(translator.t(locale)(key, args));
const TMT = { fallbackName: 'Työmarkkinatori', fallbackUrl: 'https://tyomarkkinatori.fi' };
const AMS_SV = 'Ålands arbetsmarknads- och studieservicemyndighet (AMS)';

class UnusedStore implements EligibilityStore {
  async record(_check: CheckToStore): Promise<StoredCheck> {
    throw new Error('the information dialog must not store eligibility checks');
  }
}

/** Opens "useful today" in the information dialog and asks about `typed`. */
async function ask(locale: Locale, typed: string, expected: string[]) {
  const parts = createPilotDialogs({ ...createPilotServices({ clock: new FixedClock(AFTER), store: new UnusedStore() }), translator });
  const harness = createMainDialogHarness({ locale, features: () => parts.menu });
  await harness.say('');
  await playTranscript(harness, [
    [s(locale, 'pilot:menu.info'), []],
    [s(locale, 'pilot:info.topics.today'), [s(locale, 'pilot:today.prompt')]],
    [typed, expected],
  ]);
}

describe('which area serves me, in Finnish', () => {
  it('Oulu, not in the seeds, is in the Oulu employment area', () =>
    ask('fi', 'Asun Oulussa', [s('fi', 'pilot:today.servedNoUrl', { municipality: 'Oulu', area: 'Oulun työllisyysalue', ...TMT })]));

  it('Kuopio, which no source found places in an area with its members: says so and where to look', () =>
    ask('fi', 'Asun Kuopiossa', [s('fi', 'pilot:today.outside', { municipality: 'Kuopio', ...TMT }), s('fi', 'pilot:today.register', TMT)]));

  it('Kotka, host of the Etelä-Kymenlaakso area named by Kotka’s own news', () =>
    ask('fi', 'Asun Kotkassa', [s('fi', 'pilot:today.servedNoUrl', { municipality: 'Kotka', area: 'Etelä-Kymenlaakson työllisyysalue', ...TMT })]));

  it('Rovaniemi, with Ranua in the Rovaseutu area by the city council’s decision', () =>
    ask('fi', 'Rovaniemellä', [s('fi', 'pilot:today.servedNoUrl', { municipality: 'Rovaniemi', area: 'Rovaseudun työllisyysalue', ...TMT })]));

  it('Sipoo, served with Kerava: the area’s own page is the address', () =>
    ask('fi', 'Sipoo', [
      s('fi', 'pilot:today.served', {
        municipality: 'Sipoo',
        area: 'Keravan ja Sipoon työllisyysalue',
        url: 'https://www.kerava.fi/tyo-ja-yrittaminen/keravan-ja-sipoon-tyollisyysalue/',
      }),
    ]));

  it('Lahti, which runs its employment services alone', () =>
    ask('fi', 'Lahdessa', [s('fi', 'pilot:today.servedNoUrl', { municipality: 'Lahti', area: 'Lahden kaupunki (työllisyysalue)', ...TMT }), s('fi', 'pilot:today.register', TMT)]));

  it('Ristiina, merged into Mikkeli in 2013, is answered as Mikkeli', () =>
    ask('fi', 'Ristiina', [s('fi', 'pilot:today.served', { municipality: 'Mikkeli', area: 'Mikkelin seudun työllisyysalue', url: 'https://www.mikkeli.fi' })]));

  it('Raisio, one of the 23 municipalities of the Turku area named by Turku city board', () =>
    ask('fi', 'Asun Raisiossa', [s('fi', 'pilot:today.servedNoUrl', { municipality: 'Raisio', area: 'Turun työllisyysalue', ...TMT })]));

  it('Alastaro, merged into Loimaa in 2009, is answered as Loimaa in the Turku area', () =>
    ask('fi', 'Alastaro', [s('fi', 'pilot:today.servedNoUrl', { municipality: 'Loimaa', area: 'Turun työllisyysalue', ...TMT })]));

  it('Lapua, in the Kymppi area of ten South Ostrobothnia municipalities', () =>
    ask('fi', 'Lapualla', [s('fi', 'pilot:today.servedNoUrl', { municipality: 'Lapua', area: 'Kympin työllisyysalue', ...TMT })]));

  it('Kauniainen is served with Espoo', () =>
    ask('fi', 'Kauniainen', [s('fi', 'pilot:today.served', { municipality: 'Kauniainen', area: 'Espoon työllisyysalue', url: 'https://www.espoo.fi' })]));
});

describe('which area serves me, in Swedish', () => {
  it('Grankulla, the Swedish name of Kauniainen', () =>
    ask('sv', 'Grankulla', [s('sv', 'pilot:today.served', { municipality: 'Grankulla', area: 'Esbo sysselsättningsområde', url: 'https://www.espoo.fi' })]));

  it('Björneborg, the Swedish name of Pori', () =>
    ask('sv', 'Jag bor i Björneborg', [s('sv', 'pilot:today.served', { municipality: 'Björneborg', area: 'Satakunta sysselsättningsområde', url: 'https://www.pori.fi' })]));

  it('Vasa, the Swedish name of Vaasa, in the Ostrobothnia area', () =>
    ask('sv', 'Jag bor i Vasa', [s('sv', 'pilot:today.servedNoUrl', { municipality: 'Vasa', area: 'Pohjanmaan työllisyysalue', ...TMT })]));

  it('Lovisa, in the Porvoo area since the municipalities’ new agreement', () =>
    ask('sv', 'Lovisa', [s('sv', 'pilot:today.servedNoUrl', { municipality: 'Lovisa', area: 'Porvoon työllisyysalue', ...TMT })]));

  it('Nådendal, the Swedish name of Naantali, in the Turku area', () =>
    ask('sv', 'Jag bor i Nådendal', [s('sv', 'pilot:today.servedNoUrl', { municipality: 'Nådendal', area: 'Turun työllisyysalue', ...TMT })]));

  it('Mariehamn, in Åland: AMS, not "cannot confirm"', () =>
    ask('sv', 'Mariehamn', [s('sv', 'pilot:today.aland', { municipality: 'Mariehamn', authority: AMS_SV, url: 'https://www.ams.ax' })]));
});

describe('which area serves me, in English', () => {
  it('Turku, outside the seeds, is in the Turku employment area', () =>
    ask('en', 'I live in Turku', [s('en', 'pilot:today.servedNoUrl', { municipality: 'Turku', area: 'Turun työllisyysalue', ...TMT })]));

  it('Haapavesi, in the Raahe–Kalajoki–Ylivieska–Nivala area by its cooperation agreement', () =>
    ask('en', 'I live in Haapavesi', [
      s('en', 'pilot:today.servedNoUrl', { municipality: 'Haapavesi', area: 'Raahe – Kalajoki – Ylivieska – Nivala -työllisyysalue', ...TMT }),
    ]));

  it('Jomala, an Åland municipality', () =>
    ask('en', 'Jomala', [s('en', 'pilot:today.aland', { municipality: 'Jomala', authority: AMS_SV, url: 'https://www.ams.ax' })]));
});

describe('which area serves me, in Russian', () => {
  it('Хельсинки, the established Russian name', () =>
    ask('ru', 'Я живу в Хельсинки', [
      s('ru', 'pilot:today.served', { municipality: 'Хельсинки (Helsinki)', area: 'Helsingin kaupungin työllisyyspalvelut', url: 'https://tyollisyyspalvelut.hel.fi' }),
    ]));

  it('Кокколa by transliteration: Kokkola is in the Central Ostrobothnia area', () =>
    ask('ru', 'Коккола', [s('ru', 'pilot:today.servedNoUrl', { municipality: 'Kokkola', area: 'Keski-Pohjanmaan työllisyysalue', ...TMT })]));
});

describe('which area serves me, in Russian: newly mapped places', () => {
  it('Лапуа by transliteration: Lapua is in the Kymppi area', () =>
    ask('ru', 'Лапуа', [s('ru', 'pilot:today.servedNoUrl', { municipality: 'Lapua', area: 'Kympin työllisyysalue', ...TMT })]));
});

describe('which area serves me, in Arabic', () => {
  it('توركو (Turku), by transliteration', () =>
    ask('ar', 'أعيش في توركو', [s('ar', 'pilot:today.servedNoUrl', { municipality: 'توركو (Turku)', area: 'Turun työllisyysalue', ...TMT })]));

  it('كوفولا (Kouvola), by transliteration', () =>
    ask('ar', 'كوفولا', [s('ar', 'pilot:today.servedNoUrl', { municipality: 'Kouvola', area: 'Kouvolan kaupunki (työllisyysalue)', ...TMT })]));

  it('رايسيو (Raisio), by transliteration, in the Turku area', () =>
    ask('ar', 'رايسيو', [s('ar', 'pilot:today.servedNoUrl', { municipality: 'Raisio', area: 'Turun työllisyysalue', ...TMT })]));

  it('ماريهامن (Mariehamn), in Åland', () =>
    ask('ar', 'ماريهامن', [s('ar', 'pilot:today.aland', { municipality: 'ماريهامن (Maarianhamina)', authority: AMS_SV, url: 'https://www.ams.ax' })]));
});
