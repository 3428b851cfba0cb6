/**
 * Live chat end to end in real headless Chromium with two browser contexts: a jobseeker asks for a
 * person in Arabic in the web widget; a coach signed in to the staff console (one-time link) goes
 * available and accepts; messages flow both ways, machine-translated by the OpenAI-compatible test
 * server with the original beside them; the coach ends the chat and the bot answers again. The
 * coach's page runs its script: the jobseeker's messages appear without a reload, the reply is sent
 * without one, and the jobseeker's widget shows the coach typing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock, systemClock } from '../../bot/kernel/clock.js';
import { completion, startChatModelServer, type ChatModelServer, type ChatRequest } from '../support/chatModelServer.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';
import { TUESDAY_10AM } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BUBBLE = '.webchat__bubble__content';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const haveChromium = fs.existsSync(CHROMIUM);

const ar = (key: string, args: Record<string, unknown> = {}) => String(translator.t('ar')(key, args));
const fi = (key: string, args: Record<string, unknown> = {}) => String(translator.t('fi')(key, args));

const QUESTION = 'هل يمكنني الحصول على مساعدة في كتابة سيرتي الذاتية؟';
const QUESTION_FI = 'Voinko saada apua ansioluetteloni kirjoittamiseen?';
const REPLY = 'Totta kai! Lähetä ansioluettelosi minulle.';
const REPLY_AR = 'بالتأكيد! أرسل لي سيرتك الذاتية.';

function translate(request: ChatRequest) {
  const system = request.messages[0]?.content ?? '';
  if (system.includes('into Finnish')) return completion(JSON.stringify({ translation: QUESTION_FI }));
  if (system.includes('into Arabic')) return completion(JSON.stringify({ translation: REPLY_AR }));
  return { status: 500, body: { error: 'not in this test' } };
}

async function open(locale: string): Promise<{ context: BrowserContext; page: Page; profile: string }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-handoff-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 900 }, locale });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, profile };
}

async function seeBubble(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.locator(BUBBLE, { hasText: text }).count(), { timeout: 30_000, message: `a bubble with ${text}` }).toBeGreaterThan(0);
}

async function type(page: Page, text: string): Promise<void> {
  await page.locator(SEND_BOX).fill(text);
  await page.keyboard.press('Enter');
}

describe.skipIf(!haveChromium)('live chat in two browsers', () => {
  let running: RunningApp;
  let llm: ChatModelServer;
  const browsers: Array<{ context: BrowserContext; profile: string }> = [];

  beforeAll(async () => {
    llm = await startChatModelServer(translate);
    running = await startTestApp(
      { SEED_DEMO_DATA: 'true', OPENAI_BASE_URL: llm.baseUrl, OPENAI_API_KEY: 'test-key', PUBLIC_BASE_URL: 'http://127.0.0.1:9', STAFF_SIGNIN_PER_MINUTE: '200', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' },
      { clock: new FixedClock(TUESDAY_10AM), rateLimitClock: systemClock, manualJobs: true },
    );
  }, 180_000);

  afterAll(async () => {
    for (const b of browsers) {
      await b.context.close();
      fs.rmSync(b.profile, { recursive: true, force: true });
    }
    await running?.stop();
    await llm?.close();
  });

  it('an Arabic-speaking jobseeker and a Finnish-speaking coach chat through translations, and the bot resumes when the coach ends', async () => {
    const coach = await open('fi-FI');
    const jobseeker = await open('ar');
    browsers.push(coach, jobseeker);

    // The coach signs in with a one-time link and goes available.
    const link = new URL((await running.app.features.staff.auth.createLink('test', 'ville.demo@example.org')).url);
    await coach.page.goto(`${running.baseUrl}${link.pathname}`);
    await coach.page.locator('form button[type="submit"]').first().click();
    await coach.page.goto(`${running.baseUrl}/staff/availability`);
    await coach.page.getByRole('button', { name: fi('handoff:console.switch.on') }).click();
    await expect.poll(() => coach.page.locator('#section-live-chat').textContent()).toContain(fi('handoff:console.status.available'));

    // The jobseeker asks for a person in Arabic.
    await jobseeker.page.goto(`${running.baseUrl}/?lang=ar`);
    await expect.poll(() => jobseeker.page.locator(BUBBLE).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await type(jobseeker.page, 'أريد التحدث مع موظف');
    await seeBubble(jobseeker.page, ar('handoff:municipality.prompt'));
    await type(jobseeker.page, 'Salo');
    await seeBubble(jobseeker.page, ar('handoff:consent.prompt'));
    await jobseeker.page.locator('.webchat__suggested-action', { hasText: ar('common:choices.yes') }).last().click();
    await seeBubble(jobseeker.page, ar('handoff:queue.joined', { place: 1, minutes: 8 }));

    // The coach sees the jobseeker waiting and accepts.
    await coach.page.reload();
    await expect(coach.page.locator('#section-live-chat').textContent()).resolves.toContain('arabia');
    await coach.page.getByRole('button', { name: fi('handoff:console.queue.accept') }).click();
    await seeBubble(jobseeker.page, ar('handoff:live.joined', { name: 'Ville (demo)' }));

    // Jobseeker → coach, without the coach reloading: the Arabic as written and the Finnish machine translation.
    const log = coach.page.getByRole('log');
    await expect.poll(() => log.count()).toBe(1);
    let reloads = 0;
    coach.page.on('load', () => reloads++);
    await type(jobseeker.page, QUESTION);
    await expect.poll(() => log.textContent(), { timeout: 30_000 }).toContain(QUESTION_FI);
    const message = (await log.locator('li', { hasText: QUESTION_FI }).textContent()) ?? '';
    expect(message).toContain(QUESTION);
    expect(message).toContain(fi('handoff:console.chat.machineTranslation'));
    expect(await coach.page.locator('#section-live-chat').textContent()).toContain(fi('handoff:coach.machineTranslation', { language: 'arabia' }));

    // The coach types: the jobseeker's widget shows the coach typing, before any message.
    const box = coach.page.getByLabel(fi('handoff:console.chat.reply'));
    expect(await jobseeker.page.locator('.webchat__typing-indicator').count()).toBe(0);
    await box.pressSequentially(REPLY.slice(0, 10));
    await expect.poll(() => jobseeker.page.locator('.webchat__typing-indicator').count(), { timeout: 15_000, message: 'the typing indicator in the widget' }).toBeGreaterThan(0);
    expect(await jobseeker.page.locator(BUBBLE, { hasText: REPLY_AR }).count()).toBe(0);

    // Coach → jobseeker, sent without a reload: the Arabic translation with the Finnish original beside it.
    await box.fill(REPLY);
    await coach.page.getByRole('button', { name: fi('handoff:console.chat.send') }).click();
    await seeBubble(jobseeker.page, REPLY_AR);
    expect(await jobseeker.page.locator(BUBBLE, { hasText: REPLY_AR }).last().textContent()).toContain(REPLY);
    // The coach's own message joins the list, and the box is ready for the next one.
    await expect.poll(() => log.textContent(), { timeout: 15_000 }).toContain(REPLY);
    expect(await box.inputValue()).toBe('');
    expect(reloads).toBe(0);

    // The coach ends the chat; the bot answers the jobseeker again.
    await coach.page.getByRole('button', { name: fi('handoff:console.chat.end') }).click();
    await seeBubble(jobseeker.page, ar('handoff:live.coachEnded'));
    await type(jobseeker.page, 'القائمة');
    await seeBubble(jobseeker.page, ar('menu.prompt'));
    await expect.poll(() => coach.page.locator('#section-live-chat').textContent()).toContain(fi('handoff:console.chat.none'));
  }, 180_000);
});
