/**
 * What a jobseeker on a phone or with assistive technology meets, in real headless Chromium:
 * axe-core (WCAG 2.1 A and AA rules) finds nothing on the widget, the manage page, the privacy
 * notice and the accessibility statement, in Finnish, Arabic and English, at 375 and 1280 px; at
 * 375 px every menu item is on screen without sideways scrolling and the send box's placeholder is
 * whole, also right to left. Screenshots at 375 px (fi, ar) go to test-artifacts/accessibility/.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';
import { MONDAY_8AM, seedTestCoaches } from '../booking/helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/accessibility');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const BUBBLE = '.webchat__bubble__content';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const LOCALES = ['fi', 'ar', 'en'] as const;
const WIDTHS = [375, 1280] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core in the page (evaluated over DevTools, so the page's CSP stays as it is). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

const haveChromium = fs.existsSync(CHROMIUM);

describe.skipIf(!haveChromium && !process.env.CI)('phones and accessibility', () => {
  let running: RunningApp;
  let context: BrowserContext;
  let profile: string;
  const managePaths = new Map<string, string>();

  beforeAll(async () => {
    running = await startTestApp({ SEED_DEMO_DATA: 'false', WEBCHAT_LONG_POLL_MS: '1000' }, { clock: new FixedClock(MONDAY_8AM), manualJobs: true });
    await seedTestCoaches(running.app.db.prisma);
    const service = running.app.features.booking.service;
    const { slots } = await service.listSlots(['test-anna'], { limit: LOCALES.length });
    for (const [i, locale] of LOCALES.entries()) {
      const r = await service.reserve({
        jobseeker: { channelId: 'test', channelUserId: `a11y-${locale}` },
        coachId: slots[i].coachId,
        startsAt: slots[i].start,
        mode: 'in_person',
        topic: 'job_search',
        meetingLanguage: 'fi',
        locale,
        name: 'Testi Henkilö',
        email: `a11y-${locale}@example.fi`,
      });
      managePaths.set(locale, new URL(r.manageUrl).pathname);
    }
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-a11y-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    await running?.stop();
  });

  it.each(['fa', 'so', 'uk'])('the send box placeholder in %s is whole at 375 px', async (locale) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${running.baseUrl}/?lang=${locale}`);
    await page.locator(BUBBLE).first().waitFor({ timeout: 30_000 });
    const fit = await page.evaluate((sel) => {
      const input = document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement;
      const style = getComputedStyle(input);
      const canvas = document.createElement('canvas').getContext('2d')!;
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return { text: input.placeholder, needed: canvas.measureText(input.placeholder).width, available: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
    }, SEND_BOX);
    expect(fit.text).toBe(String(translator.t(locale)('webchat:ui.TEXT_INPUT_PLACEHOLDER')));
    expect(fit.needed).toBeLessThanOrEqual(fit.available);
    await page.close();
  }, 180_000);

  for (const locale of LOCALES) {
    for (const width of WIDTHS) {
      it(`the widget in ${locale} at ${width} px: no axe violations; every menu item on screen; the placeholder whole`, async () => {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: width === 375 ? 740 : 800 });
        await page.goto(`${running.baseUrl}/?lang=${locale}`);
        const menuItems = page.locator('.webchat__suggested-action');
        await expect.poll(() => menuItems.count(), { timeout: 30_000, message: 'the welcome menu' }).toBeGreaterThanOrEqual(8);
        await page.locator(BUBBLE).first().waitFor({ timeout: 20_000 });
        // Web Chat animates the actions in; measure once they have settled.
        await page.waitForTimeout(500);

        const layout = await page.evaluate((sel) => {
          const input = document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement;
          const style = getComputedStyle(input);
          const canvas = document.createElement('canvas').getContext('2d')!;
          canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
          return {
            pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
            width: window.innerWidth,
            height: window.innerHeight,
            items: [...document.querySelectorAll('.webchat__suggested-action')].map((b) => {
              const r = b.getBoundingClientRect();
              return { text: b.textContent ?? '', left: r.left, right: r.right, width: r.width, scrolls: b.scrollWidth > b.clientWidth + 1 };
            }),
            placeholder: { text: input.placeholder, needed: canvas.measureText(input.placeholder).width, available: input.clientWidth - padding },
            carouselFlippers: document.querySelectorAll('.webchat__suggested-actions .react-film__flipper').length,
          };
        }, SEND_BOX);

        expect(layout.pageScrolls).toBe(false);
        // No swipe strip with arrows over the labels: the items wrap and each sits whole on screen.
        expect(layout.carouselFlippers).toBe(0);
        for (const item of layout.items) {
          expect(item.left, item.text).toBeGreaterThanOrEqual(0);
          expect(item.right, item.text).toBeLessThanOrEqual(layout.width);
          expect(item.scrolls, item.text).toBe(false);
        }
        expect(layout.placeholder.text).toBe(String(translator.t(locale)('webchat:ui.TEXT_INPUT_PLACEHOLDER')));
        expect(layout.placeholder.needed, 'the placeholder fits its box').toBeLessThanOrEqual(layout.placeholder.available);

        expect(await axeViolations(page)).toEqual([]);
        if (width === 375 && locale !== 'en') await shot(page, `widget-375-${locale}`);
        await page.close();
      }, 180_000);

      it.each([
        ['manage page', () => managePaths.get(locale)!],
        ['privacy notice', () => `/privacy?lang=${locale}`],
        ['accessibility statement', () => `/accessibility?lang=${locale}`],
      ])(`the %s in ${locale} at ${width} px: no axe violations, no sideways scrolling`, async (name, target) => {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 800 });
        const response = await page.goto(`${running.baseUrl}${target()}`);
        expect(response?.status()).toBe(200);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        if (width === 375 && locale !== 'en') await shot(page, `${name.replace(/ /g, '-')}-375-${locale}`);
        await page.close();
      }, 180_000);
    }
  }
});
