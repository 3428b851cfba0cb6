/**
 * The coordinator report on a real database (PGlite, or PostgreSQL with TEST_DATABASE=postgresql),
 * through the service, the admin endpoint and the `npm run report` CLI.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoordinatorReportService, type CoordinatorReport } from '../../bot/analytics/coordinatorReport.js';
import { ReportRepository } from '../../bot/analytics/reportRepository.js';
import { HIDDEN, SMALL, type Shown } from '../../bot/analytics/suppression.js';
import { FixedClock } from '../../bot/kernel/clock.js';
import { getKnowledgeBase } from '../../bot/knowledge/knowledgeBase.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { articleIds, DAY1, DAY2, insertReportRows } from './fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = 'coordinator-report-admin-token-0123456789';
const clock = new FixedClock(new Date('2026-11-04T08:00:00Z'));

/** Every published number of a report: none may be from 1 to 4. */
function publishedNumbers(r: CoordinatorReport): Shown[] {
  return [...r.days, r.total].flatMap((d) => [
    d.conversations.total,
    ...Object.values(d.conversations.byLocale),
    d.eligibility.total,
    ...Object.values(d.eligibility.byOutcome),
    d.bookings.made,
    d.bookings.cancelled,
    d.bookings.completed,
    d.bookings.notAttended,
    d.unansweredQuestions,
    d.firstReply.conversations,
    ...r.topUnansweredTopics.map((t) => t.count),
  ]);
}

/** Checks that no day's hidden locale count can be worked out from its day total or the locale's range total. */
function oneHiddenInALine(r: CoordinatorReport): boolean {
  const hidden = (v: Shown) => typeof v === 'string';
  const all = [...r.days, r.total];
  const rows = all.some((d) => [...Object.values(d.conversations.byLocale), d.conversations.total].filter(hidden).length === 1);
  const locales = Object.keys(r.total.conversations.byLocale);
  const cols = locales.some((l) => all.map((d) => d.conversations.byLocale[l]).filter(hidden).length === 1);
  return rows || cols;
}

describe('coordinator report (service)', () => {
  let db: TestDatabase;
  let report: CoordinatorReport;

  beforeAll(async () => {
    db = await openTestDatabase();
    await insertReportRows(db.prisma);
    report = await new CoordinatorReportService(new ReportRepository(db.prisma), clock, getKnowledgeBase()).report({ from: DAY1, to: DAY2 });
  }, 60_000);
  afterAll(async () => db?.destroy());

  it('counts conversations per Helsinki day and language, hiding small counts', () => {
    expect(report.days.map((d) => d.day)).toEqual([DAY1, DAY2]);
    const [d1, d2] = report.days;
    expect(d1.conversations.total).toBe(15);
    expect(d1.conversations.byLocale.ar).toBe(SMALL);
    // en (6) would reveal ar as 15 - 7 - 6, so it is hidden too.
    expect(d1.conversations.byLocale.en).toBe(HIDDEN);
    expect(d1.conversations.byLocale.sv).toBe(0);
    // 23:30 UTC on the 2nd is 01:30 on the 3rd in Helsinki.
    expect(d2.conversations.total).toBe(6);
    expect(d2.conversations.byLocale.sv).toBe(SMALL);
    // The conversation from the 1st is outside the range.
    expect(report.total.conversations.total).toBe(21);
    expect(report.total.conversations.byLocale.fi).toBe(12);
    expect(oneHiddenInALine(report)).toBe(false);
  });

  it('never publishes a count from 1 to 4', () => {
    const numbers = publishedNumbers(report).filter((v): v is number => typeof v === 'number');
    expect(numbers.length).toBeGreaterThan(20);
    expect(numbers.filter((n) => n > 0 && n < 5)).toEqual([]);
  });

  it('counts eligibility outcomes', () => {
    const d1 = report.days[0].eligibility;
    expect(d1.total).toBe(12);
    expect(d1.byOutcome).toEqual({ eligible: 6, not_eligible: HIDDEN, cant_tell: SMALL, pilot_over: 0 });
    expect(report.days[1].eligibility.total).toBe(0);
  });

  it('counts bookings made, cancelled, completed and not attended on the day it happened', () => {
    expect(report.days[0].bookings).toEqual({ made: 8, cancelled: SMALL, completed: 0, notAttended: 0 });
    // Made before the range, completed on the 3rd.
    expect(report.days[1].bookings).toEqual({ made: 0, cancelled: 0, completed: SMALL, notAttended: SMALL });
    expect(report.total.bookings).toEqual({ made: 8, cancelled: SMALL, completed: SMALL, notAttended: SMALL });
  });

  it('lists the top unanswered topics by their closest article, small ones together', () => {
    expect(report.days[0].unansweredQuestions).toBe(9);
    const first = articleIds()[0];
    expect(report.topUnansweredTopics).toEqual([
      { articleId: first, title: getKnowledgeBase().get(first, 'fi')!.title, count: 6 },
      { articleId: 'other', title: null, count: SMALL },
    ]);
  });

  it('gives the median time to the first reply, only from five conversations on', () => {
    expect(report.days[0].firstReply.medianMs).toBe(300);
    expect(report.days[1].firstReply).toEqual({ conversations: SMALL, medianMs: null });
    // 100, 200, 300, 400, 500 and 2000 ms; the conversation that began on the 1st is not counted.
    expect(report.total.firstReply).toEqual({ conversations: 6, medianMs: 350 });
  });

  it('refuses a backwards or overlong range', async () => {
    const service = new CoordinatorReportService(new ReportRepository(db.prisma), clock);
    await expect(service.report({ from: DAY2, to: DAY1 })).rejects.toThrow(/must not be after/);
    await expect(service.report({ from: '2024-01-01', to: '2026-01-01' })).rejects.toThrow(/at most 366 days/);
    await expect(service.report({ from: '2026-02-30', to: '2026-03-01' })).rejects.toThrow(/real calendar dates/);
  });
});

describe('GET /admin/report', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({ ADMIN_TOKEN }, { clock });
    await insertReportRows(running.app.db.prisma);
  }, 60_000);
  afterAll(async () => running?.stop());

  const get = (query: string, token: string | null = ADMIN_TOKEN) =>
    fetch(`${running.baseUrl}/admin/report${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers the report to the admin token', async () => {
    const res = await get(`?from=${DAY1}&to=${DAY2}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as CoordinatorReport;
    expect(body.total.conversations.total).toBe(21);
    expect(body.days[0].conversations.byLocale.ar).toBe(SMALL);
    expect(body.minimumCount).toBe(5);
    // Aggregates only: no conversation ids or message text.
    expect(JSON.stringify(body)).not.toMatch(/c-1|t-1|Hei!|apua|u-report/);
  });

  it('defaults to the last 30 days', async () => {
    const body = (await (await get('')).json()) as CoordinatorReport;
    expect(body.days).toHaveLength(30);
    expect(body.to).toBe('2026-11-04');
    expect(body.total.conversations.total).toBe(22);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    for (const token of [null, 'x'.repeat(ADMIN_TOKEN.length), `${ADMIN_TOKEN}x`]) {
      const res = await get(`?from=${DAY1}&to=${DAY2}`, token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.text()).not.toMatch(/conversations/);
    }
  });

  it('answers 400 for bad dates', async () => {
    for (const q of ['?from=yesterday', `?from=${DAY2}&to=${DAY1}`, '?from=2020-01-01&to=2026-01-01', `?from=${DAY1}&from=${DAY2}`]) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('BadRequest');
    }
  });

  it('is not there at all without ADMIN_TOKEN', async () => {
    const plain = await startTestApp();
    try {
      expect((await fetch(`${plain.baseUrl}/admin/report`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});

describe('npm run report', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
    await insertReportRows(db.prisma);
    // The embedded database is single-process: let go of it before the CLI opens it.
    await db.close();
  }, 60_000);
  afterAll(async () => db?.location.drop());

  function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/analytics/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: db.location.dataDir, DATABASE_URL: db.location.databaseUrl ?? '', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
  }

  it('prints the report as tables', async () => {
    const { code, out, err } = await cli(['--from', DAY1, '--to', DAY2]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(`OMA-botti coordinator report ${DAY1} – ${DAY2}`);
    const row = out.split('\n').find((l) => l.startsWith(`${DAY1} `) && l.includes('<5'))!;
    // day, total, then the languages used: fi, en and ar hidden or small on the 2nd.
    expect(row.split(/\s{2,}/).slice(0, 2)).toEqual([DAY1, '15']);
    expect(out).toMatch(/^total\s+21\s/m);
    expect(out).toMatch(/median first reply/);
    expect(out).toMatch(/0\.3 s/);
  }, 60_000);

  it('prints the same JSON as the endpoint with --json', async () => {
    const { code, out } = await cli(['--from', DAY1, '--to', DAY2, '--json']);
    expect(code).toBe(0);
    const body = JSON.parse(out) as CoordinatorReport;
    expect(body.total.conversations.total).toBe(21);
    expect(body.days[1].conversations.byLocale.sv).toBe(SMALL);
  }, 60_000);

  it('exits 2 with a message for a bad range', async () => {
    const { code, err } = await cli(['--from', DAY2, '--to', DAY1]);
    expect(code).toBe(2);
    expect(err).toMatch(/must not be after/);
  }, 60_000);
});
