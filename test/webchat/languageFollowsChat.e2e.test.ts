/**
 * Issue 15: the whole page follows the conversation's language. A change made in the chat (an
 * accepted offer, "suomeksi") turns the page's lang and dir, header, placeholder, picker and Web
 * Chat's own strings with it, without a reload and without losing the conversation. Real headless
 * Chromium against the real server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { startTestApp, type RunningApp } from '../support/app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BUBBLE = '.webchat__bubble__content';
const USER_BUBBLE = '.webchat__bubble--from-user .webchat__bubble__content';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
/** Monday 7 December 2026, 14:05 in Helsinki: the bot's clock, so every bubble carries this time. */
const MONDAY_2_05_PM = new Date('2026-12-07T12:05:00Z');
const TIMESTAMP = '.webchat__activity-status span[aria-hidden="true"]';

type Strings = { page: Record<string, string>; ui: Record<string, string> };
const webchatStrings = (locale: string): Strings =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../locales/${locale}/webchat.json`), 'utf8')) as Strings;
const common = (locale: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../locales/${locale}/common.json`), 'utf8')) as {
    language: { changed: string };
    languageSwitch: { offer: string };
    choices: { yes: string };
  };

async function seeBubble(page: Page, text: RegExp | string, selector = BUBBLE): Promise<void> {
  await expect.poll(() => page.locator(selector, { hasText: text }).count(), { timeout: 30_000, message: `a bubble with ${String(text)}` }).toBeGreaterThanOrEqual(1);
}

async function send(page: Page, text: string): Promise<void> {
  await page.locator(SEND_BOX).fill(text);
  await page.keyboard.press('Enter');
  await seeBubble(page, text, USER_BUBBLE);
}

/** What a reader of the page sees of its chrome. */
function chrome(page: Page) {
  return page.evaluate((sendBox) => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    title: document.querySelector('h1')?.textContent,
    label: document.getElementById('language-label')?.textContent,
    picker: (document.getElementById('language') as HTMLSelectElement | null)?.value,
    placeholder: document.querySelector(sendBox)?.getAttribute('placeholder'),
    transcriptDirection: getComputedStyle(document.querySelector('.webchat__basic-transcript') ?? document.body).direction,
  }), SEND_BOX);
}

function expectedChrome(locale: 'fi' | 'ar') {
  const s = webchatStrings(locale);
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return { lang: locale, dir, title: s.page.title, label: s.page.languageLabel, picker: locale, placeholder: s.ui.TEXT_INPUT_PLACEHOLDER, transcriptDirection: dir };
}

describe.skipIf(!fs.existsSync(CHROMIUM) && !process.env.CI)('the page follows the conversation\'s language', () => {
  let running: RunningApp;
  let context: BrowserContext;
  let profile: string;
  const problems: string[] = [];

  beforeAll(async () => {
    running = await startTestApp({}, { clock: new FixedClock(MONDAY_2_05_PM) });
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 800 } });
    context.on('page', (p) => p.on('pageerror', (e) => problems.push(e.message)));
    context.pages().forEach((p) => p.on('pageerror', (e) => problems.push(e.message)));
  });

  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    await running?.stop();
  });

  it('switching to Arabic in the chat turns the page right to left and translates it; switching back restores it; the history stays', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${running.baseUrl}/?lang=fi`);
    await seeBubble(page, /OMA-botti/);
    await expect.poll(() => chrome(page), { timeout: 20_000 }).toEqual(expectedChrome('fi'));
    // A reload would lose this.
    await page.evaluate(() => ((window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));

    // An Arabic message in a Finnish chat: the offer, in Arabic; yes.
    await send(page, 'أريد أن أحجز موعدا مع المدرب');
    await seeBubble(page, common('ar').languageSwitch.offer);
    await send(page, common('ar').choices.yes);
    await expect.poll(() => chrome(page), { timeout: 30_000 }).toEqual(expectedChrome('ar'));
    expect(await page.title()).toBe(webchatStrings('ar').page.documentTitle.replace('{{municipality}}', 'Salo'));
    expect(await page.locator('#chat').getAttribute('aria-label')).toBe(webchatStrings('ar').page.chatLabel);
    // Web Chat's own strings: the send button's name.
    expect(await page.getByRole('button', { name: webchatStrings('ar').ui.TEXT_INPUT_SEND_BUTTON_ALT }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    // The stored session remembers the language for a reload.
    expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('omabotti.webchat.v1') ?? '{}').locale)).toBe('ar');
    const bubblesInArabic = await page.locator(BUBBLE).count();

    // Back to Finnish, typed in the chat.
    await send(page, 'suomeksi');
    await seeBubble(page, common('fi').language.changed);
    await expect.poll(() => chrome(page), { timeout: 30_000 }).toEqual(expectedChrome('fi'));
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    // The history stays: the Arabic exchange is still on screen, and nothing was lost.
    await seeBubble(page, 'أريد أن أحجز موعدا مع المدرب', USER_BUBBLE);
    await seeBubble(page, common('ar').languageSwitch.offer);
    expect(await page.locator(BUBBLE).count()).toBeGreaterThan(bubblesInArabic);

    // And a reload keeps Finnish.
    await page.reload();
    await seeBubble(page, 'suomeksi', USER_BUBBLE);
    await expect.poll(() => chrome(page), { timeout: 20_000 }).toEqual(expectedChrome('fi'));
    expect(problems).toEqual([]);
  });
  /** The times shown under the bubbles, once Web Chat has drawn them all in the same way. */
  async function timestamps(page: Page): Promise<string[]> {
    return [...new Set(await page.locator(TIMESTAMP).allTextContents())];
  }

  it.each([
    // Not "12/7/2026" (12 July) nor "2:05 PM": day first, 24-hour clock, Helsinki time.
    ['af-soomaali', 'so', 'Isn, 7/12/2026, 14:05'],
    ['به فارسی', 'fa', 'دوشنبه ۷/۱۲/۲۰۲۶، ۱۴:۰۵'],
    ['in English', 'en', 'Mon 07/12/2026, 14:05'],
  ])('after "%s" in a Finnish chat the bubbles\' times read as %s writes them', async (request, locale, shown) => {
    const page = await context.newPage();
    await page.goto(`${running.baseUrl}/?lang=fi`);
    await seeBubble(page, /OMA-botti/);
    await expect.poll(() => timestamps(page), { timeout: 20_000 }).toEqual(['ma 7.12.2026 klo 14.05']);

    await send(page, request);
    // Web Chat's Markdown writes the apostrophe of "let's" as a typographic one.
    await seeBubble(page, common(locale).language.changed.replace(/'/g, '’'));
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 20_000 }).toBe(locale);
    // Every time on screen, the welcome's too, now in the new language's order.
    await expect.poll(() => timestamps(page), { timeout: 20_000 }).toEqual([shown]);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('after a switch to Arabic in the chat, a lost connection is reported in Arabic on a right-to-left page', async () => {
    const page = await context.newPage();
    await page.goto(`${running.baseUrl}/?lang=fi`);
    await seeBubble(page, /OMA-botti/);
    await send(page, 'بالعربية');
    await seeBubble(page, common('ar').language.changed);
    await expect.poll(() => chrome(page), { timeout: 30_000 }).toEqual(expectedChrome('ar'));

    // The conversation is erased ("delete my data" elsewhere): the server refuses its token.
    const conversationId = await page.evaluate(() => JSON.parse(sessionStorage.getItem('omabotti.webchat.v1') ?? '{}').conversationId as string);
    await running.app.features.webchat.personalData![0].erase({ userId: '', channelId: 'directline', channelUserId: '', conversationIds: [conversationId] });
    const restart = page.locator('#status button.restart');
    await restart.waitFor({ timeout: 20_000 });
    expect(await restart.textContent()).toBe(webchatStrings('ar').page.restart);
    expect(await page.locator('#status').textContent()).toBe(`${webchatStrings('ar').page.connectionFailed} ${webchatStrings('ar').page.restart}`);
    expect(await page.evaluate(() => [document.documentElement.dir, getComputedStyle(document.getElementById('status')!).direction])).toEqual(['rtl', 'rtl']);
    await page.close();
    expect(problems).toEqual([]);
  });
});
