/**
 * The pilot feature in the running app, over HTTP (/api/messages with expectReplies): the data is
 * seeded into the embedded (or PostgreSQL) database at startup, an eligibility check stores an
 * EligibilityCheck row linked to the User row, a typed identity code is never stored, and the
 * user's data export and erasure include the checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { activity, expectReplies, startTestApp, type RunningApp } from '../support/app.js';
import { getPilotData } from '../../bot/pilot/pilotData.js';

const say = (running: RunningApp, text: string, conversation: string, user: string) =>
  expectReplies(running.baseUrl, activity({ type: 'message', text, locale: 'fi-FI' }, conversation, user));
const texts = (replies: Array<{ text?: string }>) => replies.map((r) => r.text ?? '');

describe('during the pilot (clock at 15.6.2022)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({}, { clock: new FixedClock(new Date('2022-06-15T10:00:00Z')), manualJobs: true });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('seeded the pilot data into the database at startup', async () => {
    const prisma = running.app.db.prisma;
    expect(await prisma.pilotMunicipality.count()).toBeGreaterThanOrEqual(35);
    expect(await prisma.pilotMunicipality.findUnique({ where: { id: 'marttila' } })).toMatchObject({ nameSv: 'S:t Mårtens', pilotAreaId: 'salo', employmentAreaId: 'salo' });
    expect(await prisma.pilotDataVersion.findUnique({ where: { id: 'pilot-areas' } })).toMatchObject({ version: getPilotData().version });
  });

  it('runs a check over /api/messages and stores it as an EligibilityCheck of the user', async () => {
    const conv = 'pilot-http-1';
    const user = 'pilot-user-1';
    const welcome = await expectReplies(running.baseUrl, activity({ type: 'conversationUpdate', locale: 'fi-FI', membersAdded: [{ id: user }] }, conv, user));
    expect(welcome.at(-1)?.suggestedActions?.actions.slice(0, 2).map((a) => a.title)).toEqual(['Tietoa kuntakokeilusta', 'Kuulunko kokeiluun?']);

    expect(texts(await say(running, 'Kuulunko kokeiluun?', conv, user))).toContain('Missä kunnassa asut? Kysyn tätä, koska kokeilu on vain osassa kuntia.');
    expect(texts(await say(running, 'asun Tampereella', conv, user)).join('\n')).toContain('Kuinka vanha olet?');
    const hetu = texts(await say(running, '131052-308T', conv, user));
    expect(hetu).toContain('Henkilötunnusta ei tarvita, enkä tallentanut sitä. Vastaa kysymykseen ilman sitä.');
    expect(texts(await say(running, '41', conv, user)).join('\n')).toContain('Onko äidinkielesi');
    expect(texts(await say(running, 'Kyllä', conv, user)).join('\n')).toContain('Oletko nyt työtön');
    const resultReplies = await say(running, 'Kyllä', conv, user);
    const result = texts(resultReplies);
    expect(result).toContain('Vastaustesi perusteella kuulut työllisyyden kuntakokeiluun (alue: Pirkanmaa).');
    expect(result.join('\n')).toContain('Äidinkielesi on muu kuin suomi, ruotsi tai saame.');
    expect(result).toContain('Tallensin vastauksesi profiiliisi, jotta ajanvaraus löytää sinulle valmentajan kuntasi ja kielesi mukaan.');

    const prisma = running.app.db.prisma;
    const row = await prisma.eligibilityCheck.findFirst({ where: { user: { channelId: 'test', channelUserId: user } }, include: { user: true, municipality: true } });
    expect(row).toMatchObject({
      outcome: 'eligible',
      municipalityId: 'tampere',
      municipalityName: 'Tampere',
      municipalityKind: 'match',
      ageYears: 41,
      foreignLanguage: 'yes',
      benefit: null,
      unemployedOrInServices: 'yes',
      phase: 'running',
      locale: 'fi',
      nextStep: 'book_coach',
      reasons: ['lives_in_pilot_municipality', 'unemployed_or_in_services', 'foreign_language'],
    });
    expect(row?.evaluatedAt.toISOString()).toBe('2022-06-15T10:00:00.000Z');
    expect(row?.municipality?.employmentAreaId).toBe('tampere-region');

    // The identity code is in neither the check nor the stored transcript.
    await running.app.transcripts.flush();
    const transcript = await prisma.transcriptMessage.findMany({ where: { conversationId: conv } });
    expect(transcript.length).toBeGreaterThan(10);
    expect(JSON.stringify(transcript)).not.toContain('131052-308T');
    expect(JSON.stringify(row)).not.toContain('131052');

    // What the booking reads for coach matching.
    const pilot = running.app.features.pilot;
    expect(await pilot.checks.latestFor({ channelId: 'test', channelUserId: user })).toMatchObject({ municipalityId: 'tampere', locale: 'fi' });

    const counted = await running.app.metrics.eligibilityChecks.get();
    expect(counted.values.find((v) => v.labels.outcome === 'eligible')?.value).toBe(1);

    // The next step is offered as an action and opens the booking.
    expect(result.join('\n')).toContain('Seuraava askel: varaa aika OMA-valmentajalle. Voit tehdä sen tässä.');
    expect(resultReplies.at(-1)?.suggestedActions?.actions.map((a) => a.title)).toEqual(['Varaa aika valmentajalle', 'Tietoa kuntakokeilusta', 'Päävalikko']);
    expect(texts(await say(running, 'Varaa aika valmentajalle', conv, user))).toContain('Mistä haluat puhua OMA-valmentajasi kanssa?');
  });

  it('exports and erases the checks with the user\'s data', async () => {
    const prisma = running.app.db.prisma;
    const user = await prisma.user.findUniqueOrThrow({ where: { channelId_channelUserId: { channelId: 'test', channelUserId: 'pilot-user-1' } } });
    const provider = running.app.features.pilot.personalData!.find((p) => p.name === 'pilotEligibility')!;
    const subject = { userId: user.id, channelId: 'test', channelUserId: 'pilot-user-1', conversationIds: ['pilot-http-1'] };
    expect(await provider.export(subject)).toEqual([
      expect.objectContaining({ municipality: 'Tampere', ageYears: 41, outcome: 'eligible', foreignLanguage: 'yes', locale: 'fi' }),
    ]);
    await provider.erase(subject);
    expect(await prisma.eligibilityCheck.count({ where: { userId: user.id } })).toBe(0);
    expect(await provider.export(subject)).toEqual([]);
  });
});

describe('after the pilot (the real clock)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({}, { manualJobs: true });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('asks what decides the verdict for the pilot period, gives it with who serves the person now, and stores a "pilot over" check', async () => {
    const conv = 'pilot-http-2';
    const user = 'pilot-user-2';
    const first = texts(await expectReplies(running.baseUrl, activity({ type: 'message', text: 'Am I in the pilot?', locale: 'en-US' }, conv, user)));
    expect(first.join('\n')).toContain('The pilot ended on 31/12/2024');
    expect(first).toContain('Which municipality do you live in? I ask so that I can tell you which employment area serves you.');
    const age = texts(await expectReplies(running.baseUrl, activity({ type: 'message', text: 'Espoo', locale: 'en-US' }, conv, user)));
    expect(age.join('\n')).toContain('How old are you?');
    await expectReplies(running.baseUrl, activity({ type: 'message', text: '27', locale: 'en-US' }, conv, user));
    const result = texts(await expectReplies(running.baseUrl, activity({ type: 'message', text: 'yes', locale: 'en-US' }, conv, user)));
    expect(result.join('\n')).toContain('you would have been in its target group:');
    expect(result.join('\n')).toContain('Espoo is served by Espoo employment area. Contact details: https://www.espoo.fi');
    expect(result.join('\n')).toContain('https://tyomarkkinatori.fi');
    const rows = await running.app.db.prisma.eligibilityCheck.findMany({ where: { user: { channelUserId: user } } });
    expect(rows.map((r) => [r.outcome, r.municipalityId, r.ageYears, r.phase, r.nextStep])).toEqual([['pilot_over', 'espoo', 27, 'ended', 'contact_employment_area']]);
  });
});
