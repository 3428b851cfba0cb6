/**
 * What the jobseeker sees in the widget, in real headless Chromium: a booking shows the phone
 * number and email as typed (in the user's bubbles and the summary) while the stored transcript
 * and the logs hold neither; a reload brings the history back; a 5,000-character message gets the
 * bot's polite reply; and after "delete my data" the next message starts a new conversation with
 * the welcome. Screenshots go to test-artifacts/webchat/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { createLogger } from '../../bot/kernel/log.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';
import { MONDAY_8AM } from '../booking/helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/webchat');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const BUBBLE = '.webchat__bubble__content';
const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';
const USER_BUBBLE = '.webchat__bubble--from-user .webchat__bubble__content';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';

const PHONE = '040 123 4567';
const EMAIL = 'sam.smith@example.fi';

const en = translator.t('en');
const s = (key: string, args?: Record<string, unknown>) => String(en(key, args));

async function seeBubble(page: Page, text: RegExp | string, atLeast = 1, selector = BUBBLE): Promise<void> {
  const bubbles = page.locator(selector, { hasText: text });
  try {
    await expect.poll(() => bubbles.count(), { timeout: 30_000, message: `a bubble with ${String(text)}` }).toBeGreaterThanOrEqual(atLeast);
  } catch (err) {
    await shot(page, 'failed-' + String(text).slice(0, 20).replace(/[^a-z0-9]/gi, '_'));
    throw err;
  }
}

async function type(page: Page, text: string): Promise<void> {
  await page.locator(SEND_BOX).fill(text);
  await page.locator(SEND_BOX).press('Enter');
}

async function tap(page: Page, title: string): Promise<void> {
  const button = page.locator('.webchat__suggested-action', { hasText: title }).last();
  await button.waitFor({ timeout: 30_000 });
  await button.click();
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

function storedConversation(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const raw = sessionStorage.getItem('omabotti.webchat.v1');
    return raw ? (JSON.parse(raw) as { conversationId: string }).conversationId : undefined;
  });
}

const haveChromium = fs.existsSync(CHROMIUM);

describe.skipIf(!haveChromium && !process.env.CI)('what the jobseeker sees in the widget', () => {
  let running: RunningApp;
  let context: BrowserContext;
  let profile: string;
  let logs = '';

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logs += String(chunk);
        done();
      },
    });
    running = await startTestApp(
      { SEED_DEMO_DATA: 'true', WEBCHAT_LONG_POLL_MS: '1000', LOG_LEVEL: 'debug' },
      { clock: new FixedClock(MONDAY_8AM), manualJobs: true, logger: createLogger('debug', stream) },
    );
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-sees-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    await running?.stop();
  });

  it('a booking shows the phone number and email as typed; the transcript and logs do not; a reload keeps the history', async () => {
    const page = await context.newPage();
    await page.goto(`${running.baseUrl}/?lang=en`);
    await seeBubble(page, s('menu.prompt'));
    await tap(page, s('booking:menu.book'));
    await tap(page, s('booking:topic.benefits'));
    await tap(page, s('booking:mode.phone'));
    await seeBubble(page, s('booking:municipality.prompt'));
    await type(page, 'Salo');
    await seeBubble(page, s('booking:slots.prompt'));
    const firstTime = page.locator('.webchat__suggested-action').first();
    await firstTime.waitFor({ timeout: 30_000 });
    await firstTime.click();
    await seeBubble(page, s('booking:name.prompt'));
    await type(page, 'Sam Smith');
    await seeBubble(page, s('booking:phone.promptRequired'));
    await type(page, PHONE);
    await seeBubble(page, s('booking:email.prompt'));
    await type(page, EMAIL);
    // Web Chat's Markdown turns ' into ’, so match the sentence's start.
    await seeBubble(page, /^Is there anything the coach should know beforehand\?/);
    await type(page, `Call me on ${PHONE} or write to ${EMAIL}`);
    await seeBubble(page, s('booking:summary.intro'), 1, BOT_BUBBLE);

    // The user's own bubbles, as typed.
    await seeBubble(page, PHONE, 1, USER_BUBBLE);
    await seeBubble(page, EMAIL, 1, USER_BUBBLE);
    await seeBubble(page, `Call me on ${PHONE} or write to ${EMAIL}`, 1, USER_BUBBLE);
    // The summary: one labelled line each (a list), with the number and address the user can check.
    const summary = page.locator(BOT_BUBBLE, { hasText: s('booking:summary.intro') }).last();
    // Web Chat puts zero-width spaces around an address it turns into a link.
    const items = (await summary.locator('li').allTextContents()).map((i) => i.replace(/\u200b/g, ''));
    expect(items.length).toBeGreaterThanOrEqual(7);
    expect(items).toContain(s('booking:summary.phone', { phone: '+358401234567' }));
    expect(items).toContain(s('booking:summary.email', { email: EMAIL }));
    expect(items).toContain(s('booking:summary.note', { note: `Call me on ${PHONE} or write to ${EMAIL}` }));
    expect(await page.locator(BUBBLE, { hasText: /\[phone\]|\[email\]/ }).count()).toBe(0);

    await tap(page, s('common:choices.yes'));
    await seeBubble(page, /is booked/, 1, BOT_BUBBLE);
    // The confirmation's links have readable text.
    const confirmation = page.locator(BOT_BUBBLE, { hasText: /is booked/ }).last();
    const links = await confirmation.locator('a').evaluateAll((as) => as.map((a) => ({ text: a.textContent ?? '', href: (a as HTMLAnchorElement).href })));
    expect(links.some((l) => /\/booking\/manage\/[A-Za-z0-9_-]+$/.test(l.href) && !l.text.includes('http'))).toBe(true);
    expect(links.some((l) => /appointment\.ics$/.test(l.href) && !l.text.includes('http'))).toBe(true);
    await shot(page, '10-booking-summary-en');

    // The stored transcript and the logs hold neither the number nor the address.
    const conversationId = (await storedConversation(page))!;
    await running.app.transcripts.flush();
    const transcript = JSON.stringify(await running.app.db.prisma.transcriptMessage.findMany({ where: { conversationId } }));
    expect(transcript).toContain('[phone]');
    for (const secret of ['123 4567', '401234567', 'sam.smith']) {
      expect(transcript).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
    expect(logs.length).toBeGreaterThan(0);

    // After a reload the history is there (read from the redacted transcript).
    await page.reload();
    await seeBubble(page, 'Sam Smith', 1, USER_BUBBLE);
    await seeBubble(page, /is booked/, 1, BOT_BUBBLE);
    expect(await storedConversation(page)).toBe(conversationId);
    await page.close();
  }, 240_000);

  it('a 5,000-character message gets the polite reply in the user\'s language, and the chat goes on', async () => {
    const page = await context.newPage();
    await page.goto(`${running.baseUrl}/?lang=fi`);
    const fi = translator.t('fi');
    await seeBubble(page, String(fi('menu.prompt')));
    await page.locator(SEND_BOX).fill('a'.repeat(5000));
    await page.locator(SEND_BOX).press('Enter');
    await seeBubble(page, String(fi('privacy:tooLong', { max: 4000 })), 1, BOT_BUBBLE);
    // Web Chat never marked it as failed.
    expect(await page.locator('.webchat__activity-status--send-failed, [class*="send-failed"]').count()).toBe(0);
    await type(page, 'Mitä osaat?');
    await seeBubble(page, 'Mitä osaat?', 1, USER_BUBBLE);
    await seeBubble(page, /aihe/, 2, BOT_BUBBLE);
    await page.close();
  }, 240_000);

  it('after "delete my data", the next message starts a new conversation and gets the welcome', async () => {
    const page = await context.newPage();
    await page.goto(`${running.baseUrl}/?lang=en`);
    await seeBubble(page, s('menu.prompt'));
    const erased = (await storedConversation(page))!;
    await type(page, 'delete my data');
    await seeBubble(page, /Do you want to delete all your data\?/, 1, BOT_BUBBLE);
    await tap(page, s('common:choices.yes'));
    await seeBubble(page, s('privacy:delete.done'), 1, BOT_BUBBLE);
    // The erased conversation goes a moment later; the page shows no error meanwhile or after.
    const prisma = running.app.db.prisma;
    await expect.poll(() => prisma.directLineConversation.count({ where: { id: erased } }), { timeout: 30_000 }).toBe(0);
    await page.waitForTimeout(1500);
    expect(await page.locator('#status').isVisible()).toBe(false);

    await type(page, 'hello');
    await seeBubble(page, /I.m OMA-botti/, 1, BOT_BUBBLE);
    await seeBubble(page, 'hello', 1, USER_BUBBLE);
    await expect.poll(() => storedConversation(page), { timeout: 30_000 }).not.toBe(erased);
    expect(await storedConversation(page)).toBeTruthy();
    expect(await page.locator('#status').isVisible()).toBe(false);
    expect(await page.locator(BUBBLE, { hasText: /could not connect|Send failed/ }).count()).toBe(0);
    await shot(page, '11-after-erasure-en');
    await page.close();
  }, 240_000);
});
