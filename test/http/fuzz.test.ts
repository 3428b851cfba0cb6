/**
 * Fuzzing the public HTTP surface with well over 1,000 malformed and adversarial requests:
 * Bot Framework activities on /api/messages and the widget's Direct Line endpoints. Oversize
 * fields, wrong types, unicode edge cases, deep JSON, injection strings. Nothing may answer 5xx,
 * nothing may reject unhandled, and the server must be healthy and useful afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, expectReplies, startTestApp, type RunningApp } from '../support/app.js';

let running: RunningApp;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  running = await startTestApp({
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000000',
    WEBCHAT_LONG_POLL_MS: '0',
    MAX_BODY_BYTES: String(64 * 1024),
  });
});
afterAll(async () => {
  await running?.stop();
  process.off('unhandledRejection', onUnhandled);
});

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}
const r = rng(20261130);

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil\u202c',
  '\u200b\u200c\u200d\ufeff',
  'e\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'ﷺ﷽',
  '𝕳𝖊𝖑𝖑𝖔',
  "'; DROP TABLE \"User\"; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${{7*7}}{{7*7}}#{7*7}',
  "{{constructor.constructor('return process')()}}",
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  'javascript:alert(1)',
  '\r\nSet-Cookie: x=1',
  'help',
  'delete my data',
  'näytä tietoni',
  'kyllä',
  '112',
  'I want to kill myself',
  '131052-308T',
  'FI21 1234 5600 0007 85',
  'x'.repeat(5000),
  'ä'.repeat(20_000),
];

const NASTY_VALUES: unknown[] = [null, true, false, 0, -1, 1e308, -0, 3.14, [], {}, [null], { $gt: '' }, { __proto__: { polluted: true } }, 'x'.repeat(70_000)];

function nastyValue(): unknown {
  return r.next() < 0.6 ? r.pick(NASTY_STRINGS) : r.pick(NASTY_VALUES);
}

function deep(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = r.next() < 0.5 ? [v] : { a: v };
  return v;
}

const FIELDS = ['type', 'text', 'id', 'channelId', 'serviceUrl', 'locale', 'from', 'recipient', 'conversation', 'value', 'attachments', 'entities', 'membersAdded', 'name', 'replyToId', 'timestamp', 'channelData', 'deliveryMode', 'suggestedActions', 'textFormat'];

function fuzzActivity(i: number): unknown {
  const conversationId = r.next() < 0.7 ? `fuzz-${i % 37}` : (nastyValue() as string);
  const base = activity({ type: r.pick(['message', 'message', 'conversationUpdate', 'event', 'invoke', 'typing', 'endOfConversation', 'messageReaction', 'installationUpdate']), text: r.pick(NASTY_STRINGS), locale: r.pick(['fi-FI', 'en-US', 'ar', 'xx', '', 'fi-x-selko']) }, conversationId, `fuzz-user-${i % 11}`);
  const mutated: Record<string, unknown> = { ...base };
  const mutations = 1 + r.int(4);
  for (let m = 0; m < mutations; m++) {
    const field = r.pick(FIELDS);
    const roll = r.next();
    if (roll < 0.15) delete mutated[field];
    else if (roll < 0.25) mutated[field] = deep(50 + r.int(400));
    else if (roll < 0.35 && (field === 'from' || field === 'recipient' || field === 'conversation')) mutated[field] = { id: nastyValue(), name: nastyValue(), role: nastyValue() };
    else mutated[field] = nastyValue();
  }
  if (r.next() < 0.7) mutated.deliveryMode = 'expectReplies';
  if (r.next() < 0.05) return r.pick(NASTY_VALUES);
  return mutated;
}

interface Outcome {
  what: string;
  status: number;
}

async function send(what: string, url: string, init: RequestInit): Promise<Outcome> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    return { what, status: res.status };
  } catch (err) {
    return { what: `${what} (${(err as Error).name})`, status: -1 };
  }
}

/** Lone surrogates replaced, so the string can go into a URL. */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function body(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '{"type":"message"}';
  }
}

describe('fuzz', () => {
  it('survives 1,000+ malformed and adversarial requests without a 5xx', async () => {
    const base = running.baseUrl;
    const outcomes: Outcome[] = [];

    // Raw bodies that are not JSON activities at all.
    const rawBodies: Array<[string, string]> = [
      ['{', 'application/json'],
      ['[]', 'application/json'],
      ['null', 'application/json'],
      ['"string"', 'application/json'],
      ['{"type":"message"', 'application/json'],
      ['\u0000\u0001\u0002', 'application/json'],
      ['type=message&text=hi', 'application/x-www-form-urlencoded'],
      ['<xml/>', 'application/xml'],
      ['{"type":"message"}', 'text/plain'],
      ['{"type":"message","text":"x"}', ''],
      [`{"type":"message","conversation":{"id":"big"},"text":"${'y'.repeat(70 * 1024)}"}`, 'application/json'],
      [`${'['.repeat(5000)}${']'.repeat(5000)}`, 'application/json'],
      [`{"a":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`, 'application/json'],
    ];
    for (const [raw, type] of rawBodies) {
      outcomes.push(await send('raw /api/messages', `${base}/api/messages`, { method: 'POST', headers: type ? { 'content-type': type } : {}, body: raw }));
    }

    // 800 fuzzed activities, 20 at a time.
    const activities = Array.from({ length: 800 }, (_, i) => fuzzActivity(i));
    for (let i = 0; i < activities.length; i += 20) {
      const batch = activities.slice(i, i + 20).map((a, j) =>
        send(`activity #${i + j}: ${body(a).slice(0, 160)}`, `${base}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(r.next() < 0.1 ? { authorization: `Bearer ${r.pick(NASTY_STRINGS)}`.replace(/[^\x20-\x7e]/g, '') } : {}) },
          body: body(a),
        }),
      );
      outcomes.push(...(await Promise.all(batch)));
    }

    // Direct Line: a real token and conversation to aim at, and an attacker without one.
    const tokenRes = await fetch(`${base}/api/webchat/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"locale":"fi"}' });
    expect(tokenRes.status).toBe(200);
    const grant = (await tokenRes.json()) as { token: string; conversationId: string };
    const other = (await (await fetch(`${base}/api/webchat/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { token: string; conversationId: string };
    const dl = `${base}/v3/directline`;
    const auths = [undefined, `Bearer ${grant.token}`, `Bearer ${other.token}`, 'Bearer x', 'Basic YTpi', `Bearer ${'A'.repeat(9000)}`];
    const ids = [grant.conversationId, other.conversationId, '..%2F..%2Fetc', 'x'.repeat(500), '%00', encodeURIComponent('<script>'), '1 OR 1=1'];
    const directLine: Array<() => Promise<Outcome>> = [];
    for (let i = 0; i < 300; i++) {
      const authorization = r.pick(auths);
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) };
      const id = r.pick(ids);
      const kind = r.int(6);
      if (kind === 0) directLine.push(() => send('dl token', `${base}/api/webchat/token`, { method: 'POST', headers, body: body({ locale: nastyValue() }) }));
      else if (kind === 1) directLine.push(() => send('dl start', `${dl}/conversations`, { method: 'POST', headers, body: body(r.next() < 0.5 ? { user: nastyValue(), locale: nastyValue() } : nastyValue()) }));
      else if (kind === 2) directLine.push(() => send('dl post', `${dl}/conversations/${id}/activities`, { method: 'POST', headers, body: body(fuzzActivity(i)) }));
      else if (kind === 3) directLine.push(() => send('dl poll', `${dl}/conversations/${id}/activities?watermark=${encodeURIComponent(wellFormed(String(nastyValue()).slice(0, 100)))}`, { headers }));
      else if (kind === 4) directLine.push(() => send('dl reconnect', `${dl}/conversations/${id}`, { headers }));
      else directLine.push(() => send('dl refresh', `${dl}/tokens/refresh`, { method: 'POST', headers, body: '' }));
    }
    for (let i = 0; i < directLine.length; i += 10) outcomes.push(...(await Promise.all(directLine.slice(i, i + 10).map((f) => f()))));

    // Our own pages and routes with hostile parameters.
    const paths = ['/privacy?lang=%00', '/privacy?lang[]=fi', '/accessibility?lang=../../x&sent=1', '/privacy/export/%00', `/privacy/export/${'a'.repeat(5000)}`, '/api/admin/feedback', '/healthz?x=%ff'];
    for (const p of paths) outcomes.push(await send(`GET ${p.slice(0, 60)}`, `${base}${p}`, {}));
    for (let i = 0; i < 40; i++) {
      outcomes.push(await send('POST /feedback', `${base}/feedback`, { method: 'POST', headers: { 'content-type': r.pick(['application/json', 'application/x-www-form-urlencoded']) }, body: body({ topic: nastyValue(), message: nastyValue(), contact: nastyValue(), lang: nastyValue(), page: nastyValue() }) }));
    }

    expect(outcomes.length).toBeGreaterThanOrEqual(1000);
    const failures = outcomes.filter((o) => o.status >= 500 || o.status < 0);
    expect(failures.map((f) => `${f.status} ${f.what}`)).toEqual([]);
    // Every kind of input got a real HTTP answer, mostly 4xx or 200.
    expect(outcomes.some((o) => o.status === 400)).toBe(true);
    expect(outcomes.some((o) => o.status === 413)).toBe(true);
    expect(outcomes.some((o) => o.status === 403)).toBe(true);

    await running.app.transcripts.flush();
    expect(unhandled).toEqual([]);
  }, 300_000);

  it('is healthy and useful afterwards', async () => {
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
    const replies = await expectReplies(running.baseUrl, activity({ type: 'message', text: 'help', locale: 'en-US' }, 'after-fuzz'));
    expect(replies[0].text).toMatch(/^You can choose a topic/);
  });
});
