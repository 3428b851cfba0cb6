/**
 * The public pages of the privacy feature: the privacy notice (/privacy), the accessibility
 * statement with its feedback form (/accessibility, law 306/2019), and the form's POST /feedback.
 * Server-rendered, no script; every text that is not ours is escaped.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { Translator, TFunction } from '../i18n/i18n.js';
import { fromAcceptLanguage, isLocale, isRtl, NATIVE_NAMES, type Locale } from '../i18n/locales.js';
import { formatDate } from '../language/format.js';
import { FEEDBACK_TOPICS, FeedbackValidationError, MAX_CONTACT_CHARS, MAX_FEEDBACK_CHARS, type FeedbackService } from './feedback.js';
import { escapeHtml } from '../kernel/html.js';
import { isPlainObject } from '../kernel/json.js';

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.6;margin:0;color:#1a1a1a;background:#fff}
main,header,footer{max-width:46rem;margin:0 auto;padding:1rem 1.25rem}
header nav a,footer a{margin-inline-end:.9rem;display:inline-block}
a{color:#0b4f9c}a:focus,button:focus,input:focus,textarea:focus,select:focus{outline:3px solid #f5a623;outline-offset:2px}
h1{font-size:1.7rem;line-height:1.25}h2{font-size:1.25rem;margin-top:1.8rem}
label{display:block;font-weight:600;margin-top:1rem}
textarea,input,select{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #555;border-radius:4px}
button{font:inherit;margin-top:1rem;padding:.6rem 1.4rem;background:#0b4f9c;color:#fff;border:0;border-radius:4px;cursor:pointer}
.notice{padding:.8rem 1rem;border-inline-start:4px solid #1e7b34;background:#eef7f0}
.error{padding:.8rem 1rem;border-inline-start:4px solid #b00020;background:#fdecee}
`;
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** No script at all, our one inline style by hash, and forms may post only here. */
const PAGE_CSP = `default-src 'none'; style-src ${STYLE_HASH}; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

/** The date of the accessibility self-assessment this statement describes. */
const STATEMENT_DATE = new Date('2026-11-30T10:00:00Z');

export interface PagesOptions {
  translator: Translator;
  defaultLocale: Locale;
  municipalityName: string;
  controllerContact?: string;
  dpoContact?: string;
  retention: { conversations: number; profile: number; appointments: number; feedback: number };
  feedback: FeedbackService;
}

interface FormState {
  error?: boolean;
  topic?: string;
  message?: string;
  contact?: string;
}

export class PrivacyPages {
  constructor(private readonly o: PagesOptions) {}

  /** ?lang=, then the browser's languages, then the default. */
  localeFor(req: Request): Locale {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const lang = typeof query.lang === 'string' ? query.lang : undefined;
    if (isLocale(lang) && this.o.translator.shipped.includes(lang)) return lang;
    const header = req.headers['accept-language'];
    return fromAcceptLanguage(typeof header === 'string' ? header : undefined, this.o.translator.shipped) ?? this.o.defaultLocale;
  }

  private send(res: Response, status: number, html: string): void {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': PAGE_CSP,
      'Cache-Control': 'no-store',
      'Content-Length': Buffer.byteLength(html),
    });
    res.end(html);
  }

  private layout(locale: Locale, title: string, body: string, path: string): string {
    const t = this.o.translator.t(locale);
    const e = (k: string, args?: Record<string, unknown>) => escapeHtml(String(t(k, args)));
    const languages = this.o.translator.shipped
      .map((l) => `<a href="${path}?lang=${encodeURIComponent(l)}" hreflang="${l}" lang="${l}"${l === locale ? ' aria-current="page"' : ''}>${escapeHtml(NATIVE_NAMES[l])}</a>`)
      .join('');
    return `<!doctype html>
<html lang="${locale}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><nav aria-label="${e('privacy:page.languages')}">${languages}</nav></header>
<main id="main">
${body}
</main>
<footer><a href="/privacy?lang=${locale}">${e('privacy:page.privacyLink')}</a><a href="/accessibility?lang=${locale}">${e('privacy:page.accessibilityLink')}</a><a href="/?lang=${locale}">${e('privacy:page.chatLink')}</a></footer>
</body>
</html>`;
  }

  privacy(req: Request, res: Response): void {
    const locale = this.localeFor(req);
    const t = this.o.translator.t(locale);
    const e = (k: string, args?: Record<string, unknown>) => escapeHtml(String(t(k, args)));
    const { retention } = this.o;
    const contact = this.o.controllerContact ? `<p>${e('privacy:page.contactText', { contact: this.o.controllerContact })}</p>` : `<p>${e('privacy:page.noContact')}</p>`;
    const dpo = this.o.dpoContact ? `<p>${e('privacy:page.dpoText', { contact: this.o.dpoContact })}</p>` : '';
    const show = String((t('privacy:commands.showData', { returnObjects: true }) as string[])[0]);
    const del = String((t('privacy:commands.deleteData', { returnObjects: true }) as string[])[0]);
    const body = `<h1>${e('privacy:page.privacyTitle')}</h1>
<section id="controller"><h2>${e('privacy:page.controllerHeading')}</h2>
<p>${e('privacy:page.controllerText', { municipality: this.o.municipalityName })}</p>
${contact}
${dpo}</section>
<section id="purpose"><h2>${e('privacy:page.purposeHeading')}</h2>
<p>${e('privacy:page.purposeText')}</p></section>
<section id="stored"><h2>${e('privacy:page.storedHeading')}</h2>
<ul><li>${e('privacy:page.storedProfile')}</li><li>${e('privacy:page.storedConversation')}</li><li>${e('privacy:page.storedEligibility')}</li><li>${e('privacy:page.storedAppointment')}</li><li>${e('privacy:page.storedFeedback')}</li></ul>
<p>${e('privacy:page.notStoredText')}</p>
<p>${e('privacy:page.recipientsText')}</p></section>
<section id="retention"><h2>${e('privacy:page.retentionHeading')}</h2>
<ul><li>${e('privacy:page.retentionConversations', { days: retention.conversations })}</li><li>${e('privacy:page.retentionProfile', { days: retention.profile })}</li><li>${e('privacy:page.retentionAppointments', { days: retention.appointments })}</li><li>${e('privacy:page.retentionFeedback', { days: retention.feedback })}</li></ul></section>
<section id="rights"><h2>${e('privacy:page.rightsHeading')}</h2>
<p>${e('privacy:page.rightsText')}</p>
<p>${e('privacy:page.rightsHowText', { show, delete: del })}</p></section>`;
    this.send(res, 200, this.layout(locale, String(t('privacy:page.privacyTitle')), body, '/privacy'));
  }

  accessibility(req: Request, res: Response, status = 200, form: FormState = {}, localeOverride?: Locale): void {
    const locale = localeOverride ?? this.localeFor(req);
    const t = this.o.translator.t(locale);
    const e = (k: string, args?: Record<string, unknown>) => escapeHtml(String(t(k, args)));
    const query = (req.query ?? {}) as Record<string, unknown>;
    const sent = query.sent === '1' && !form.error;
    const topic = form.topic && (FEEDBACK_TOPICS as readonly string[]).includes(form.topic) ? form.topic : 'accessibility';
    const options = FEEDBACK_TOPICS.map((tp) => `<option value="${tp}"${tp === topic ? ' selected' : ''}>${e(`privacy:feedback.topic.${tp}`)}</option>`).join('');
    const body = `<h1>${e('privacy:page.a11yTitle')}</h1>
<p>${e('privacy:page.a11yIntro', { municipality: this.o.municipalityName })}</p>
<section id="status"><h2>${e('privacy:page.a11yStatusHeading')}</h2>
<p>${e('privacy:page.a11yStatusText')}</p></section>
<section id="issues"><h2>${e('privacy:page.a11yIssuesHeading')}</h2>
<p>${e('privacy:page.a11yIssuesText')}</p></section>
<section id="prepared"><p>${e('privacy:page.a11yDateText', { date: formatDate(STATEMENT_DATE, locale) })}</p></section>
<section id="feedback"><h2>${e('privacy:page.a11yFeedbackHeading')}</h2>
<p>${e('privacy:page.a11yFeedbackText')}</p>
${sent ? `<p class="notice" role="status">${e('privacy:page.formSent')}</p>` : ''}
${form.error ? `<p class="error" role="alert" id="form-error">${e('privacy:page.formError', { max: MAX_FEEDBACK_CHARS })}</p>` : ''}
<form method="post" action="/feedback" accept-charset="utf-8">
<input type="hidden" name="lang" value="${locale}">
<input type="hidden" name="page" value="/accessibility">
<label for="topic">${e('privacy:page.formTopic')}</label>
<select id="topic" name="topic">${options}</select>
<label for="message">${e('privacy:page.formMessage')}</label>
<textarea id="message" name="message" rows="6" maxlength="${MAX_FEEDBACK_CHARS}" required${form.error ? ' aria-describedby="form-error" aria-invalid="true"' : ''}>${escapeHtml(form.message ?? '')}</textarea>
<label for="contact">${e('privacy:page.formContact')}</label>
<input id="contact" name="contact" type="text" maxlength="${MAX_CONTACT_CHARS}" autocomplete="email" value="${escapeHtml(form.contact ?? '')}">
<button type="submit">${e('privacy:page.formSend')}</button>
</form></section>
<section id="enforcement"><h2>${e('privacy:page.a11yEnforcementHeading')}</h2>
<p>${e('privacy:page.a11yEnforcementText')}</p></section>`;
    this.send(res, status, this.layout(locale, String(t('privacy:page.a11yTitle')), body, '/accessibility'));
  }

  async submitFeedback(req: Request, res: Response): Promise<void> {
    const body: Record<string, unknown> = isPlainObject(req.body) ? req.body : {};
    const lang = typeof body.lang === 'string' && isLocale(body.lang) && this.o.translator.shipped.includes(body.lang) ? body.lang : this.localeFor(req);
    const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, MAX_FEEDBACK_CHARS * 2) : undefined);
    try {
      await this.o.feedback.submit({ topic: body.topic ?? 'other', message: body.message, contact: body.contact, locale: lang, page: body.page });
    } catch (err) {
      if (!(err instanceof FeedbackValidationError)) throw err;
      this.accessibility(req, res, 400, { error: true, topic: str(body.topic), message: str(body.message), contact: str(body.contact) }, lang);
      return;
    }
    // Post/redirect/get: a reload does not send the feedback twice.
    res.writeHead(303, { Location: `/accessibility?lang=${encodeURIComponent(lang)}&sent=1#feedback`, 'Content-Length': 0 });
    res.end();
  }
}

export type { TFunction };
