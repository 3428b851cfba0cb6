/** The console's pages for a signed-out person: sign in, confirm a sign-in link, and why a sign-in failed. */
import type { SignInFailure } from './auth.js';
import { button, layout, notice, postForm, tx, type View } from './html.js';

export function signInPage(v: View, opts: { providerConfigured: boolean; failure?: SignInFailure | 'signedOut' | 'expired' }): string {
  const message = opts.failure
    ? opts.failure === 'signedOut'
      ? notice(tx(v, 'signIn.signedOut'))
      : notice(tx(v, `signIn.failure.${opts.failure}`), opts.failure === 'expired' ? 'warning' : 'error')
    : '';
  const provider = opts.providerConfigured
    ? `<p><a class="btn btn-primary" href="/staff/signin/oidc">${tx(v, 'signIn.withProvider')}</a></p><p class="hint">${tx(v, 'signIn.providerHint')}</p>`
    : `<p>${tx(v, 'signIn.noProvider')}</p>`;
  const body = `${message}<p>${tx(v, 'signIn.intro')}</p>${provider}<h2>${tx(v, 'signIn.linkTitle')}</h2><p>${tx(v, 'signIn.linkHelp')}</p><pre class="cmd"><code>npm run admin -- signin-link ${tx(v, 'signIn.emailPlaceholder')}</code></pre>`;
  return layout(v, { title: String(v.t('console:signIn.title')), path: '/staff/', body });
}

export function linkConfirmPage(v: View, token: string, usable: boolean): string {
  const body = usable
    ? `<p>${tx(v, 'signIn.linkConfirm')}</p>${postForm(v, `/staff/signin/link/${token}`, button(tx(v, 'signIn.continue')))}`
    : `${notice(tx(v, 'signIn.failure.link_invalid'), 'error')}<p><a href="/staff/">${tx(v, 'signIn.back')}</a></p>`;
  return layout(v, { title: String(v.t('console:signIn.title')), path: '/staff/signin', body });
}

/** A refusal (wrong role, bad CSRF token, not found) as a page. */
export function problemPage(v: View, titleKey: string, messageKey: string): string {
  return layout(v, { title: String(v.t(`console:${titleKey}`)), path: '/staff/problem', body: `${notice(tx(v, messageKey), 'error')}<p><a href="/staff/">${tx(v, 'backToStart')}</a></p>` });
}
