/**
 * The console's page frame and form pieces. Every text that is not a translation of ours is
 * escaped; pages carry no inline script or style (the CSP allows neither), only the one
 * stylesheet /staff/console.css and a section's own script file (/staff/scripts/{id}.js).
 */
import type { TFunction } from '../i18n/i18n.js';
import { escapeHtml } from '../kernel/html.js';
import type { StaffPrincipal } from './auth.js';

export const CONSOLE_LOCALES = ['fi', 'sv', 'en'] as const;
export type ConsoleLocale = (typeof CONSOLE_LOCALES)[number];

export const CONSOLE_LANGUAGE_NAMES: Record<ConsoleLocale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

/** What every page renderer gets: the translator in the console's language and who is signed in. */
export interface View {
  t: TFunction;
  locale: ConsoleLocale;
  principal?: StaffPrincipal;
  /** The service name shown in the header (MUNICIPALITY_NAME). */
  service: string;
}

export const e = escapeHtml;

/** A translated text, escaped. */
export function tx(v: View, key: string, args?: Record<string, unknown>): string {
  return escapeHtml(String(v.t(`console:${key}`, args)));
}

export function csrfField(v: View): string {
  return v.principal ? `<input type="hidden" name="_csrf" value="${e(v.principal.csrfToken)}">` : '';
}

/** A form that posts to `action` with the CSRF token; `body` is its fields and button. */
export function postForm(v: View, action: string, body: string, attrs = ''): string {
  return `<form method="post" action="${e(action)}"${attrs ? ` ${attrs}` : ''}>${csrfField(v)}${body}</form>`;
}

export function button(label: string, kind: 'primary' | 'secondary' | 'danger' = 'primary'): string {
  return `<button type="submit" class="btn btn-${kind}">${label}</button>`;
}

/** A labelled field; `error` (already translated) is announced with the field. */
export function field(opts: { id: string; name: string; label: string; value?: string; type?: string; hint?: string; error?: string; required?: boolean; attrs?: string; describedBy?: string }): string {
  const described = [opts.describedBy ?? '', opts.hint ? `${opts.id}-hint` : '', opts.error ? `${opts.id}-error` : ''].filter(Boolean).join(' ');
  return `<div class="field${opts.error ? ' has-error' : ''}"><label for="${e(opts.id)}">${opts.label}</label>${opts.hint ? `<p class="hint" id="${e(opts.id)}-hint">${opts.hint}</p>` : ''}${
    opts.error ? `<p class="field-error" id="${e(opts.id)}-error">${opts.error}</p>` : ''
  }<input id="${e(opts.id)}" name="${e(opts.name)}" type="${opts.type ?? 'text'}" value="${e(opts.value ?? '')}"${opts.required ? ' required' : ''}${described ? ` aria-describedby="${described}"` : ''}${opts.error ? ' aria-invalid="true"' : ''}${opts.attrs ? ` ${opts.attrs}` : ''}></div>`;
}

export function notice(text: string, kind: 'ok' | 'error' | 'warning' = 'ok'): string {
  return `<div class="notice notice-${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</div>`;
}

interface NavItem {
  href: string;
  key: string;
}

function navItems(p: StaffPrincipal | undefined): NavItem[] {
  if (!p) return [];
  const items: NavItem[] = [];
  if (p.coachId) items.push({ href: '/staff/appointments', key: 'nav.appointments' }, { href: '/staff/availability', key: 'nav.availability' });
  if (p.admin) items.push({ href: '/staff/coaches', key: 'nav.coaches' }, { href: '/staff/outbox', key: 'nav.outbox' }, { href: '/staff/gaps', key: 'nav.gaps' }, { href: '/staff/report', key: 'nav.report' });
  return items;
}

/** The whole page: header with navigation, language links and sign-out, then the main content. */
export function layout(v: View, opts: { title: string; path: string; body: string }): string {
  const nav = navItems(v.principal)
    .map((i) => `<li><a href="${i.href}"${opts.path.startsWith(i.href) ? ' aria-current="page"' : ''}>${tx(v, i.key)}</a></li>`)
    .join('');
  const languages = CONSOLE_LOCALES.map((l) => `<li><a href="/staff/lang/${l}" lang="${l}" hreflang="${l}"${l === v.locale ? ' aria-current="true"' : ''}>${CONSOLE_LANGUAGE_NAMES[l]}</a></li>`).join('');
  const who = v.principal
    ? `<div class="who"><span>${tx(v, 'signedInAs', { email: v.principal.email })}</span>${postForm(v, '/staff/signout', button(tx(v, 'signOut'), 'secondary'))}</div>`
    : '';
  return `<!doctype html>
<html lang="${v.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(opts.title)} – ${tx(v, 'consoleName', { service: v.service })}</title>
<link rel="stylesheet" href="/staff/console.css">
<link rel="icon" href="/staff/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">${tx(v, 'skipToContent')}</a>
<header class="top">
<div class="bar"><p class="brand">${tx(v, 'consoleName', { service: v.service })}</p>${who}</div>
<nav aria-label="${tx(v, 'nav.label')}">${nav ? `<ul class="nav">${nav}</ul>` : ''}<ul class="langs" aria-label="${tx(v, 'nav.language')}">${languages}</ul></nav>
</header>
<main id="main" tabindex="-1">
<h1>${e(opts.title)}</h1>
${opts.body}
</main>
</body>
</html>`;
}

/** A table with a caption; cells are HTML already. */
export function table(caption: string, headers: string[], rows: string[][], opts: { captionHidden?: boolean } = {}): string {
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${caption}"><table><caption${opts.captionHidden ? ' class="visually-hidden"' : ''}>${caption}</caption><thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}
