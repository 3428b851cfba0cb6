/**
 * The web widget end to end in real headless Chromium: Web Chat's own Direct Line client against
 * our server, under the page's strict CSP. Screenshots go to test-artifacts/webchat/ (git-ignored).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../bot/security/tokens.js';
import { startTestApp, type RunningApp } from '../support/app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/webchat');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const BUBBLE = '.webchat__bubble__content';
const USER_BUBBLE = '.webchat__bubble--from-user .webchat__bubble__content';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';

interface Browser {
  context: BrowserContext;
  profile: string;
  /** Console errors and warnings, and uncaught page errors, of every page opened. */
  problems: string[];
}

async function launch(): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return { context, profile, problems };
}

async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  await browser.context.close();
  fs.rmSync(browser.profile, { recursive: true, force: true });
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** Waits for a message bubble whose text matches, and returns how many match. */
async function seeBubble(page: Page, text: RegExp | string, atLeast = 1, selector = BUBBLE): Promise<number> {
  const bubbles = page.locator(selector, { hasText: text });
  await expect.poll(() => bubbles.count(), { timeout: 20_000, message: `a bubble with ${String(text)}` }).toBeGreaterThanOrEqual(atLeast);
  return bubbles.count();
}

async function clickSuggested(page: Page, title: string): Promise<void> {
  await page.locator('.webchat__suggested-action', { hasText: title }).last().click();
}

/** Keyboard only: Tab from the top of the page until the send box has focus, type, Enter. */
async function typeWithKeyboard(page: Page, text: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, SEND_BOX)) break;
  }
  expect(await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, SEND_BOX), 'the send box is reachable with Tab').toBe(true);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** WCAG contrast of each matched element's text against the first opaque background behind it. */
function contrasts(page: Page, selectors: string[]): Promise<Array<{ selector: string; ratio: number }>> {
  return page.evaluate((list) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    return list.flatMap((selector) =>
      [...document.querySelectorAll(selector)].map((el) => {
        const a = lum(rgb(getComputedStyle(el).color).slice(0, 3));
        const b = lum(background(el));
        return { selector, ratio: Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100 };
      }),
    );
  }, selectors);
}

function session(page: Page): Promise<{ conversationId: string; token: string; locale: string } | null> {
  return page.evaluate(() => {
    const raw = sessionStorage.getItem('omabotti.webchat.v1');
    return raw ? JSON.parse(raw) : null;
  });
}

const haveChromium = fs.existsSync(CHROMIUM);

describe.skipIf(!haveChromium && !process.env.CI)('web widget in headless Chromium', () => {
  let running: RunningApp;
  let browser: Browser;
  let host: http.Server;
  let hostOrigin: string;

  beforeAll(async () => {
    // A municipality's own site on another origin, with the documented embed snippet.
    host = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="sv"><head><title>Salo stad</title></head><body><h1>Salo stad</h1>
<script src="${running.baseUrl}/embed.js" data-lang="sv" data-municipality="Salo" data-title="Chatt" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    running = await startTestApp({ FRAME_ANCESTORS: hostOrigin });
    browser = await launch();
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await running?.stop();
    await new Promise((resolve) => host?.close(resolve));
  });

  it('welcome, suggested action, typed reply, reload with history, language switch, right-to-left Arabic, under a strict CSP', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const response = await page.goto(`${running.baseUrl}/?lang=en`);
    expect(response?.status()).toBe(200);

    // Security headers: scripts only from this origin, no inline script, no eval, no framing by others.
    const headers = response!.headers();
    const csp = headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain(`frame-ancestors 'self' ${hostOrigin}`);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(await page.locator('script:not([src]):not([type="application/json"])').count()).toBe(0);

    // 1. The page and the welcome.
    expect(await page.title()).toBe('OMA-botti chat – Salo');
    await expect.poll(() => page.locator('h1').textContent()).toBe('OMA-botti – employment services chat');
    await seeBubble(page, /I.m OMA-botti/);
    await seeBubble(page, 'How can I help?');
    expect(await page.locator(BUBBLE, { hasText: /I.m OMA-botti/ }).textContent()).toContain('Salo');
    // Uploads are not implemented, so there is no upload button.
    expect(await page.locator('.webchat__upload-button, input[type="file"]').count()).toBe(0);
    expect(await page.locator(SEND_BOX).getAttribute('placeholder')).toBe('Type your message');
    // Screen-reader names for what the user works with.
    await expect.poll(() => page.getByRole('combobox', { name: 'Language' }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Send' }).count()).toBe(1);
    expect(await page.locator('main#chat').getAttribute('aria-label')).toBe('Chat with OMA-botti');
    expect(await page.locator('#language option').allTextContents()).toEqual(['Suomi', 'Selkosuomi', 'Svenska', 'English', 'Русский', 'Українська', 'Eesti', 'العربية', 'Soomaali', 'فارسی']);
    await shot(page, '01-welcome-en');

    // The conversation id and token live in sessionStorage; only the token's hash is in the database.
    const stored = await session(page);
    expect(stored?.conversationId).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const tokenRow = await running.app.db.prisma.directLineToken.findUnique({ where: { hash: hashToken(stored!.token) } });
    expect(tokenRow?.conversationId).toBe(stored!.conversationId);

    // 2. A suggested action.
    await clickSuggested(page, 'What can you do?');
    await seeBubble(page, 'What can you do?', 1, USER_BUBBLE);
    await seeBubble(page, /^You can choose a topic/);

    // 3. Keyboard only: Tab to the send box, type, Enter; the bot answers the question.
    await typeWithKeyboard(page, 'what was the municipal employment pilot');
    await seeBubble(page, 'what was the municipal employment pilot', 1, USER_BUBBLE);
    await seeBubble(page, /municipal employment pilot \(työllisyyden kuntakokeilu\)/);
    await shot(page, '02-reply-en');

    // WCAG 2.1 AA: text at 4.5:1 or more against its background.
    const contrastSelectors = ['h1', '#page-subtitle', '#language-label', '#language', `${BUBBLE} p`, `${USER_BUBBLE} p`, '.webchat__suggested-action', '.webchat__activity-status', SEND_BOX];
    let measured: Array<{ selector: string; ratio: number }> = [];
    // The answer's buttons and status line render a moment after its bubble.
    await expect
      .poll(async () => {
        measured = await contrasts(page, contrastSelectors);
        return contrastSelectors.filter((sel) => !measured.some((m) => m.selector === sel));
      }, { timeout: 15_000 })
      .toEqual([]);
    expect(measured.filter((m) => m.ratio < 4.5)).toEqual([]);

    // 4. Reload: the same conversation, its history from the database, no second welcome, and it goes on.
    await page.reload();
    await seeBubble(page, 'what was the municipal employment pilot', 1, USER_BUBBLE);
    await seeBubble(page, /municipal employment pilot \(työllisyyden kuntakokeilu\)/);
    expect(await page.locator(BUBBLE, { hasText: /I.m OMA-botti/ }).count()).toBe(1);
    expect((await session(page))?.conversationId).toBe(stored!.conversationId);
    const menusBefore = await page.locator(BUBBLE, { hasText: /How can I help\?|Can I help with anything else\?/ }).count();
    await typeWithKeyboard(page, 'Main menu');
    await seeBubble(page, 'Main menu', 1, USER_BUBBLE);
    await seeBubble(page, /How can I help\?|Can I help with anything else\?/, menusBefore + 1);
    expect(await running.app.db.prisma.directLineConversation.count()).toBe(1);
    await shot(page, '03-after-reload-en');

    // 5. The language picker: the page and the bot switch to Swedish.
    await page.selectOption('#language', 'sv');
    await seeBubble(page, 'Okej, vi fortsätter på svenska.');
    await seeBubble(page, /Hur kan jag hjälpa dig\?|Kan jag hjälpa dig med något annat\?/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(await page.locator('h1').textContent()).toBe('OMA-botti – sysselsättningstjänsternas chatt');
    expect(await page.title()).toBe('OMA-botti-chatt – Salo');
    await expect.poll(() => page.locator(SEND_BOX).getAttribute('placeholder')).toBe('Skriv ditt meddelande');
    await typeWithKeyboard(page, 'Vad kan du göra?');
    await seeBubble(page, 'Vad kan du göra?', 1, USER_BUBBLE);
    await seeBubble(page, /^Du kan välja ett ämne/);
    await shot(page, '04-switched-sv');

    // Arabic: the page is right to left, each message follows its own text's direction.
    await page.selectOption('#language', 'ar');
    await seeBubble(page, 'حسنًا، لنكمل باللغة العربية.');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    const dirs = await page.locator(BUBBLE).evaluateAll((els) => els.map((e) => e.getAttribute('dir')));
    expect(dirs.length).toBeGreaterThan(5);
    expect(dirs.every((d) => d === 'auto')).toBe(true);
    const arabicBubble = page.locator(BUBBLE, { hasText: 'حسنًا، لنكمل باللغة العربية.' }).first();
    expect(await arabicBubble.evaluate((e) => getComputedStyle(e.querySelector('p') ?? e).direction)).toBe('rtl');
    expect(await page.locator('.webchat__basic-transcript').evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    await shot(page, '05-switched-ar-rtl');

    // The picker's choice survives a reload.
    await page.reload();
    await seeBubble(page, 'حسنًا، لنكمل باللغة العربية.');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('#language').inputValue()).toBe('ar');

    // Web Chat ran under the CSP: nothing was blocked and nothing failed.
    expect(browser.problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
    expect(browser.problems.filter((p) => p.startsWith('pageerror') || p.startsWith('error'))).toEqual([]);
  });

  it('works at a phone width (no sideways scrolling, picker and send box on screen), and offers a new chat once its conversation is erased', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${running.baseUrl}/?lang=fi`);
    await seeBubble(page, /Olen OMA-botti/);
    const layout = await page.evaluate((sel) => {
      const box = (q: string) => document.querySelector(q)!.getBoundingClientRect();
      return {
        scrollWidth: document.documentElement.scrollWidth,
        width: window.innerWidth,
        sendBox: box(sel),
        picker: box('#language'),
        transcript: box('.webchat__basic-transcript'),
      };
    }, SEND_BOX);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
    for (const b of [layout.sendBox, layout.picker]) {
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(layout.width);
      expect(b.bottom).toBeLessThanOrEqual(740);
      expect(b.height).toBeGreaterThan(0);
    }
    // Suggested actions sit in a list of capped height, so the conversation keeps most of the screen.
    expect(layout.transcript.height).toBeGreaterThan(740 / 2);
    await clickSuggested(page, 'Mitä osaat?');
    await seeBubble(page, 'Mitä osaat?', 1, USER_BUBBLE);
    await shot(page, '06-phone-fi');

    // The conversation is erased (the user's "delete my data"): its token stops working, and the
    // page offers a new chat instead of going silent.
    const erased = (await session(page))!.conversationId;
    const webchat = running.app.features.webchat;
    await webchat.personalData![0].erase({ userId: '', channelId: 'directline', channelUserId: '', conversationIds: [erased] });
    const restart = page.locator('#status button.restart');
    await restart.waitFor({ timeout: 20_000 });
    expect(await page.locator('#status').textContent()).toContain('Keskusteluun ei saatu yhteyttä');
    await restart.click();
    await expect.poll(async () => (await session(page))?.conversationId, { timeout: 20_000 }).not.toBe(erased);
    await seeBubble(page, /Olen OMA-botti/);
    await page.close();
  });

  it.each([
    ['fa', /ربات .* گفت:/, 'شما گفتید:'],
    ['so', /Bot-ka .* wuxuu yidhi:/, 'Adiga ayaa yidhi:'],
  ])('Web Chat\'s own screen-reader texts are in %s too (Web Chat ships no such locale)', async (lang, botSaid, youSaid) => {
    const page = await browser.context.newPage();
    await page.goto(`${running.baseUrl}/?lang=${lang}`);
    await page.locator(BUBBLE).first().waitFor({ timeout: 20_000 });
    await typeWithKeyboard(page, '1');
    await seeBubble(page, '1', 1, USER_BUBBLE);
    const spoken = () => page.evaluate(() => document.querySelector('.webchat__basic-transcript')?.textContent ?? '');
    await expect.poll(spoken, { timeout: 15_000 }).toMatch(botSaid);
    expect(await spoken()).toContain(youSaid);
    expect(await spoken()).not.toMatch(/Bot .* said:|You said:/);
    await page.close();
  });

  it('the embed snippet on a municipality site opens the widget in the chosen language with the municipality name', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${hostOrigin}/`);
    const frame = page.frameLocator('iframe[title="Chatt"]');
    await expect.poll(() => frame.locator('#page-subtitle').textContent(), { timeout: 20_000 }).toBe('Sysselsättningstjänster · Salo');
    await expect.poll(() => frame.locator(BUBBLE, { hasText: /Jag är OMA-botti/ }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await frame.locator('html').getAttribute('lang')).toBe('sv');
    await shot(page, '07-embedded-sv');
    await page.close();
  });
});

describe.skipIf(!haveChromium && !process.env.CI)('web widget in production mode (Bot Framework auth on)', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    running = await startTestApp({
      MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
      MicrosoftAppPassword: 'dummy-secret-for-tests',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '00000000-0000-4000-8000-0000000000aa',
    });
    browser = await launch();
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await running?.stop();
  });

  it('keeps working, authenticated by its own tokens, while /api/messages refuses unsigned calls', async () => {
    const unsigned = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hei', channelId: 'directline', conversation: { id: 'x' }, from: { id: 'u' }, serviceUrl: 'http://127.0.0.1:9/' }),
    });
    expect(unsigned.status).toBe(401);

    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${running.baseUrl}/?lang=en`);
    // Replies travel through the loopback serviceUrl signed with the process's own secret; an
    // attempt to fetch an Azure AD token would fail here (no internet) and no reply would appear.
    await seeBubble(page, /I.m OMA-botti/);
    await clickSuggested(page, 'What can you do?');
    await seeBubble(page, /^You can choose a topic/);
    await typeWithKeyboard(page, 'what was the municipal employment pilot');
    await seeBubble(page, /municipal employment pilot \(työllisyyden kuntakokeilu\)/);
    await shot(page, '08-production-mode');
    expect(browser.problems.filter((p) => p.startsWith('pageerror') || /Content Security Policy/.test(p))).toEqual([]);
  });
});
