/**
 * Production mode (MicrosoftApp* set): /api/messages accepts only Bot Framework tokens signed by a
 * key from the configured OpenID metadata. The metadata and signing keys are served on loopback
 * by this test, so it runs offline with a real RSA key pair and real JWTs.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, startTestApp, type RunningApp } from '../support/app.js';

const APP_ID = '5c1e0b7a-6f0d-4a5e-9a1b-2b9f1c3d4e5f';
const KID = 'oma-test-key';

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function signJwt(privateKey: KeyObject, claims: Record<string, unknown>, kid = KID): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = b64url(JSON.stringify(claims));
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${payload}`);
  return `${header}.${payload}.${b64url(signer.sign(privateKey))}`;
}

const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });

let keyServer: http.Server;
let keysUrl: string;
let running: RunningApp;

beforeAll(async () => {
  const jwk = trusted.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  keyServer = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') {
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${keysUrl}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/keys') {
      res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: KID, n: jwk.n, e: jwk.e, endorsements: ['test', 'msteams', 'webchat'] }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
  keysUrl = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}`;
  running = await startTestApp({
    HOST: '127.0.0.1',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-offline-secret',
    MicrosoftAppType: 'MultiTenant',
    ToBotFromChannelOpenIdMetadataUrl: `${keysUrl}/openid`,
    ToBotFromEmulatorOpenIdMetadataUrl: `${keysUrl}/openid`,
  });
});

afterAll(async () => {
  await running?.stop();
  await new Promise<void>((resolve) => keyServer?.close(() => resolve()));
});

const SERVICE_URL = 'http://127.0.0.1:9/';

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, iat: now - 60, exp: now + 3600, ...overrides };
}

async function send(authorization: string | undefined, conversationId: string) {
  const body = { ...activity({ type: 'message', text: 'help', locale: 'en-US', serviceUrl: SERVICE_URL }, conversationId), deliveryMode: 'expectReplies' };
  return fetch(`${running.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
}

describe('production mode on /api/messages', () => {
  it('is on because MicrosoftAppId is set', () => {
    expect(running.app.config.production).toBe(true);
  });

  it('answers a turn carrying a valid Bot Framework token', async () => {
    const res = await send(`Bearer ${signJwt(trusted.privateKey, claims())}`, 'auth-ok');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: Array<{ type: string; text?: string }> };
    expect(body.activities.some((a) => a.type === 'message' && a.text?.startsWith('You can choose a topic'))).toBe(true);
  });

  it.each([
    ['no Authorization header', () => undefined],
    ['a token signed with another key', () => `Bearer ${signJwt(attacker.privateKey, claims())}`],
    ['a token with an unknown key id', () => `Bearer ${signJwt(attacker.privateKey, claims(), 'other-kid')}`],
    ['a token for another bot', () => `Bearer ${signJwt(trusted.privateKey, claims({ aud: 'someone-else' }))}`],
    ['an expired token', () => `Bearer ${signJwt(trusted.privateKey, claims({ exp: Math.floor(Date.now() / 1000) - 3600, nbf: Math.floor(Date.now() / 1000) - 7200 }))}`],
    ['a token from another issuer', () => `Bearer ${signJwt(trusted.privateKey, claims({ iss: 'https://evil.example' }))}`],
    ['a token for another serviceUrl', () => `Bearer ${signJwt(trusted.privateKey, claims({ serviceurl: 'https://evil.example/' }))}`],
    ['an unsigned token (alg none)', () => `Bearer ${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify(claims()))}.`],
    ['garbage', () => 'Bearer not.a.jwt'],
    ['another scheme', () => `Basic ${b64url('user:password')}`],
  ])('refuses %s with 401, without running the turn', async (_name, header) => {
    const conversationId = `auth-bad-${Math.random().toString(36).slice(2)}`;
    const res = await send(header(), conversationId);
    expect(res.status).toBe(401);
    // No token or key details in the answer.
    expect(await res.json()).toEqual({ error: 'Unauthorized', message: 'A valid Bot Framework token is required.' });
    await running.app.transcripts.flush();
    expect(await running.app.db.prisma.transcriptMessage.count({ where: { conversationId } })).toBe(0);
  });

  it('spends no per-conversation budget on unauthenticated posts: a lock-out attempt leaves the victim answered (issue 17, finding 1)', async () => {
    const victim = `victim-${Math.random().toString(36).slice(2)}`;
    const limit = running.app.config.RATE_LIMIT_CONVERSATION_PER_MINUTE;
    const statuses: number[] = [];
    for (let i = 0; i < limit + 10; i++) statuses.push((await send(i % 2 ? undefined : `Bearer ${signJwt(attacker.privateKey, claims())}`, victim)).status);
    expect(new Set(statuses)).toEqual(new Set([401]));
    const res = await send(`Bearer ${signJwt(trusted.privateKey, claims())}`, victim);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: Array<{ type: string; text?: string }> };
    expect(body.activities.some((a) => a.type === 'message' && a.text?.startsWith('You can choose a topic'))).toBe(true);
  });

  it('keeps the self-hosted widget working, authenticated by its own tokens', async () => {
    const base = running.baseUrl;
    const issued = (await (await fetch(`${base}/api/webchat/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"locale":"en"}' })).json()) as { token: string; conversationId: string; userId: string };
    const headers = { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' };
    expect((await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers, body: JSON.stringify({ user: { id: issued.userId }, locale: 'en' }) })).status).toBeLessThan(300);
    const posted = await fetch(`${base}/v3/directline/conversations/${issued.conversationId}/activities`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'message', text: 'help', locale: 'en', from: { id: issued.userId } }),
    });
    expect(posted.status).toBe(200);
    let texts: string[] = [];
    for (let i = 0; i < 40 && !texts.some((t) => t.startsWith('You can choose a topic')); i++) {
      const polled = (await (await fetch(`${base}/v3/directline/conversations/${issued.conversationId}/activities`, { headers })).json()) as { activities: Array<{ text?: string; from: { id: string } }> };
      texts = polled.activities.filter((a) => a.from.id !== issued.userId).map((a) => a.text ?? '');
      if (!texts.some((t) => t.startsWith('You can choose a topic'))) await new Promise((r) => setTimeout(r, 250));
    }
    expect(texts.some((t) => t.startsWith('You can choose a topic'))).toBe(true);
  });

  it('stays healthy afterwards', async () => {
    const res = await fetch(`${running.baseUrl}/healthz`);
    expect(res.status).toBe(200);
  });
});
