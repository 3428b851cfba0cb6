/**
 * A database outage (issue 17, finding 8): every endpoint that needs the database answers 503
 * with Retry-After while it is down, not 500, and recovers by itself when it is back. Runs on a
 * private PostgreSQL server this test starts and stops; never the shared one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/kernel/log.js';
import { activity } from '../support/app.js';
import { privatePostgresUnavailable, startPrivatePostgres, type PrivatePostgres } from '../support/privatePostgres.js';
import { DirectLineClient, jsonHeaders } from '../webchat/directLineClient.js';

const unavailable = privatePostgresUnavailable();
if (unavailable && process.env.CI) throw new Error(`databaseOutage: ${unavailable}`);
const ADMIN_TOKEN = 'outage-test-admin-token-0123456789';

describe.skipIf(unavailable !== undefined)('a database outage', () => {
  let server: PrivatePostgres;
  let app: App;
  let baseUrl: string;
  let dataDir: string;
  let dl: DirectLineClient;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-outage-'));
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: server.databaseUrl, MUNICIPALITY_NAME: 'Salo', ADMIN_TOKEN, WEBCHAT_LONG_POLL_MS: '300' });
    app = await createApp(config, { logger: silentLogger });
    baseUrl = `http://127.0.0.1:${await app.listen()}`;
    dl = await DirectLineClient.open(baseUrl, 'en');
    await dl.start('en-US');
    await dl.untilBotAsks();
  });
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    server?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const requests: Array<[string, () => Promise<Response>]> = [
    ['the page token', () => fetch(`${baseUrl}/api/webchat/token`, { method: 'POST', headers: jsonHeaders(), body: '{}' })],
    ['a Direct Line start', () => fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers: jsonHeaders(dl.token), body: '{}' })],
    ['a Direct Line message', () => fetch(`${baseUrl}/v3/directline/conversations/${dl.conversationId}/activities`, { method: 'POST', headers: jsonHeaders(dl.token), body: JSON.stringify({ type: 'message', text: 'What can you do?' }) })],
    ['a Direct Line poll', () => fetch(`${baseUrl}/v3/directline/conversations/${dl.conversationId}/activities?watermark=`, { headers: jsonHeaders(dl.token) })],
    ['a token refresh', () => fetch(`${baseUrl}/v3/directline/tokens/refresh`, { method: 'POST', headers: jsonHeaders(dl.token), body: '{}' })],
    ['a manage link', () => fetch(`${baseUrl}/booking/manage/${'a'.repeat(43)}`)],
    ['the admin API', () => fetch(`${baseUrl}/api/admin/coaches`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })],
    ['the health check', () => fetch(`${baseUrl}/healthz`)],
    ['the readiness check', () => fetch(`${baseUrl}/readyz`)],
  ];

  it('answers 503 with Retry-After on every endpoint while the database is down, then recovers by itself', async () => {
    server.stop();
    for (const [name, request] of requests) {
      const res = await request();
      expect(res.status, name).toBe(503);
      expect(Number(res.headers.get('retry-after')), name).toBeGreaterThan(0);
    }
    const turn = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity({ type: 'message', text: 'help', locale: 'en-US' }, 'outage-conv'), deliveryMode: 'expectReplies' }),
    });
    expect(turn.status, '/api/messages').toBe(503);
    expect(Number(turn.headers.get('retry-after'))).toBeGreaterThan(0);

    server.start();
    let healthy = 0;
    for (let i = 0; i < 50 && healthy !== 200; i++) {
      healthy = (await fetch(`${baseUrl}/healthz`)).status;
      if (healthy !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(healthy).toBe(200);
    const fresh = await DirectLineClient.open(baseUrl, 'en');
    expect((await fresh.start('en-US')).status).toBe(201);
    const sent = await dl.say('What can you do?', 'en-US');
    expect(sent.status).toBe(200);
    const after = await dl.until((all) => all.some((a) => a.from.role === 'bot' && (a.text ?? '').startsWith('You can choose a topic')));
    expect(after.length).toBeGreaterThan(0);
  });
});
