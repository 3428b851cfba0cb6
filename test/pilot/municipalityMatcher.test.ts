import { describe, expect, it } from 'vitest';
import { getPilotData } from '../../bot/pilot/pilotData.js';
import { createMatcher, loadKnownMunicipalities, matchMunicipality, type MatchResult } from '../../bot/pilot/municipalityMatcher.js';

const matchedId = (r: MatchResult) => (r.kind === 'match' ? r.municipality.id : undefined);
const candidateIds = (r: MatchResult) => (r.kind === 'suggest' ? r.candidates.map((c) => c.id) : []);

describe('matchMunicipality: inflected Finnish forms', () => {
  const cases: Array<[string, string]> = [
    ['Salossa', 'salo'],
    ['marttilasta', 'marttila'],
    ['Tampereella', 'tampere'],
    ['Tampereen', 'tampere'],
    ['Helsingissä', 'helsinki'],
    ['Helsinkiin', 'helsinki'],
    ['Espoosta', 'espoo'],
    ['Espooseen', 'espoo'],
    ['Vantaalle', 'vantaa'],
    ['Mikkelissä', 'mikkeli'],
    ['Porista', 'pori'],
    ['Savonlinnassa', 'savonlinna'],
    ['Kangasalla', 'kangasala'],
    ['Lempäälässä', 'lempaala'],
    ['Nokialla', 'nokia'],
    ['Ylöjärvellä', 'ylojarvi'],
    ['Hämeenkyrössä', 'hameenkyro'],
    ['Kosken', 'koski-tl'],
    ['Koski Tl:ssä', 'koski-tl'],
    ['Saloon', 'salo'],
    ['Orivedellä', 'orivesi'],
    ['Vesilahdella', 'vesilahti'],
    ['Kokemäellä', 'kokemaki'],
    ['Punkalaitumella', 'punkalaidun'],
    ['Ikaalisissa', 'ikaalinen'],
    ['Virroilla', 'virrat'],
    ['Juupajoella', 'juupajoki'],
    ['Pälkäneellä', 'palkane'],
    ['Mänttä-Vilppulassa', 'mantta-vilppula'],
    ['Mäntässä', 'mantta-vilppula'],
    ['Kangasniemellä', 'kangasniemi'],
    ['Hirvensalmella', 'hirvensalmi'],
    ['Helsingissäkin', 'helsinki'],
  ];
  it.each(cases)('%s → %s', (text, id) => {
    expect(matchedId(matchMunicipality(text))).toBe(id);
  });
});

describe('matchMunicipality: case, diacritics and sentences', () => {
  const cases: Array<[string, string]> = [
    ['mantyharju', 'mantyharju'],
    ['MÄNTYHARJU', 'mantyharju'],
    ['hameenkyro', 'hameenkyro'],
    ['asun Salossa', 'salo'],
    ['Asun tällä hetkellä Vantaalla.', 'vantaa'],
    ['I live in Espoo', 'espoo'],
    ['jag bor i Helsingfors', 'helsinki'],
    ['  tampere!! ', 'tampere'],
  ];
  it.each(cases)('%j → %s', (text, id) => {
    expect(matchedId(matchMunicipality(text))).toBe(id);
  });
});

describe('matchMunicipality: Swedish names', () => {
  const cases: Array<[string, string]> = [
    ['Salo', 'salo'],
    ['Vanda', 'vantaa'],
    ['Vantaa', 'vantaa'],
    ['Helsingfors', 'helsinki'],
    ['Helsinki', 'helsinki'],
    ['Esbo', 'espoo'],
    ['Espoo', 'espoo'],
    ['Tammerfors', 'tampere'],
    ['Nyslott', 'savonlinna'],
    ['S:t Michel', 'mikkeli'],
    ['Björneborg', 'pori'],
    ['Ulvsby', 'ulvila'],
    ['Kumo', 'kokemaki'],
    ['S:t Mårtens', 'marttila'],
    ['Birkala', 'pirkkala'],
    ['Lembois', 'lempaala'],
    ['Jockas', 'juva'],
    ['i Esbo', 'espoo'],
    ['Vandas', 'vantaa'],
  ];
  it.each(cases)('%s → %s', (text, id) => {
    expect(matchedId(matchMunicipality(text))).toBe(id);
  });
});

describe('matchMunicipality: a town named by its inhabitants', () => {
  const cases: Array<[string, string]> = [
    ['oon lahtelainen', 'lahti'],
    ['mä oon tamperelainen, kuulunko kokeiluun', 'tampere'],
    ['helsinkiläisenä kysyn', 'helsinki'],
    ['jyväskyläläinen työtön', 'jyvaskyla'],
    ['espoolaiset työttömät', 'espoo'],
  ];
  it.each(cases)('%j → %s', (text, id) => {
    expect(matchedId(matchMunicipality(text))).toBe(id);
  });

  it('knows inhabitants of places outside the data too', () => {
    expect(matchMunicipality('loimaalainen tässä, oliko meillä se kokeilu')).toMatchObject({ kind: 'known_outside_data', name: 'Loimaa' });
  });

  // Nationalities end the same way; typos are not allowed on this path, or "virolainen" becomes Virrat.
  it.each(['olen virolainen', 'kiinalainen', 'ulkomaalainen', 'pakolainen', 'ukrainalainen nainen', 'suomalainen'])('%j names no town', (text) => {
    expect(matchMunicipality(text)).toEqual({ kind: 'none' });
  });
});

describe('matchMunicipality: typos give a "did you mean"', () => {
  const cases: Array<[string, string]> = [
    ['Mikkli', 'mikkeli'],
    ['Tamprere', 'tampere'],
    ['Helsinky', 'helsinki'],
    ['Heksinki', 'helsinki'],
    ['Espo', 'espoo'],
    ['Savonlina', 'savonlinna'],
    ['Lempälässä', 'lempaala'],
  ];
  it.each(cases)('%s → suggests %s', (text, id) => {
    const r = matchMunicipality(text);
    expect(r.kind).toBe('suggest');
    expect(candidateIds(r)[0]).toBe(id);
    expect(candidateIds(r).length).toBeLessThanOrEqual(3);
  });

  it('suggests when two pilot places are named', () => {
    const r = matchMunicipality('asun Espoossa mutta olen kotoisin Porista');
    expect(r.kind).toBe('suggest');
    expect(candidateIds(r).sort()).toEqual(['espoo', 'pori']);
  });
});

describe('matchMunicipality: places outside the data and unknown words', () => {
  const outside: Array<[string, string]> = [
    ['Maarianhamina', 'Maarianhamina'],
    ['Mariehamn', 'Maarianhamina'],
    ['Raumalla', 'Rauma'],
    ['Rovaniemellä', 'Rovaniemi'],
    ['Turussa', 'Turku'],
    ['Porvoossa', 'Porvoo'],
    ['jag bor i Vasa', 'Vaasa'],
    ['Kotkassa', 'Kotka'],
    ['Kuhmoinen', 'Kuhmoinen'],
  ];
  it.each(outside)('%s is a real municipality outside the data (%s)', (text, name) => {
    expect(matchMunicipality(text)).toMatchObject({ kind: 'known_outside_data', name });
  });

  const none = ['qwerty', 'en tiedä', 'kuntouttava työtoiminta', '', '   ', 'Xyzzyville', '12345'];
  it.each(none)('%j gives none', (text) => {
    expect(matchMunicipality(text)).toEqual({ kind: 'none' });
  });

  it('never maps any other Finnish municipality onto a pilot municipality', () => {
    const pilotNames = new Set(getPilotData().municipalities.map((m) => m.name.fi));
    const known = loadKnownMunicipalities().filter((k) => !pilotNames.has(k.fi));
    expect(known.length).toBeGreaterThan(200);
    for (const k of known) {
      for (const name of [k.fi, ...(k.sv ? [k.sv] : [])]) {
        for (const text of [name, `${name}ssa`, `${name}n`, `asun ${name}lla`]) {
          const r = matchMunicipality(text);
          expect(r.kind, text).toBe('known_outside_data');
        }
      }
    }
  });

  it('without the national list, an outside place is never a confident match', () => {
    const bare = createMatcher({ knownMunicipalities: [] });
    for (const text of ['Maarianhamina', 'Raumalla', 'Turussa', 'Porvoossa', 'Kotka', 'Hamina']) {
      expect(bare(text).kind, text).not.toBe('match');
    }
  });

  it('recognises every pilot municipality by each of its names', () => {
    for (const m of getPilotData().municipalities) {
      for (const name of [m.name.fi, ...(m.name.sv ? [m.name.sv] : []), ...(m.aliases ?? [])]) {
        expect(matchedId(matchMunicipality(name)), name).toBe(m.id);
      }
    }
  });
});

describe('matchMunicipality: names whose stem changes when inflected', () => {
  const nameOf = (text: string): string | undefined => {
    const r = matchMunicipality(text);
    if (r.kind === 'match') return r.municipality.name.fi;
    if (r.kind === 'known_outside_data') return r.name;
    return undefined;
  };
  const cases: Array<[string, string]> = [
    ['asun Nurmeksessa', 'Nurmes'],
    ['muutin Nurmekseen', 'Nurmes'],
    ['Kannuksessa', 'Kannus'],
    ['Muhoksella', 'Muhos'],
    ['Varkaudessa', 'Varkaus'],
    ['Alavudella', 'Alavus'],
    ['Pihtiputaalla', 'Pihtipudas'],
    ['Korsnäsissä', 'Korsnäs'],
    ['muutimme Kauniaisiin', 'Kauniainen'],
    ['asun Uudessakaupungissa', 'Uusikaupunki'],
    ['muutto Uuteenkaupunkiin', 'Uusikaupunki'],
  ];
  it.each(cases)('%j → %s', (text, name) => {
    expect(nameOf(text)).toBe(name);
  });
});

// "Koski" is also the past of "koskea" (to concern), the verb of "did the pilot concern me".
describe('matchMunicipality: Koski Tl and the verb "koski"', () => {
  it.each(['kokeilu koski minua', 'Koskiko kuntakokeilu myös niitä, jotka saa ansiosidonnaista?', 'koskikohan se myös nuoria', 'Se koski kaikkia alle 30-vuotiaita.'])(
    '"%s" names no town',
    (text) => {
      expect(matchMunicipality(text).kind).toBe('none');
    },
  );

  it.each(['Koski', 'asun Koskella', 'olen kotoisin Koski Tl:stä', 'Olin työtön ja asuin silloin Koski Tl', 'muutin Koskelle 2021'])('"%s" is Koski Tl', (text) => {
    expect(matchedId(matchMunicipality(text))).toBe('koski-tl');
  });
});

describe('matchMunicipality: Swedish "vända" is not Vanda', () => {
  it('reads "vart ska jag vända mig" as no town and "jag bor i Vanda" as Vantaa', () => {
    expect(matchMunicipality('TE-byrån finns inte mera, vart ska jag vända mig nu?').kind).toBe('none');
    expect(matchMunicipality('vem vänder jag mig till?').kind).toBe('none');
    expect(matchedId(matchMunicipality('jag bor i Vanda'))).toBe('vantaa');
  });
});

describe('matchMunicipality: Estonian "pärast" and "nagu" are ordinary words', () => {
  it('reads "mis muutus pärast katse lõppu, kas kõik on nagu enne?" as no town, and "jag bor i Nagu" as Parainen', () => {
    expect(matchMunicipality('mis muutus pärast katse lõppu, kas kõik on nagu enne?').kind).toBe('none');
    const nagu = matchMunicipality('jag bor i Nagu');
    expect(nagu.kind === 'known_outside_data' ? nagu.municipality.id : nagu.kind).toBe('parainen');
  });
});
