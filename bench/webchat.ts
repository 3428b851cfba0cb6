/**
 * Enter → reply latency of the web widget through the self-hosted Direct Line path, next to
 * expectReplies on /api/messages of the same server in the same run. The real app runs on a fresh
 * PGlite database on an ephemeral port. A Direct Line sample is what Web Chat does: a long-poll is
 * already waiting, the message is POSTed, and polls continue until the bot's first reply arrives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../bot/app.js';
import { loadConfig } from '../bot/config.js';
import { silentLogger } from '../bot/kernel/log.js';
import { percentile, round, type BenchRow } from './lib.js';

const P50_TARGET_MS = 300;
/** Per-conversation message limit is a burst of 20, so samples spread over several conversations. */
const CONVERSATIONS = 12;
const TURNS_PER_CONVERSATION = 12;
const WARMUP_TURNS = 2;

const MESSAGES = [
  { kind: 'menu choice', text: 'What can you do?' },
  { kind: 'knowledge question', text: 'what was the municipal employment pilot' },
];

interface Activity {
  id: string;
  type: string;
  replyToId?: string;
  suggestedActions?: unknown;
  from: { role?: string };
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

class WidgetClient {
  private watermark = '';
  private pending: Promise<Activity[]> | undefined;

  private constructor(
    private readonly base: string,
    private readonly conversationId: string,
    private readonly token: string,
  ) {}

  static async open(base: string): Promise<WidgetClient> {
    const issued = await json<{ conversationId: string; token: string }>(
      await fetch(`${base}/api/webchat/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'en' }) }),
    );
    const client = new WidgetClient(base, issued.conversationId, issued.token);
    await json(await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: client.headers(), body: JSON.stringify({ locale: 'en-US' }) }));
    await client.drain((all) => all.some((a) => a.from.role === 'bot' && a.suggestedActions !== undefined));
    return client;
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  /** One long-poll GET from the current watermark. */
  private poll(): Promise<Activity[]> {
    return fetch(`${this.base}/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, { headers: this.headers() })
      .then((res) => json<{ activities: Activity[]; watermark: string }>(res))
      .then((body) => {
        this.watermark = body.watermark;
        return body.activities;
      });
  }

  /** Polls until `done` holds for what was read (keeping one poll open, as Web Chat does). */
  private async drain(done: (all: Activity[]) => boolean): Promise<Activity[]> {
    const seen: Activity[] = [];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const page = await (this.pending ?? this.poll());
      this.pending = undefined;
      seen.push(...page);
      if (done(seen)) return seen;
    }
    throw new Error('no reply within 30 s');
  }

  /** Enter → the bot's first reply on the client, in ms; then reads the rest of the bot's turn. */
  async turn(text: string): Promise<number> {
    this.pending = this.poll();
    const start = performance.now();
    const sent = await json<{ id: string }>(
      await fetch(`${this.base}/v3/directline/conversations/${this.conversationId}/activities`, {
        method: 'POST',
        headers: this.headers(),
        body: JSON.stringify({ type: 'message', text, locale: 'en-US', from: { id: 'bench' } }),
      }),
    );
    let ms = NaN;
    // The turn ends with the menu or topic prompt; read on to it so the next message meets a prompt.
    await this.drain((all) => {
      if (Number.isNaN(ms) && all.some((a) => a.from.role === 'bot' && a.replyToId === sent.id)) ms = performance.now() - start;
      return all.some((a) => a.from.role === 'bot' && a.replyToId === sent.id && a.suggestedActions !== undefined);
    });
    return ms;
  }
}

async function expectRepliesTurn(base: string, conversationId: string, activity: Record<string, unknown>): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:9/',
      id: `b-${Math.random().toString(36).slice(2)}`,
      from: { id: `user-${conversationId}`, role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      conversation: { id: conversationId },
      locale: 'en-US',
      deliveryMode: 'expectReplies',
      ...activity,
    }),
  });
  const body = await json<{ activities?: unknown[] }>(res);
  if (!body.activities?.length) throw new Error('expectReplies: no reply');
  return performance.now() - start;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Runs in the page (as text: tsx would wrap named functions in a helper the page lacks). Resolves
 * window.replied with the ms from the Enter keydown to the next bot bubble in the DOM.
 */
const ARM_REPLY_TIMER = `(() => {
  const bots = () => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length;
  const before = bots();
  window.replied = new Promise((resolve) => {
    let start;
    document.addEventListener('keydown', (e) => { if (e.key === 'Enter') start = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (start !== undefined && bots() > before) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
})()`;
const BROWSER_SAMPLES = 15;

/**
 * Enter → the bot's first reply bubble on screen, measured inside headless Chromium (Web Chat
 * rendering included). Skipped when no Chromium is installed.
 */
async function browserSamples(base: string): Promise<number[] | undefined> {
  if (!fs.existsSync(CHROMIUM)) return undefined;
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}/?lang=en`);
    await page.locator('.webchat__bubble__content', { hasText: 'How can I help?' }).first().waitFor({ timeout: 30_000 });
    const samples: number[] = [];
    for (let i = 0; i < BROWSER_SAMPLES + WARMUP_TURNS; i++) {
      await page.fill('[data-id="webchat-sendbox-input"]', 'What can you do?');
      await page.evaluate(ARM_REPLY_TIMER);
      await page.keyboard.press('Enter');
      const ms = (await page.evaluate('window.replied')) as number;
      if (i >= WARMUP_TURNS) samples.push(ms);
      // The rest of the bot's turn, and the per-conversation message rate (a burst of 20, then 1 a second).
      await page.waitForTimeout(1000);
    }
    return samples;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function row(name: string, samples: number[], withTarget: boolean): BenchRow {
  const sorted = [...samples].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  return {
    name,
    figures: { samples: sorted.length, p50Ms: round(p50, 1), p90Ms: round(percentile(sorted, 90), 1), p99Ms: round(percentile(sorted, 99), 1), maxMs: round(sorted.at(-1) ?? NaN, 1) },
    ...(withTarget ? { target: `p50 ≤ ${P50_TARGET_MS} ms Enter → reply`, met: p50 <= P50_TARGET_MS } : {}),
  };
}

export async function bench(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-bench-webchat-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir, MUNICIPALITY_NAME: 'Salo', SEED_DEMO_DATA: 'false',
    // The bench is one client sending fast; the per-address edge limit is not what is measured.
    RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' });
  const app = await createApp(config, { logger: silentLogger, manualJobs: true });
  const port = await app.listen();
  const base = `http://127.0.0.1:${port}`;
  const rows: BenchRow[] = [];
  try {
    for (const message of MESSAGES) {
      const directLine: number[] = [];
      const expectReplies: number[] = [];
      for (let c = 0; c < CONVERSATIONS / MESSAGES.length; c++) {
        const widget = await WidgetClient.open(base);
        const conversationId = `bench-${message.kind.replace(/\W/g, '-')}-${c}`;
        await expectRepliesTurn(base, conversationId, { type: 'conversationUpdate', membersAdded: [{ id: `user-${conversationId}` }] });
        // Interleaved so both paths see the same server state and load.
        for (let i = 0; i < TURNS_PER_CONVERSATION + WARMUP_TURNS; i++) {
          const dl = await widget.turn(message.text);
          const er = await expectRepliesTurn(base, conversationId, { type: 'message', text: message.text });
          if (i >= WARMUP_TURNS) {
            directLine.push(dl);
            expectReplies.push(er);
          }
        }
      }
      rows.push(row(`webchat: Direct Line Enter → first reply (${message.kind})`, directLine, true));
      rows.push(row(`webchat: expectReplies on /api/messages, same server (${message.kind})`, expectReplies, false));
    }
    const inBrowser = await browserSamples(base);
    if (inBrowser) rows.push(row('webchat: in headless Chromium, Enter → first reply bubble on screen (menu choice)', inBrowser, true));
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}
