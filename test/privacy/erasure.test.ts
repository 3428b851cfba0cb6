/**
 * "Delete my data" end to end: a person talks to the bot through /api/messages, leaves their name,
 * phone and email, gets rows in every feature table that holds personal data, asks for their data
 * and then deletes it. Afterwards every table in the database is dumped and searched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature } from '../../bot/kernel/contracts.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { dumpAllTables, findNeedles, join, say, type Person } from './helpers.js';

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' });
});
afterAll(async () => {
  await running?.stop();
});

const maija: Person = { userId: 'u-7f3a9c2e-maija', conversationId: 'c-51d0e8b4-maija', name: 'Maija Meikäläinen', locale: 'fi-FI' };
const other: Person = { userId: 'u-0b77aa10-pekka', conversationId: 'c-9e21cc03-pekka', name: 'Pekka Puupää', locale: 'fi-FI' };

function hasProvider(name: string): boolean {
  return Object.values(running.app.features).some((f: Feature) => f.personalData?.some((p) => p.name === name));
}

describe('delete my data', () => {
  it('leaves no name, contact, text or identifier of the user in any table, and keeps other users', async () => {
    const prisma = running.app.db.prisma;
    const base = running.baseUrl;

    await join(base, maija);
    await say(base, maija, 'suomeksi');
    await say(base, maija, 'Hei! Nimeni on Maija Meikäläinen. Puhelinnumeroni on 040 123 4567 ja sähköpostini maija.meikalainen@example.fi. Kerro minulle työllisyyspalveluista.');
    await say(base, maija, 'Kotikuntani on Salo. Kuulunko minä kuntakokeiluun?');
    await join(base, other);
    await say(base, other, 'Olen Pekka Puupää');

    const user = await prisma.user.findUniqueOrThrow({ where: { channelId_channelUserId: { channelId: 'test', channelUserId: maija.userId } } });
    // Feature rows a real flow would leave (inserted directly: the other features' dialogs are tested in their own suites).
    await prisma.eligibilityCheck.create({
      data: { userId: user.id, municipalityName: 'Salo', ageYears: 41, outcome: 'eligible', reasons: ['in_pilot'], nextStep: 'book', phase: 'running', locale: 'fi', evaluatedAt: new Date() },
    });
    await prisma.directLineConversation.create({
      data: {
        id: maija.conversationId,
        userId: maija.userId,
        locale: 'fi',
        lastSeq: 1,
        activities: { create: [{ seq: 1, activityId: 'a1', activity: { type: 'message', text: 'Olen Maija Meikäläinen', from: { id: maija.userId, name: maija.name } } }] },
        tokens: { create: [{ hash: 'e'.repeat(64), expiresAt: new Date(Date.now() + 60_000) }] },
      },
    });
    if (hasProvider('booking')) {
      await prisma.coach.upsert({
        where: { id: 'erasure-coach' },
        create: { id: 'erasure-coach', name: 'Coach Aino', email: 'aino@example.org', languages: ['fi'], area: 'salo', municipalities: ['Salo'], officeStreet: 'Katu 1', officePostalCode: '24100', officeCity: 'Salo', weeklyHours: {} },
        update: {},
      });
      const startsAt = new Date(Date.now() + 3 * 24 * 3600_000);
      await prisma.appointment.create({
        data: {
          coachId: 'erasure-coach',
          userId: user.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 45 * 60_000),
          mode: 'phone',
          meetingLanguage: 'fi',
          locale: 'fi',
          topic: 'job_search',
          note: 'Maija Meikäläinen haluaa puhua työkokeilusta',
          manageTokenHash: 'f'.repeat(64),
          jobseekerName: maija.name,
          contactPhone: '+358401234567',
          contactEmail: 'maija.meikalainen@example.fi',
          channelId: 'test',
          conversationId: maija.conversationId,
          conversationRef: { user: { id: maija.userId, name: maija.name }, conversation: { id: maija.conversationId } },
        },
      });
    }

    // Show my data first: it leaves a download link row behind, which must go too.
    const shown = await say(base, maija, 'näytä tietoni');
    expect(shown.map((r) => r.text).join('\n')).toContain('/privacy/export/');
    expect(await prisma.dataExportToken.count()).toBe(1);

    const before = findNeedles(await dumpAllTables(prisma), [maija.userId]);
    // The identifier is really spread around before the erasure (so the scan below can fail).
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['User', 'Conversation', 'TranscriptMessage', 'BotState', 'DataExportToken', 'DirectLineConversation']));

    const confirm = await say(base, maija, 'poista tietoni');
    expect(confirm.at(-1)?.text).toMatch(/^Haluatko poistaa kaikki tietosi\?/);
    const done = await say(base, maija, 'kyllä');
    expect(done.map((r) => r.text)).toContain('Tietosi on poistettu. Jos kirjoitat uudelleen, aloitamme alusta.');
    // The requesting conversation's channel rows go a moment later, once the confirmation is out.
    for (let i = 0; i < 100 && (await prisma.directLineConversation.count({ where: { id: maija.conversationId } })) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    await running.app.transcripts.flush();

    const dump = await dumpAllTables(prisma);
    const leaks = findNeedles(dump, [
      maija.userId,
      maija.conversationId,
      user.id,
      'Maija',
      'Meikäläinen',
      'meikalainen',
      '401234567',
      '040 123 4567',
      'Kotikuntani',
      'puhelinnumeroni',
    ]);
    expect(leaks).toEqual({});

    // The other user is untouched.
    expect(findNeedles(dump, [other.userId, 'Pekka Puupää'])).toHaveProperty('User');
    expect(await prisma.transcriptMessage.count({ where: { conversationId: other.conversationId } })).toBeGreaterThan(0);

    // The erasure is in the audit log, without saying whose it was.
    const audit = await prisma.auditLog.findMany({ where: { action: 'privacy.erase' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'user', target: null });

    if (hasProvider('booking')) {
      const appointments = await prisma.appointment.findMany({ where: { coachId: 'erasure-coach' } });
      expect(appointments.map((a) => a.status)).toEqual(['cancelled']);
      expect(await prisma.outboxMessage.count({ where: { appointmentId: appointments[0].id } })).toBeGreaterThan(0);
    }
  });

  it('after "no" keeps everything and the dialog in progress goes on', async () => {
    const base = running.baseUrl;
    const keeper: Person = { userId: 'u-keeper', conversationId: 'c-keeper', name: 'Kaija Koo', locale: 'en-US' };
    await join(base, keeper);
    await say(base, keeper, 'Give feedback');
    const confirm = await say(base, keeper, 'delete my data');
    expect(confirm.at(-1)?.text).toMatch(/^Do you want to delete all your data\?/);
    const kept = await say(base, keeper, 'no');
    expect(kept[0].text).toBe('OK, nothing was deleted.');
    // The feedback question that was interrupted is asked again.
    expect(kept.at(-1)?.text).toBe('What is your feedback about?');
    expect(await running.app.db.prisma.user.count({ where: { channelUserId: keeper.userId } })).toBe(1);
  });
});
