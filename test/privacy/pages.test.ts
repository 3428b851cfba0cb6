/** The privacy notice and accessibility statement pages in every locale. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../bot/i18n/locales.js';
import { startTestApp, type RunningApp } from '../support/app.js';

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp({
    MUNICIPALITY_NAME: 'Salon kaupunki',
    CONTROLLER_CONTACT: 'kirjaamo@salo.example, <script>alert("x")</script>',
    DPO_CONTACT: 'tietosuoja@salo.example',
    RETENTION_DAYS: '45',
    PROFILE_RETENTION_DAYS: '200',
    APPOINTMENT_RETENTION_DAYS: '300',
    FEEDBACK_RETENTION_DAYS: '400',
  });
});
afterAll(async () => {
  await running?.stop();
});

async function page(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${running.baseUrl}${path}`, { headers });
  return { res, html: await res.text() };
}

describe('/privacy', () => {
  it.each(SUPPORTED_LOCALES)('is served in %s with the controller, purpose, storage, retention and rights', async (locale) => {
    const { res, html } = await page(`/privacy?lang=${locale}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain(`<html lang="${locale}" dir="${locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr'}">`);
    for (const id of ['controller', 'purpose', 'stored', 'retention', 'rights']) expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain('Salon kaupunki');
    expect(html).toContain('tietosuoja@salo.example');
    for (const days of ['45', '200', '300', '400']) expect(html).toMatch(new RegExp(`[^0-9]${days}[^0-9]`));
    // The configured contact is shown as text, never as markup.
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<script');
  });

  it('tells the user the commands for their rights in their language', async () => {
    const { html } = await page('/privacy?lang=en');
    expect(html).toContain('write &quot;show my data&quot; to see and download your data, or &quot;delete my data&quot; to delete it');
    const fi = await page('/privacy?lang=fi');
    expect(fi.html).toContain('&quot;näytä tietoni&quot;');
  });

  it('follows the browser language when ?lang is missing or unknown', async () => {
    const sv = await page('/privacy', { 'accept-language': 'sv-FI,sv;q=0.9,en;q=0.5' });
    expect(sv.html).toContain('<html lang="sv"');
    const junk = await page('/privacy?lang=%3Cscript%3E', { 'accept-language': 'xx' });
    expect(junk.html).toContain('<html lang="fi"');
  });

  it('has a strict Content-Security-Policy and the security headers', async () => {
    const { res } = await page('/privacy?lang=fi');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('/accessibility', () => {
  it.each(SUPPORTED_LOCALES)('is served in %s with the statement and a labelled feedback form', async (locale) => {
    const { res, html } = await page(`/accessibility?lang=${locale}`);
    expect(res.status).toBe(200);
    expect(html).toContain(`dir="${locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr'}"`);
    expect(html).toContain('306/2019');
    expect(html).toContain('<form method="post" action="/feedback"');
    for (const id of ['topic', 'message', 'contact']) expect(html).toMatch(new RegExp(`<label for="${id}">[^<]+</label>`));
    expect(html).toContain('saavutettavuusvaatimukset.fi');
  });
});
