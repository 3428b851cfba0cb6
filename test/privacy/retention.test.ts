/**
 * The retention job with an injectable clock: old transcripts and conversations, expired links and
 * tokens, old feedback and audit rows are deleted; past appointments are anonymised; inactive
 * profiles are erased. It runs under a lease (two runners, one run) and finds nothing to do twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { JobLeaseRepository } from '../../bot/jobs/jobLeaseRepository.js';
import { JobRunner } from '../../bot/jobs/jobRunner.js';
import { silentLogger } from '../../bot/kernel/log.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { join, say, type Person } from './helpers.js';

const DAY = 24 * 3600_000;
const clock = new FixedClock(new Date());
let running: RunningApp;

beforeAll(async () => {
  running = await startTestApp(
    { RETENTION_DAYS: '90', PROFILE_RETENTION_DAYS: '365', APPOINTMENT_RETENTION_DAYS: '180', FEEDBACK_RETENTION_DAYS: '30', AUDIT_RETENTION_DAYS: '60', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' },
    { clock, manualJobs: true },
  );
});
afterAll(async () => {
  await running?.stop();
});

const old: Person = { userId: 'u-old-retention', conversationId: 'c-old-retention', name: 'Olli Old', locale: 'en-US' };
const fresh: Person = { userId: 'u-new-retention', conversationId: 'c-new-retention', name: 'Nina New', locale: 'en-US' };

describe('retention job', () => {
  it('purges what is past its period and keeps the rest', async () => {
    const prisma = running.app.db.prisma;
    const base = running.baseUrl;
    const now = clock.now();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);

    await join(base, old);
    await say(base, old, 'I was here long ago');
    await join(base, fresh);
    await say(base, fresh, 'I am here today');
    await running.app.transcripts.flush();
    // The old user's rows as they would be after 100 quiet days.
    await prisma.transcriptMessage.updateMany({ where: { conversationId: old.conversationId }, data: { timestamp: ago(100) } });
    await prisma.conversation.updateMany({ where: { conversationId: old.conversationId }, data: { lastActivityAt: ago(100), startedAt: ago(100) } });
    await prisma.user.updateMany({ where: { channelUserId: old.userId }, data: { lastSeenAt: ago(100) } });
    const oldUser = await prisma.user.findFirstOrThrow({ where: { channelUserId: old.userId } });
    await prisma.eligibilityCheck.create({ data: { userId: oldUser.id, municipalityName: 'Salo', outcome: 'eligible', reasons: [], nextStep: 'book', phase: 'running', locale: 'en', evaluatedAt: ago(100) } });

    await prisma.dataExportToken.createMany({
      data: [
        { hash: 'a'.repeat(64), channelId: 'test', channelUserId: fresh.userId, conversationId: fresh.conversationId, expiresAt: ago(1) },
        { hash: 'b'.repeat(64), channelId: 'test', channelUserId: fresh.userId, conversationId: fresh.conversationId, expiresAt: new Date(now.getTime() + 600_000) },
      ],
    });
    await prisma.directLineConversation.create({
      data: { id: 'dl-retention', userId: 'dl-user', lastActivityAt: now, tokens: { create: [{ hash: 'c'.repeat(64), expiresAt: ago(1) }, { hash: 'd'.repeat(64), expiresAt: new Date(now.getTime() + 600_000) }] } },
    });
    await prisma.feedback.createMany({
      data: [
        { topic: 'other', message: 'old feedback', createdAt: ago(31) },
        { topic: 'other', message: 'new feedback', createdAt: ago(1) },
      ],
    });
    await prisma.auditLog.createMany({
      data: [
        { actor: 'admin', action: 'old.action', at: ago(61) },
        { actor: 'admin', action: 'new.action', at: ago(1) },
      ],
    });
    await prisma.coach.create({
      data: { id: 'retention-coach', name: 'Coach', email: 'coach@example.org', languages: ['en'], area: 'salo', municipalities: ['Salo'], officeStreet: 'Katu 1', officePostalCode: '24100', officeCity: 'Salo', weeklyHours: {} },
    });
    const appointment = (id: string, endedDaysAgo: number) => ({
      id,
      coachId: 'retention-coach',
      startsAt: ago(endedDaysAgo + 0.1),
      endsAt: ago(endedDaysAgo),
      mode: 'phone',
      meetingLanguage: 'en',
      locale: 'en',
      topic: 'job_search',
      status: 'completed',
      manageTokenHash: id.padEnd(64, '0'),
      jobseekerName: 'Appointment Person',
      contactPhone: '+358401112223',
      contactEmail: 'person@example.org',
      note: 'a private note',
      channelId: 'test',
      conversationId: `conv-${id}`,
    });
    await prisma.appointment.createMany({ data: [appointment('appt-old', 200), appointment('appt-recent', 20)] });
    await prisma.outboxMessage.create({ data: { kind: 'coach_booked', appointmentId: 'appt-old', payload: { name: 'Appointment Person' }, status: 'sent', messageId: '<old@test>' } });

    // Privacy ages out what no feature owns; booking and the web widget age out their own rows.
    expect(await running.app.jobs.runOnce('privacy-retention')).toBe(true);
    expect(await running.app.jobs.runOnce('booking-retention')).toBe(true);
    expect(await running.app.jobs.runOnce('webchat-retention')).toBe(true);

    // Transcripts and conversations past 90 days, with their dialog state.
    expect(await prisma.transcriptMessage.count({ where: { conversationId: old.conversationId } })).toBe(0);
    expect(await prisma.conversation.count({ where: { conversationId: old.conversationId } })).toBe(0);
    expect(await prisma.botState.count({ where: { key: { contains: old.conversationId } } })).toBe(0);
    expect(await prisma.transcriptMessage.count({ where: { conversationId: fresh.conversationId } })).toBeGreaterThan(0);
    expect(await prisma.conversation.count({ where: { conversationId: fresh.conversationId } })).toBe(1);
    // The profile is younger than 365 days: kept, with its eligibility answers.
    expect(await prisma.user.count({ where: { channelUserId: old.userId } })).toBe(1);
    expect(await prisma.eligibilityCheck.count({ where: { userId: oldUser.id } })).toBe(1);
    // Expired links and tokens.
    expect((await prisma.dataExportToken.findMany()).map((t) => t.hash)).toEqual(['b'.repeat(64)]);
    expect((await prisma.directLineToken.findMany()).map((t) => t.hash)).toEqual(['d'.repeat(64)]);
    // Feedback past 30 days, audit past 60 days.
    expect((await prisma.feedback.findMany()).map((f) => f.message)).toEqual(['new feedback']);
    const actions = (await prisma.auditLog.findMany()).map((a) => a.action);
    expect(actions).toContain('new.action');
    expect(actions).not.toContain('old.action');
    expect(actions).toContain('retention.purge');
    // Past appointments: anonymised after 180 days, countable still.
    const oldAppt = await prisma.appointment.findUniqueOrThrow({ where: { id: 'appt-old' } });
    expect(oldAppt).toMatchObject({ jobseekerName: '', contactPhone: null, contactEmail: null, note: null, conversationId: null, status: 'completed', coachId: 'retention-coach' });
    expect((await prisma.outboxMessage.findFirstOrThrow({ where: { appointmentId: 'appt-old' } })).payload).toEqual({});
    expect(await prisma.appointment.findUniqueOrThrow({ where: { id: 'appt-recent' } })).toMatchObject({ jobseekerName: 'Appointment Person', contactEmail: 'person@example.org' });
  });

  it('finds nothing left to do on a second run', async () => {
    const before = await running.app.db.prisma.auditLog.count({ where: { action: 'retention.purge' } });
    expect(await running.app.jobs.runOnce('privacy-retention')).toBe(true);
    expect(await running.app.db.prisma.auditLog.count({ where: { action: 'retention.purge' } })).toBe(before);
  });

  it('erases a profile unused for longer than its period, with everything hanging off it', async () => {
    const prisma = running.app.db.prisma;
    clock.advance(300 * DAY);
    expect(await running.app.jobs.runOnce('privacy-retention')).toBe(true);
    expect(await prisma.user.count({ where: { channelUserId: old.userId } })).toBe(0);
    expect(await prisma.eligibilityCheck.count()).toBe(0);
    // The newer user is 300 days idle: profile kept, conversation gone.
    expect(await prisma.user.count({ where: { channelUserId: fresh.userId } })).toBe(1);
    expect(await prisma.conversation.count({ where: { conversationId: fresh.conversationId } })).toBe(0);
    const erasures = await prisma.auditLog.findMany({ where: { action: 'privacy.erase' } });
    expect(erasures.map((e) => e.actor)).toEqual(['system:retention']);
  });

  it('runs in one process at a time: two runners racing for the lease run it once', async () => {
    const job = running.app.features.privacy.jobs!.find((j) => j.name === 'privacy-retention')!;
    let runs = 0;
    const counted = { ...job, run: async () => { runs++; await new Promise((r) => setTimeout(r, 300)); await job.run(); } };
    const a = new JobRunner(new JobLeaseRepository(running.app.db.prisma), clock, silentLogger, [counted]);
    const b = new JobRunner(new JobLeaseRepository(running.app.db.prisma), clock, silentLogger, [counted]);
    const results = await Promise.all([a.runOnce(job.name), b.runOnce(job.name)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    await a.stop();
    await b.stop();
  });
});
