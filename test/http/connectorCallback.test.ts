import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activity, startTestApp, type RunningApp } from '../support/app.js';

// A stand-in channel: the bot replies by POSTing to {serviceUrl}/v3/conversations/{id}/activities.
let channel: http.Server;
let channelUrl: string;
const received: Array<{ url: string; body: { type: string; text?: string; replyToId?: string } }> = [];
let running: RunningApp;

beforeAll(async () => {
  channel = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: JSON.parse(data || '{}') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((r) => channel.listen(0, '127.0.0.1', r));
  channelUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/`;
  running = await startTestApp();
});

afterAll(async () => {
  await running?.stop();
  await new Promise((r) => channel?.close(r));
});

it('replies through the connector callback path when deliveryMode is normal', async () => {
  const res = await fetch(`${running.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity({ type: 'message', text: 'apua', locale: 'fi-FI', serviceUrl: channelUrl }, 'callback-1', 'user-cb')),
  });
  expect(res.status).toBe(200);
  const messages = received.filter((r) => r.body.type === 'message');
  expect(messages.length).toBeGreaterThan(0);
  expect(messages[0].url).toMatch(/^\/v3\/conversations\/callback-1\/activities/);
  expect(messages.map((m) => m.body.text).join('\n')).toContain('Voit valita aiheen valikosta');
});
