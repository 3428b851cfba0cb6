/**
 * The HTTP edge on the real server: security headers on every response, CORS only for configured
 * origins, per-client and per-conversation rate limits (429 with Retry-After, then recovery), and
 * the message length limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { activity, expectReplies, startTestApp, type RunningApp } from '../support/app.js';

// The buckets refill with time; held still, a slow machine can't refill them between requests.
const rateClock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp(
    {
      CORS_ORIGINS: 'https://www.salo.example',
      RATE_LIMIT_PER_MINUTE: '60',
      RATE_LIMIT_CONVERSATION_PER_MINUTE: '20',
      MAX_MESSAGE_CHARS: '200',
    },
    { rateLimitClock: rateClock },
  );
});
afterAll(async () => {
  await running?.stop();
});

/** Waits `ms` as far as the rate limits are concerned. */
const sleep = (ms: number) => rateClock.advance(ms);

function message(conversationId: string, text = 'help') {
  return fetch(`${running.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...activity({ type: 'message', text, locale: 'en-US' }, conversationId), deliveryMode: 'expectReplies' }),
  });
}

describe('security headers', () => {
  it('are on JSON responses, errors and unknown paths, with a deny-all CSP', async () => {
    for (const path of ['/healthz', '/no-such-page', '/api/admin/feedback']) {
      const res = await fetch(`${running.baseUrl}${path}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
    }
    const bad = await fetch(`${running.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('leave a page its own policy: one CSP header, never two', async () => {
    const res = await fetch(`${running.baseUrl}/privacy?lang=en`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain("form-action 'none'");
  });
});

describe('CORS', () => {
  it('is granted only to configured origins', async () => {
    const allowed = await fetch(`${running.baseUrl}/healthz`, { headers: { origin: 'https://www.salo.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.salo.example');
    const other = await fetch(`${running.baseUrl}/healthz`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflights: 204 for a configured origin, 403 otherwise', async () => {
    const ok = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.salo.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    const refused = await fetch(`${running.baseUrl}/api/messages`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('message length', () => {
  it('asks politely for a shorter message', async () => {
    const replies = await expectReplies(running.baseUrl, activity({ type: 'message', text: 'a'.repeat(201), locale: 'en-US' }, 'long-1'));
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toBe('Your message is too long for me. Please write it in shorter parts of at most 200 characters.');
  });
});

describe('rate limits', () => {
  it('per conversation: 429 with Retry-After, other conversations unaffected, then recovery', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await message('busy-conversation')).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    const limited = await message('busy-conversation');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as { error: string }).error).toBe('TooManyRequests');
    expect((await message('calm-conversation')).status).toBe(200);
    sleep(retryAfter * 1000 + 200);
    expect((await message('busy-conversation')).status).toBe(200);
  });

  it('per client: 429 with Retry-After for everything but health checks, then recovery; a forged X-Forwarded-For does not help', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 70; i++) {
      last = await fetch(`${running.baseUrl}/privacy?lang=en`);
      if (last.status === 429) break;
    }
    expect(last?.status).toBe(429);
    const retryAfter = Number(last?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    const spoofed = await fetch(`${running.baseUrl}/privacy?lang=en`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(spoofed.status).toBe(429);
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
    sleep(retryAfter * 1000 + 200);
    expect((await fetch(`${running.baseUrl}/privacy?lang=en`)).status).toBe(200);
  });
});
