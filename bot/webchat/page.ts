/**
 * The chat page (GET /), its static script and style, Web Chat's prebuilt bundle straight from the
 * installed botframework-webchat package, and the embed script for municipalities' sites.
 *
 * The page has no inline script (its settings travel as a JSON data block), so a strict
 * Content-Security-Policy with script-src 'self' can be applied. No secret reaches it: the page
 * asks /api/webchat/token for a token that grants its own conversation only.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { Translator } from '../i18n/i18n.js';
import { DEFAULT_LOCALE, fromAcceptLanguage, isRtl, NATIVE_NAMES, toSupportedLocale, type Locale } from '../i18n/locales.js';
import { projectPath } from '../kernel/paths.js';
import { municipalities } from '../pilot/pilotData.js';
import { escapeHtml } from '../kernel/html.js';
import { clockPattern, intlLocale, TIME_ZONE } from '../language/format.js';

const STATIC_DIR = projectPath('bot', 'webchat', 'static');

/**
 * Web Chat's own UI language for each shipped locale (it has no Persian, Somali or plain Finnish; our
 * strings cover those). Its dates and times are not taken from it: the page formats them itself.
 */
const WEBCHAT_LOCALES: Record<Locale, string> = {
  fi: 'fi-FI',
  'fi-x-selko': 'fi-FI',
  sv: 'sv-SE',
  en: 'en-US',
  ru: 'ru-RU',
  uk: 'uk-UA',
  et: 'et-EE',
  ar: 'ar-SA',
  so: 'en-US',
  fa: 'en-US',
};

interface Asset {
  body: Buffer;
  gzip?: Buffer;
  etag: string;
  type: string;
  cacheControl: string;
}

function webchatBundlePath(): string {
  return projectPath('node_modules', 'botframework-webchat', 'dist', 'webchat.js');
}

function webchatVersion(): string {
  try {
    return String(JSON.parse(fs.readFileSync(projectPath('node_modules', 'botframework-webchat', 'package.json'), 'utf8')).version);
  } catch {
    return 'unknown';
  }
}

function makeAsset(body: Buffer, type: string, cacheControl: string): Asset {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`, type, cacheControl };
}

/** JSON safe inside a <script type="application/json"> block. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A municipality named in the embed snippet, if it is one we know; its name in the page's language. */
function knownMunicipality(param: unknown, locale: Locale): string | undefined {
  if (typeof param !== 'string' || !param.trim() || param.length > 100) return undefined;
  const wanted = param.trim().toLocaleLowerCase('fi');
  for (const m of municipalities()) {
    const names = [m.id, m.name.fi, m.name.sv, m.name.en].filter((n): n is string => Boolean(n));
    if (names.some((n) => n.toLocaleLowerCase('fi') === wanted)) return (locale === 'sv' && m.name.sv) || (locale === 'en' && m.name.en) || m.name.fi;
  }
  return undefined;
}

export interface PageOptions {
  translator: Translator;
  defaultLocale: Locale;
  municipalityName: string;
  /** Sites allowed to show the page in an iframe (the embed snippet); none means this origin only. */
  frameAncestors?: readonly string[];
  /** Azure's Direct Line endpoint when configured; otherwise the page uses this server's. */
  directLineUrl?: string;
}

/**
 * The page's security headers. Scripts come only from this origin; Web Chat's style elements carry
 * the per-response nonce; the page talks only to this origin and frames nothing.
 */
const EMPTY_STYLE_HASH = `sha256-${createHash('sha256').update('').digest('base64')}`;

function pageSecurityHeaders(nonce: string, frameAncestors: readonly string[] = [], directLineUrl?: string): Record<string, string> {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    // The hash is that of an empty <style>: one of Web Chat's libraries creates one without the
    // nonce and fills it through CSSOM, which CSP does not restrict.
    `style-src 'self' 'nonce-${nonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${directLineUrl ? ` ${new URL(directLineUrl).origin}` : ''}`,
    "media-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors.length ? ["'self'", ...frameAncestors].join(' ') : "'self'"}`,
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    ...(frameAncestors.length ? {} : { 'X-Frame-Options': 'SAMEORIGIN' }),
  };
}

export class WidgetPage {
  private readonly assets = new Map<string, Asset>();
  private bundle: Asset | undefined;

  constructor(private readonly o: PageOptions) {
    for (const [file, type] of [
      ['app.js', 'text/javascript; charset=utf-8'],
      ['app.css', 'text/css; charset=utf-8'],
      ['embed.js', 'text/javascript; charset=utf-8'],
    ] as const) {
      const asset = makeAsset(fs.readFileSync(path.join(STATIC_DIR, file)), type, 'public, max-age=300, must-revalidate');
      asset.gzip = gzipSync(asset.body);
      this.assets.set(file, asset);
    }
  }

  /** Web Chat's bundle, read and compressed once, on first request. */
  private webchatBundle(): Asset {
    if (!this.bundle) {
      const body = fs.readFileSync(webchatBundlePath());
      const asset = makeAsset(body, 'text/javascript; charset=utf-8', 'public, max-age=86400');
      asset.etag = `"webchat-${webchatVersion()}-${asset.etag.slice(1, 12)}"`;
      asset.gzip = gzipSync(body, { level: 6 });
      this.bundle = asset;
    }
    return this.bundle;
  }

  install(server: Server): void {
    server.get('/', async (req: Request, res: Response) => this.page(req, res));
    server.get('/webchat/webchat.js', async (req: Request, res: Response) => this.serve(req, res, this.webchatBundle()));
    server.get('/webchat/:file', async (req: Request, res: Response) => {
      const file = String(req.params.file);
      const asset = file === 'embed.js' ? undefined : this.assets.get(file);
      if (!asset) {
        res.send(404, { error: 'NotFound', message: 'No such file.' });
        return;
      }
      this.serve(req, res, asset);
    });
    server.get('/embed.js', async (req: Request, res: Response) => this.serve(req, res, this.assets.get('embed.js')!));
  }

  private serve(req: Request, res: Response, asset: Asset): void {
    res.header('Cache-Control', asset.cacheControl);
    res.header('ETag', asset.etag);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    const gzip = asset.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? asset.gzip! : asset.body;
    res.writeHead(200, { 'Content-Type': asset.type, 'Content-Length': body.length, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(body);
  }

  /** The locale the page opens in: ?lang=, then the browser's languages, then the default. */
  pageLocale(req: Request): Locale {
    const shipped = this.o.translator.shipped;
    const lang = typeof req.query?.lang === 'string' ? toSupportedLocale(req.query.lang) : undefined;
    if (lang && shipped.includes(lang)) return lang;
    return fromAcceptLanguage(req.headers['accept-language'] as string | undefined, shipped) ?? (shipped.includes(this.o.defaultLocale) ? this.o.defaultLocale : DEFAULT_LOCALE);
  }

  /** The page's own strings for every shipped locale, so the picker can switch without a reload. */
  private strings(municipality: string) {
    const out: Record<string, unknown> = {};
    for (const locale of this.o.translator.shipped) {
      const t = this.o.translator.t(locale);
      out[locale] = {
        title: t('webchat:page.title'),
        subtitle: t('webchat:page.subtitle', { municipality }),
        documentTitle: t('webchat:page.documentTitle', { municipality }),
        languageLabel: t('webchat:page.languageLabel'),
        chatLabel: t('webchat:page.chatLabel'),
        skipToChat: t('webchat:page.skipToChat'),
        connecting: t('webchat:page.connecting'),
        connectionFailed: t('webchat:page.connectionFailed'),
        restart: t('webchat:page.restart'),
        ui: t('webchat:ui', { returnObjects: true }),
      };
    }
    return out;
  }

  private page(req: Request, res: Response): void {
    const locale = this.pageLocale(req);
    const municipality = knownMunicipality(req.query?.municipality, locale) ?? this.o.municipalityName;
    const t = this.o.translator.t(locale);
    const dir = isRtl(locale) ? 'rtl' : 'ltr';
    const nonce = randomBytes(16).toString('base64');
    const settings = {
      nonce,
      locale,
      municipality,
      tokenUrl: '/api/webchat/token',
      domain: this.o.directLineUrl ?? '/v3/directline',
      locales: this.o.translator.shipped.map((code) => ({ code, name: NATIVE_NAMES[code], dir: isRtl(code) ? 'rtl' : 'ltr', webchatLocale: WEBCHAT_LOCALES[code], intlLocale: intlLocale(code), clock: clockPattern(code) })),
      timeZone: TIME_ZONE,
      strings: this.strings(municipality),
    };
    const options = this.o.translator.shipped
      .map((code) => `<option value="${escapeHtml(code)}" lang="${escapeHtml(code === 'fi-x-selko' ? 'fi' : code)}" dir="${isRtl(code) ? 'rtl' : 'ltr'}"${code === locale ? ' selected' : ''}>${escapeHtml(NATIVE_NAMES[code])}</option>`)
      .join('');
    const htmlLang = locale === 'fi-x-selko' ? 'fi' : locale;
    const html = `<!doctype html>
<html lang="${escapeHtml(htmlLang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(String(t('webchat:page.documentTitle', { municipality })))}</title>
<link rel="stylesheet" href="/webchat/app.css">
<script id="oma-settings" type="application/json">${jsonForHtml(settings)}</script>
<script src="/webchat/webchat.js" defer></script>
<script src="/webchat/app.js" defer></script>
</head>
<body>
<a class="skip-link" id="skip-link" href="#chat">${escapeHtml(String(t('webchat:page.skipToChat')))}</a>
<header class="topbar">
  <div class="brand">
    <h1 id="page-title">${escapeHtml(String(t('webchat:page.title')))}</h1>
    <p id="page-subtitle">${escapeHtml(String(t('webchat:page.subtitle', { municipality })))}</p>
  </div>
  <div class="language">
    <label for="language" id="language-label">${escapeHtml(String(t('webchat:page.languageLabel')))}</label>
    <select id="language" name="language" autocomplete="off">${options}</select>
  </div>
</header>
<main id="chat" class="chat" tabindex="-1" aria-label="${escapeHtml(String(t('webchat:page.chatLabel')))}">
  <p id="status" class="status" role="status">${escapeHtml(String(t('webchat:page.connecting')))}</p>
  <div id="webchat" class="webchat"></div>
</main>
</body>
</html>
`;
    const body = Buffer.from(html, 'utf8');
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'Content-Language': htmlLang,
      ...pageSecurityHeaders(nonce, this.o.frameAncestors, this.o.directLineUrl),
      Vary: 'Accept-Language',
    });
    res.end(body);
  }
}
