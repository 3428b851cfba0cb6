import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/kernel/log.js';
import { activity, expectReplies, startTestApp, type RunningApp } from '../support/app.js';

const TOKEN = 'metrics-token-for-the-test-0123456789';

/** A pino destination that keeps every JSON line. */
function captureLogs(): { lines: Array<Record<string, unknown>>; raw: () => string; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return {
    stream,
    raw: () => chunks.join(''),
    get lines() {
      return chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    },
  };
}

/** Value of one sample line in the Prometheus text format, e.g. metric('omabotti_turns_total{channel="test",type="message"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

let running: RunningApp | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('GET /metrics', () => {
  it('counts turns, their latency, HTTP requests and live conversations in Prometheus format', async () => {
    running = await startTestApp();
    await expectReplies(running.baseUrl, activity({ type: 'conversationUpdate', locale: 'en', membersAdded: [{ id: 'user-m' }] }, 'metrics-1', 'user-m'));
    await expectReplies(running.baseUrl, activity({ type: 'message', text: 'help', locale: 'en' }, 'metrics-1', 'user-m'));
    await expectReplies(running.baseUrl, activity({ type: 'message', text: 'help', locale: 'en' }, 'metrics-2', 'user-n'));

    const res = await fetch(`${running.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(sample(text, 'omabotti_turns_total{channel="test",type="message"}')).toBe(2);
    expect(sample(text, 'omabotti_turns_total{channel="test",type="conversationUpdate"}')).toBe(1);
    expect(sample(text, 'omabotti_turn_duration_seconds_count{channel="test"}')).toBe(3);
    expect(sample(text, 'omabotti_http_requests_total{route="/api/messages",method="POST",status="200"}')).toBe(3);
    expect(sample(text, 'omabotti_conversations_active')).toBe(2);
    // Every metric the issue names is exposed, even before its first event.
    for (const name of [
      'omabotti_errors_total',
      'omabotti_directline_polls_total',
      'omabotti_bookings_total',
      'omabotti_notification_failures_total',
      'omabotti_llm_calls_total',
      'omabotti_llm_duration_seconds',
      'omabotti_knowledge_misses_total',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    // Process metrics from prom-client.
    expect(text).toContain('process_resident_memory_bytes');
    // No conversation or user ids in label values.
    expect(text).not.toContain('metrics-1');
    expect(text).not.toContain('user-m');
  });

  it('folds unknown channel ids and activity types into "other"', async () => {
    running = await startTestApp();
    const res = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity({ type: 'made up type', channelId: 'matti.meikäläinen@example.com' }, 'metrics-3'), deliveryMode: 'expectReplies' }),
    });
    expect(res.status).toBe(200);
    const text = await (await fetch(`${running.baseUrl}/metrics`)).text();
    expect(sample(text, 'omabotti_turns_total{channel="other",type="other"}')).toBe(1);
    expect(text).not.toContain('example.com');
  });

  it('requires the bearer token when METRICS_TOKEN is set', async () => {
    running = await startTestApp({ METRICS_TOKEN: TOKEN });
    expect((await fetch(`${running.baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${running.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token-wrong' } })).status).toBe(401);
    const ok = await fetch(`${running.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('omabotti_turns_total');
  });

  it('is served only on the internal port when METRICS_PORT is set', async () => {
    running = await startTestApp({ METRICS_PORT: '0' });
    expect((await fetch(`${running.baseUrl}/metrics`)).status).toBe(404);
    const port = running.app.metricsPort;
    expect(port).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('omabotti_turn_duration_seconds');
    expect((await fetch(`http://127.0.0.1:${port}/api/messages`)).status).toBe(404);
  });

  it('is not served on a publicly bound main port without a token or an internal port', async () => {
    running = await startTestApp({ HOST: '0.0.0.0' });
    expect((await fetch(`${running.baseUrl}/metrics`)).status).toBe(404);
  });
});

describe('GET /readyz', () => {
  it('is ready when the database answers and every migration is applied; 503 while one is pending', async () => {
    running = await startTestApp();
    const ready = await fetch(`${running.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });

    const prisma = running.app.db.prisma;
    const [latest] = await prisma.$queryRawUnsafe<Array<{ migration_name: string }>>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`);
    await prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = $1`, latest.migration_name);
    const pending = await fetch(`${running.baseUrl}/readyz`);
    expect(pending.status).toBe(503);
    expect(await pending.json()).toMatchObject({ status: 'migrations pending', pendingMigrations: [latest.migration_name] });
    // Liveness is unaffected: the process and its database are fine.
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe('logs', () => {
  it('carry a request id per request and the conversation id per turn, and never the message text', async () => {
    const logs = captureLogs();
    const logger = createLogger('debug', logs.stream);
    running = await startTestApp({ LOG_LEVEL: 'debug' }, { logger });
    const secret = 'Nimeni on Matti Meikäläinen ja puhelimeni 040 1234567';

    const res = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'lb-request-0001' },
      body: JSON.stringify({ ...activity({ type: 'message', text: secret, locale: 'fi' }, 'log-conv-1', 'log-user-1'), deliveryMode: 'expectReplies' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('lb-request-0001');
    const other = await fetch(`${running.baseUrl}/healthz`);
    const generated = other.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);

    const access = logs.lines.filter((l) => l.msg === 'request');
    expect(access).toContainEqual(expect.objectContaining({ reqId: 'lb-request-0001', method: 'POST', route: '/api/messages', status: 200 }));
    expect(access).toContainEqual(expect.objectContaining({ reqId: generated, route: '/healthz', status: 200 }));
    // A turn's lines carry both ids.
    const turnLines = logs.lines.filter((l) => l.conversationId === 'log-conv-1');
    expect(turnLines).toContainEqual(expect.objectContaining({ msg: 'turn', channelId: 'test', activityType: 'message' }));
    for (const line of turnLines) expect(line.reqId).toBe('lb-request-0001');

    expect(logs.raw()).not.toContain('Matti');
    expect(logs.raw()).not.toContain('1234567');
  });

  it('tie a failed turn to its request and conversation', async () => {
    const logs = captureLogs();
    const logger = createLogger('info', logs.stream);
    running = await startTestApp({}, { logger });
    // A storage failure inside the turn: the state table is gone.
    await running.app.db.prisma.$executeRawUnsafe('ALTER TABLE "BotState" RENAME TO "BotStateGone"');
    try {
      const res = await fetch(`${running.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'lb-request-0002' },
        body: JSON.stringify({ ...activity({ type: 'message', text: 'apua', locale: 'fi' }, 'log-conv-2', 'log-user-2'), deliveryMode: 'expectReplies' }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { activities: Array<{ text?: string }> };
      expect(body.activities.map((a) => a.text).join(' ')).toMatch(/\S/);
    } finally {
      await running.app.db.prisma.$executeRawUnsafe('ALTER TABLE "BotStateGone" RENAME TO "BotState"');
    }
    const failed = logs.lines.find((l) => l.msg === 'turn failed');
    expect(failed).toMatchObject({ reqId: 'lb-request-0002', conversationId: 'log-conv-2', level: 50 });
    const text = await (await fetch(`${running.baseUrl}/metrics`)).text();
    expect(sample(text, 'omabotti_errors_total{kind="turn"}')).toBe(1);
  });
});
