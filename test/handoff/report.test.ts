/**
 * Live chats in the coordinator report: requested, accepted and abandoned per Helsinki day, the
 * call-back requests, and the median time to the coach's first message, with small counts hidden.
 * On a real database (PGlite, or PostgreSQL with TEST_DATABASE=postgresql).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoordinatorReportService, type CoordinatorReport } from '../../bot/analytics/coordinatorReport.js';
import { ReportRepository } from '../../bot/analytics/reportRepository.js';
import { renderReportTable } from '../../bot/analytics/renderTable.js';
import { SMALL } from '../../bot/analytics/suppression.js';
import { FixedClock } from '../../bot/kernel/clock.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

const DAY1 = '2026-12-08';
const DAY2 = '2026-12-09';
/** 10:00 in Helsinki on DAY1. */
const MORNING1 = Date.parse('2026-12-08T08:00:00Z');
const MINUTE = 60_000;

describe('live chats in the coordinator report', () => {
  let db: TestDatabase;
  let report: CoordinatorReport;

  beforeAll(async () => {
    db = await openTestDatabase();
    let n = 0;
    const handoff = (requestedAt: number, outcome: 'accepted' | 'abandoned' | 'timed_out' | 'unstaffed' | 'queued', replyAfterMin?: number) =>
      db.prisma.handoff.create({
        data: {
          channelId: 'directline',
          conversationId: `c-${++n}`,
          locale: 'ar',
          reason: 'asked',
          conversationRef: {},
          requestedAt: new Date(requestedAt),
          status: outcome === 'accepted' ? 'ended' : outcome,
          acceptedAt: outcome === 'accepted' ? new Date(requestedAt + MINUTE) : null,
          firstCoachReplyAt: replyAfterMin === undefined ? null : new Date(requestedAt + replyAfterMin * MINUTE),
        },
      });
    // DAY1: 6 accepted (first coach replies after 2, 3, 4, 5, 6 and 7 minutes), 5 abandoned (3 left, 2 timed out).
    for (let i = 0; i < 6; i++) await handoff(MORNING1 + i * MINUTE, 'accepted', i + 2);
    for (let i = 0; i < 3; i++) await handoff(MORNING1 + i * MINUTE, 'abandoned');
    for (let i = 0; i < 2; i++) await handoff(MORNING1 + i * MINUTE, 'timed_out');
    // DAY1: 5 asked when no coach of their area was at work (offered a call-back instead).
    for (let i = 0; i < 5; i++) await handoff(MORNING1 + i * MINUTE, 'unstaffed');
    // DAY2: 5 accepted, each answered after a minute.
    for (let i = 0; i < 5; i++) await handoff(MORNING1 + 24 * 60 * MINUTE + i * MINUTE, 'accepted', 1);
    // Call-back requests: 3 on DAY1.
    for (let i = 0; i < 3; i++) {
      await db.prisma.callbackRequest.create({ data: { channelId: 'directline', conversationId: `cb-${i}`, name: 'X', phone: '+358401234567', preferredTime: 'aamulla', locale: 'fi', createdAt: new Date(MORNING1) } });
    }
    report = await new CoordinatorReportService(new ReportRepository(db.prisma), new FixedClock(new Date(MORNING1 + 3 * 86_400_000))).report({ from: DAY1, to: DAY2 });
  }, 120_000);
  afterAll(async () => db?.destroy());

  it('counts requests, accepted and abandoned chats and requests nobody could take per day', () => {
    const [d1, d2] = report.days;
    expect(d1.liveChat).toMatchObject({ requested: 16, byOutcome: { accepted: 6, abandoned: 5, noCoach: 5, waiting: 0 } });
    expect(d2.liveChat).toMatchObject({ requested: 5, byOutcome: { accepted: 5, abandoned: 0, noCoach: 0, waiting: 0 } });
    expect(report.total.liveChat).toMatchObject({ requested: 21, byOutcome: { accepted: 11, abandoned: 5, noCoach: 5, waiting: 0 } });
  });

  it('gives the median time to the coach first message only from five chats on', () => {
    expect(report.days[0].liveChat.firstCoachReply).toEqual({ chats: 6, medianMs: 4.5 * MINUTE });
    expect(report.days[1].liveChat.firstCoachReply).toEqual({ chats: 5, medianMs: MINUTE });
    expect(report.total.liveChat.firstCoachReply).toEqual({ chats: 11, medianMs: 2 * MINUTE });
  });

  it('counts call-back requests, a small count shown as <5', () => {
    expect(report.days[0].liveChat.callbackRequests).toBe(SMALL);
    expect(report.days[1].liveChat.callbackRequests).toBe(0);
  });

  it('shows them in the plain-text report', () => {
    const text = renderReportTable(report);
    expect(text).toContain('Live chats with a coach and call-back requests');
    expect(text).toMatch(/2026-12-08\s+16\s+6\s+5\s+5\s+0\s+<5\s+270\.0 s/);
  });
});
