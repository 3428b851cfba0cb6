/**
 * The staff console end to end in real headless Chromium, signing in through a real OpenID Connect
 * issuer started here (oidc-provider on loopback): an admin adds a coach with hours, a jobseeker
 * books that coach in the web widget, the coach signs in and sees the booking in Helsinki time and
 * marks it completed, and another coach cannot see it. Then axe-core checks every console page in
 * Finnish at phone (375 px) and desktop (1280 px) widths: 0 violations. Screenshots go to
 * test-artifacts/staff/ (git-ignored).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import Provider from 'oidc-provider';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../bot/i18n/i18n.js';
import { FixedClock, systemClock } from '../../bot/kernel/clock.js';
import { startTestApp, type RunningApp } from '../support/app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/staff');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ADMIN_EMAIL = 'paivi.admin@salo.example.fi';
const fi = createTranslator().t('fi');
const haveChromium = fs.existsSync(CHROMIUM);

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** A standards-compliant OpenID Connect issuer: any login name is the account, its email verified. */
async function startIssuer(redirectUri: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(url, {
    clients: [{ client_id: 'oma-botti-console', client_secret: 'console-test-secret-0123456789', redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post' }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The console reads the email from the ID token, as Entra ID puts it there.
    conformIdTokenClaims: false,
    findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true, name: id }) }),
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['console-test-cookie-key-0123456789'] },
  });
  server.on('request', provider.callback());
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let running: RunningApp;
let issuer: Awaited<ReturnType<typeof startIssuer>>;
let context: BrowserContext;
let profile: string;
const problems: string[] = [];
const clock = new FixedClock(new Date());

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs in at the issuer's own login and consent pages, as the person would. */
async function signInWithProvider(page: Page, email: string): Promise<void> {
  await context.clearCookies();
  await page.goto(`${running.baseUrl}/staff/`);
  await page.getByRole('link', { name: fi('console:signIn.withProvider') }).click();
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  // The consent page, the first time this account meets the client.
  await page.waitForURL((u) => u.origin === running.baseUrl || /interaction/.test(u.pathname), { timeout: 30_000 });
  if (new URL(page.url()).origin !== running.baseUrl) await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => u.origin === running.baseUrl && u.pathname.startsWith('/staff/') && u.pathname !== '/staff/', { timeout: 30_000 });
}

const BUBBLE = '.webchat__bubble__content';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';

async function seeBubble(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => page.locator(BUBBLE, { hasText: text }).count(), { timeout: 30_000, message: `a bubble with ${String(text)}` }).toBeGreaterThan(0);
}

async function choose(page: Page, title: string): Promise<void> {
  const action = page.locator('.webchat__suggested-action', { hasText: title }).last();
  await action.waitFor({ timeout: 30_000 });
  await action.click();
}

async function say(page: Page, text: string): Promise<void> {
  await page.locator(SEND_BOX).fill(text);
  await page.keyboard.press('Enter');
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run;
    return run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

describe.skipIf(!haveChromium && !process.env.CI)('staff console in headless Chromium with a real OpenID Connect issuer', () => {
  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    issuer = await startIssuer(`${base}/staff/auth/callback`);
    running = await startTestApp(
      {
        PORT: String(port),
        PUBLIC_BASE_URL: base,
        SEED_DEMO_DATA: 'false',
        STAFF_OIDC_ISSUER: issuer.url,
        STAFF_OIDC_CLIENT_ID: 'oma-botti-console',
        STAFF_OIDC_CLIENT_SECRET: 'console-test-secret-0123456789',
        STAFF_ADMIN_EMAILS: ADMIN_EMAIL,
        BOOKING_LEAD_MINUTES: '0',
        STAFF_SIGNIN_PER_MINUTE: '100',
      },
      { clock, rateLimitClock: systemClock, manualJobs: true },
    );
    // Another coach, in Turku, who must not see Salo's bookings.
    await running.app.db.prisma.coach.create({
      data: { id: 'turku-outi', name: 'Outi Turusta', email: 'outi@turku.example.fi', languages: ['fi'], area: 'turku', municipalities: ['Turku'], officeStreet: 'Linnankatu 1', officePostalCode: '20100', officeCity: 'Turku', weeklyHours: { mon: [{ start: '09:00', end: '12:00' }] } },
    });
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-staff-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 900 }, locale: 'fi-FI' });
    context.on('page', (p) => p.on('console', (m) => (m.type() === 'error' ? problems.push(`${p.url()}: ${m.text()}`) : undefined)));
    for (const p of context.pages()) p.on('console', (m) => (m.type() === 'error' ? problems.push(`${p.url()}: ${m.text()}`) : undefined));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    await running?.stop();
    await issuer?.close();
  });

  it('admin adds a coach with hours; a jobseeker books them in the widget; the coach sees it in Helsinki time and marks it completed; another coach cannot see it', async () => {
    const page = context.pages()[0] ?? (await context.newPage());

    // 1. The admin signs in with the identity provider and adds a coach with hours.
    await signInWithProvider(page, ADMIN_EMAIL);
    expect(new URL(page.url()).pathname).toBe('/staff/coaches');
    await expect.poll(() => page.locator('h1').textContent()).toBe(fi('console:coaches.title'));
    await page.getByLabel(fi('console:coach.id')).fill('salo-ville');
    await page.getByLabel(fi('console:coach.name')).fill('Ville Valmentaja');
    await page.getByLabel(fi('console:coach.email')).fill('ville@salo.example.fi');
    await page.getByRole('checkbox', { name: 'suomi' }).check();
    await page.getByLabel(fi('console:service.area')).selectOption('salo');
    await page.getByLabel(fi('console:coach.street')).fill('Tehdaskatu 2');
    await page.getByLabel(fi('console:coach.postalCode')).fill('24100');
    await page.getByLabel(fi('console:coach.city')).fill('Salo');
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) await page.locator(`#weekly-${day}`).fill('00:00–23:15');
    await shot(page, '01-admin-add-coach');
    await page.getByRole('button', { name: fi('console:coaches.addButton') }).click();
    await page.waitForURL(/\/staff\/coaches\/salo-ville/);
    expect(await page.locator('.notice').first().textContent()).toBe(fi('console:done.coachAdded'));
    expect(await page.locator('.notice-warning').count()).toBe(0);
    const stored = await running.app.db.prisma.coach.findUniqueOrThrow({ where: { id: 'salo-ville' } });
    expect(stored.municipalities).toContain('Salo');
    const audit = await running.app.db.prisma.auditLog.findMany({ where: { action: 'coach.add', target: 'coach:salo-ville' } });
    expect(audit.map((a) => a.actor)).toEqual(['staff-admin']);

    // 2. A jobseeker books that coach in the web widget.
    const chat = await context.newPage();
    await chat.goto(`${running.baseUrl}/?lang=fi`);
    await choose(chat, fi('booking:menu.book'));
    await choose(chat, fi('booking:topic.job_search'));
    await choose(chat, fi('booking:mode.phone'));
    await seeBubble(chat, fi('booking:municipality.prompt'));
    await say(chat, 'Salo');
    await seeBubble(chat, fi('booking:slots.prompt'));
    const slot = chat.locator('.webchat__suggested-action').first();
    await slot.waitFor();
    await slot.click();
    await seeBubble(chat, fi('booking:name.prompt'));
    await say(chat, 'Maija Meikäläinen');
    await seeBubble(chat, fi('booking:phone.promptRequired'));
    await say(chat, '040 123 4567');
    await seeBubble(chat, fi('booking:email.prompt'));
    await say(chat, 'maija@example.fi');
    await seeBubble(chat, /henkilötunnustasi/);
    await say(chat, 'Haluan apua CV:n kanssa.');
    await choose(chat, fi('common:choices.yes'));
    // The summary before "yes" names the coach too: wait for the booked message itself, or the row may not be written yet.
    await seeBubble(chat, /Ville Valmentaja kanssa on varattu/);
    await shot(chat, '02-widget-booked');
    const appointment = await running.app.db.prisma.appointment.findFirstOrThrow({ where: { coachId: 'salo-ville' } });
    expect(appointment).toMatchObject({ status: 'booked', jobseekerName: 'Maija Meikäläinen', contactPhone: '+358401234567' });
    await chat.close();

    // 3. The coach signs in once the meeting has begun and sees it in Helsinki time.
    clock.set(new Date(appointment.startsAt.getTime() + 5 * 60_000));
    await signInWithProvider(page, 'ville@salo.example.fi');
    expect(new URL(page.url()).pathname).toBe('/staff/appointments');
    const card = page.locator(`#appointment-${appointment.id}`);
    const helsinki = (d: Date) => new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', hour: 'numeric', minute: '2-digit' }).format(d);
    await expect.poll(() => card.locator('h3').textContent()).toContain(`${helsinki(appointment.startsAt)}–${helsinki(appointment.endsAt)} · Maija Meikäläinen`);
    const details = (await card.textContent()) ?? '';
    expect(details).toContain('+358401234567');
    expect(details).toContain('Haluan apua CV:n kanssa.');
    await shot(page, '03-coach-appointments');
    // Marked completed, with the keyboard.
    await card.getByRole('button', { name: fi('console:appointment.markCompleted') }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=completed/);
    expect(await page.locator('.notice').first().textContent()).toBe(fi('console:done.completed'));
    expect((await running.app.db.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe('completed');
    // The coach has no admin pages.
    expect(await page.getByRole('link', { name: fi('console:nav.coaches') }).count()).toBe(0);

    // 4. Another coach signs in and does not see it.
    await signInWithProvider(page, 'outi@turku.example.fi');
    expect(new URL(page.url()).pathname).toBe('/staff/appointments');
    expect(await page.locator('main').textContent()).not.toContain('Maija');
    expect(await page.locator(`#appointment-${appointment.id}`).count()).toBe(0);
    const foreign = await page.request.post(`${running.baseUrl}/staff/appointments/${appointment.id}/not-attended`, { form: { _csrf: (await page.locator('input[name="_csrf"]').first().getAttribute('value'))! }, maxRedirects: 0 });
    expect(foreign.status()).toBe(403);

    // 5. Someone the identity provider knows but who is neither coach nor admin gets no session.
    await signInWithProviderRefused(page, 'visitor@example.org');
    expect(problems.filter((p) => p.startsWith(running.baseUrl))).toEqual([]);
  }, 300_000);

  it('axe-core finds no violations on any console page, in Finnish, at 375 px and 1280 px; no sideways scrolling on a phone', async () => {
    const prisma = running.app.db.prisma;
    // Content on every page: an upcoming booking with a note, a failed message, a knowledge gap.
    clock.set(new Date());
    const allWeek = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '23:15' }]]));
    await prisma.coach.create({
      data: { id: 'salo-aino', name: 'Aino Axe', email: 'aino@salo.example.fi', languages: ['fi', 'en'], area: 'salo', municipalities: ['Salo'], officeStreet: 'Tehdaskatu 2', officePostalCode: '24100', officeCity: 'Salo', weeklyHours: allWeek },
    });
    const slots = await running.app.features.booking.service.listSlots(['salo-aino'], { limit: 3 });
    await running.app.features.booking.service.reserve({
      jobseeker: { channelId: 'test', channelUserId: 'axe-user' },
      coachId: 'salo-aino',
      startsAt: slots.slots[2].start,
      mode: 'in_person',
      topic: 'benefits',
      meetingLanguage: 'fi',
      locale: 'en',
      interpreterNeeded: false,
      name: 'Sam Smith',
      email: 'sam@example.fi',
      note: 'I would like to talk about a work trial (työkokeilu).',
    });
    await prisma.outboxMessage.updateMany({ where: { kind: 'coach.booked' }, data: { status: 'failed', lastError: 'ECONNREFUSED' } });
    await prisma.knowledgeGap.create({ data: { day: new Date().toISOString().slice(0, 10), locale: 'en', kind: 'not_sure', topScore: 0.2, question: 'How do I apply for a work trial?' } });
    await prisma.coach.update({ where: { id: 'turku-outi' }, data: { weeklyHours: {} } });

    const page = await context.newPage();
    const consolePages = ['/staff/appointments', '/staff/availability', '/staff/coaches', '/staff/coaches/turku-outi', '/staff/outbox', '/staff/gaps', '/staff/report'];
    const found: string[] = [];
    const check = async (width: number, p: string) => {
      found.push(...(await axe(page)).map((v) => `${width}px ${p}: ${v}`));
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways, `${p} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
      await shot(page, `axe-${width}${p.replace(/\W+/g, '-')}`);
    };
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      // Signed out: the sign-in page and a sign-in link's page.
      await context.clearCookies();
      expect((await page.goto(`${running.baseUrl}/staff/`))?.status()).toBe(200);
      await check(width, '/staff/');
      const { url } = await running.app.features.staff.auth.createLink('test', 'aino@salo.example.fi', { admin: true });
      expect((await page.goto(url))?.status()).toBe(200);
      await check(width, '/staff/signin/link');
      await page.getByRole('button', { name: fi('console:signIn.continue') }).click();
      await page.waitForURL(/\/staff\/appointments/);
      for (const p of consolePages) {
        const res = await page.goto(`${running.baseUrl}${p}`);
        expect(res?.status(), p).toBe(200);
        expect(new URL(page.url()).pathname).toBe(p);
        expect(await page.locator('html').getAttribute('lang')).toBe('fi');
        await check(width, p);
      }
    }
    expect(found).toEqual([]);
    // The warning for the coach without hours is on the coaches page.
    await page.goto(`${running.baseUrl}/staff/coaches`);
    expect(await page.locator('#warn-turku-outi').textContent()).toContain(fi('console:coaches.reason.noHours'));
    expect(problems.filter((p) => p.startsWith(running.baseUrl))).toEqual([]);
  }, 300_000);
});

async function signInWithProviderRefused(page: Page, email: string): Promise<void> {
  await context.clearCookies();
  await page.goto(`${running.baseUrl}/staff/`);
  await page.getByRole('link', { name: fi('console:signIn.withProvider') }).click();
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => u.origin === running.baseUrl || /interaction/.test(u.pathname), { timeout: 30_000 });
  if (new URL(page.url()).origin !== running.baseUrl) await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => u.origin === running.baseUrl && u.pathname === '/staff/', { timeout: 30_000 });
  expect(new URL(page.url()).searchParams.get('error')).toBe('no_access');
  expect(await page.locator('.notice-error').textContent()).toBe(fi('console:signIn.failure.no_access'));
}
