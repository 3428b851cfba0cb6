/**
 * Knowledge gaps for the knowledge team: what a real conversation stores, the admin report over
 * HTTP, and `npm run gaps` (the CLI) reading the database or asking the running bot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { loadConfig } from '../../bot/config.js';
import { GapRepository, type GapReport } from '../../bot/knowledge/gapRepository.js';
import { GapCliUsageError, parseGapArgs, runGapsCli } from '../../bot/knowledge/gapsCli.js';
import { activity, expectReplies, startTestApp, type RunningApp } from '../support/app.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { translator } from '../support/dialogs.js';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const NOW = new Date('2026-11-25T10:00:00Z');

describe('gap repository', () => {
  let db: TestDatabase;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('stores redacted text only when the user was told, counts everything, and forgets old rows', async () => {
    const gaps = new GapRepository(db, clock);
    await gaps.record({ kind: 'not_sure', locale: 'fi', topArticleId: 'benefits', secondArticleId: 'duties', topScore: 0.21, question: 'Soita 040 1234567, hetu 131052-308T, saanko asumistukea?', told: true });
    await gaps.record({ kind: 'declined', locale: 'en', topArticleId: 'coach', topScore: 0.4, question: 'who should I vote for', told: false });
    clock.set(new Date('2025-10-01T10:00:00Z'));
    await gaps.record({ kind: 'not_sure', locale: 'so', topScore: 0, question: 'old question', told: true });
    clock.set(NOW);
    // Queued, written after the turn: flush() waits for them.
    await gaps.flush();

    const rows = await db.prisma.knowledgeGap.findMany({ orderBy: { day: 'asc' } });
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.question)).toEqual(['old question', expect.stringContaining('asumistukea'), null]);
    const stored = JSON.stringify(rows);
    expect(stored).not.toMatch(/1234567|131052/);
    expect(stored).toContain('[phone]');

    const report = await gaps.report({ from: '2026-11-01', to: '2026-11-30' });
    expect(report.total).toBe(2);
    expect(report.byKind).toEqual({ not_sure: 1, declined: 1 });
    expect(report.byLocale).toEqual({ fi: 1, en: 1 });
    expect(report.questions).toEqual([expect.objectContaining({ day: '2026-11-25', locale: 'fi', topArticleId: 'benefits', question: expect.stringContaining('[id-code]') })]);

    expect(await gaps.deleteOlderThan(365)).toBe(1);
    expect(await db.prisma.knowledgeGap.count()).toBe(2);
  });
});

describe('from a conversation to the report', () => {
  let running: RunningApp;
  const clock = new FixedClock(NOW);
  const t = translator.t('fi');

  beforeAll(async () => {
    running = await startTestApp({ ADMIN_TOKEN }, { clock });
  });
  afterAll(async () => {
    await running?.stop();
  });

  const report = (query: string, token: string | null = ADMIN_TOKEN) =>
    fetch(`${running.baseUrl}/api/admin/knowledge/gaps${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('tells the user the question is saved, and the admin report shows it redacted, with no user in it', async () => {
    const replies = await expectReplies(
      running.baseUrl,
      activity({ type: 'message', text: 'Saanko asumistukea? Numeroni on 040 7654321', locale: 'fi' }, 'gap-conv', 'gap-user-1'),
    );
    const texts = replies.map((r) => r.text ?? '');
    expect(texts.some((x) => x.startsWith(String(t('knowledge:notSure.text'))) && x.includes(String(t('knowledge:notSure.saved'))))).toBe(true);

    const res = await report('?days=7');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as GapReport;
    expect(body.total).toBe(1);
    expect(body.byKind).toEqual({ not_sure: 1 });
    expect(body.questions).toEqual([expect.objectContaining({ locale: 'fi', day: '2026-11-25', question: expect.stringContaining('asumistukea') })]);
    const raw = JSON.stringify(body);
    expect(raw).not.toContain('7654321');
    expect(raw).not.toContain('gap-user-1');
    expect(raw).not.toContain('gap-conv');
  });

  it('refuses without the admin token and rejects bad ranges with 400', async () => {
    expect((await report('', null)).status).toBe(401);
    expect((await report('', 'wrong-token-wrong-token-wrong')).status).toBe(401);
    for (const q of ['?days=0', '?days=abc', '?from=2026-1-1&to=2026-11-30', '?from=2026-11-30&to=2026-11-01']) {
      const res = await report(q);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { message: string }).message).toBeTruthy();
    }
  });

  it('asks the bot instead of opening its embedded database while it runs, or refuses without a token', async () => {
    const port = Number(new URL(running.baseUrl).port);
    const out: string[] = [];
    const withToken = loadConfig({ ADMIN_TOKEN, PORT: String(port), DATA_DIR: running.location.dataDir });
    expect(await runGapsCli(['--days', '7'], { config: withToken, clock, out: (s) => out.push(s), botRunning: async (_h, p) => p === port })).toBe(0);
    expect(out.join('\n')).toContain('asumistukea');
    const withoutToken = loadConfig({ PORT: String(port), DATA_DIR: running.location.dataDir });
    await expect(runGapsCli([], { config: withoutToken, clock, out: () => {}, botRunning: async () => true })).rejects.toThrow(/running on the embedded database/);
  });

  it('npm run gaps -- --url asks the running bot with the admin token', async () => {
    const out: string[] = [];
    const config = loadConfig({ ADMIN_TOKEN, DATA_DIR: running.location.dataDir });
    const code = await runGapsCli(['--url', running.baseUrl, '--days', '7'], { config, clock, out: (s) => out.push(s) });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Knowledge gaps 2026-11-19 – 2026-11-25: 1');
    expect(out.join('\n')).toContain('asumistukea');
    expect(out.join('\n')).not.toContain('7654321');
  });
});

describe('npm run gaps reading the database', () => {
  let db: TestDatabase;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    db = await openTestDatabase();
    const gaps = new GapRepository(db, clock);
    await gaps.record({ kind: 'not_sure', locale: 'ar', topArticleId: 'benefits', topScore: 0.25, question: 'هل أحصل على دعم السكن؟', told: true });
    await gaps.record({ kind: 'not_sure', locale: 'ar', topArticleId: 'benefits', topScore: 0.35, question: 'دعم السكن', told: true });
    await gaps.record({ kind: 'declined', locale: 'sv', topScore: 0.1, told: false });
    // Rows are written after the turn that records them; the bot flushes them before it closes.
    await gaps.flush();
    // The embedded database has one connection: the CLI opens it after we let go.
    await db.close();
  });
  afterAll(async () => {
    await db?.location.drop();
  });

  const config = () => loadConfig({ DATA_DIR: db.location.dataDir, ...(db.location.databaseUrl ? { DATABASE_URL: db.location.databaseUrl } : {}) });
  const noBot = async () => false;

  it('prints counts by kind, locale and closest article, and the redacted questions', async () => {
    const out: string[] = [];
    expect(await runGapsCli([], { config: config(), clock, out: (s) => out.push(s), botRunning: noBot })).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Knowledge gaps 2026-10-27 – 2026-11-25: 3');
    expect(text).toMatch(/ar\s+2/);
    expect(text).toMatch(/benefits\s+2\s+0\.30/);
    expect(text).toContain('هل أحصل على دعم السكن؟');
  });

  it('prints JSON with --json, and nothing for an empty range', async () => {
    const out: string[] = [];
    await runGapsCli(['--json', '--from', '2026-11-25', '--to', '2026-11-25'], { config: config(), clock, out: (s) => out.push(s), botRunning: noBot });
    expect((JSON.parse(out[0]) as GapReport).byLocale).toEqual({ ar: 2, sv: 1 });
    out.length = 0;
    await runGapsCli(['--from', '2025-01-01', '--to', '2025-01-31'], { config: config(), clock, out: (s) => out.push(s), botRunning: noBot });
    expect(out[0]).toContain('No unanswered or low-confidence questions');
  });

  it.each([
    [['--days', '0']],
    [['--from', '25.11.2026']],
    [['--bogus']],
    [['--days']],
  ])('rejects bad arguments %j with a usage message', (argv) => {
    expect(() => parseGapArgs(argv)).toThrow(GapCliUsageError);
  });
});
