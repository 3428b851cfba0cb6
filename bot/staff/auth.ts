/**
 * Who may use the staff console, and their sessions. A person signs in with the identity provider
 * (OpenID Connect) or with a one-time link from `npm run admin -- signin-link EMAIL`; they are a
 * coach when their verified email is an active coach's, and an admin when it is in
 * STAFF_ADMIN_EMAILS, their roles claim carries STAFF_ADMIN_ROLE, or the link was made for an admin.
 * Anyone else is refused without a session. Tokens (session cookie, link) are stored only hashed.
 */
import type { CoachRepository } from '../booking/coachRepository.js';
import { normaliseEmail } from '../booking/contact.js';
import type { Clock } from '../kernel/clock.js';
import type { AuditLog } from '../privacy/audit.js';
import { hashToken, newToken, safeEqual } from '../security/tokens.js';
import type { IdClaims, OidcClient } from './oidc.js';
import type { StaffAuthRepository } from './staffAuthRepository.js';

export interface StaffAuthSettings {
  publicBaseUrl: string;
  idleMinutes: number;
  linkMinutes: number;
  adminEmails: readonly string[];
  adminRole?: string;
  rolesClaim: string;
  emailClaim: string;
}

/** The signed-in person, as every console request sees them. */
export interface StaffPrincipal {
  email: string;
  /** Set while the email belongs to an active coach. */
  coachId: string | null;
  coachName: string | null;
  admin: boolean;
  csrfToken: string;
  /** The hash of the session cookie (to sign out). */
  sessionHash: string;
}

export type SignInFailure = 'no_access' | 'unverified_email' | 'link_invalid' | 'provider_failed' | 'state_invalid';

export class SignInError extends Error {
  constructor(readonly reason: SignInFailure) {
    super(reason);
    this.name = 'SignInError';
  }
}

/** A session lasts at most this long however active it is. */
const MAX_SESSION_MS = 12 * 60 * 60 * 1000;
/** How long a browser may take at the identity provider. */
const LOGIN_STATE_MS = 10 * 60 * 1000;
/** lastSeenAt is written at most this often per session. */
const TOUCH_MS = 30_000;
const TOKEN_RE = /^[A-Za-z0-9_-]{20,200}$/;

export class StaffAuthService {
  constructor(
    private readonly repo: StaffAuthRepository,
    private readonly coaches: CoachRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly settings: StaffAuthSettings,
    private readonly oidc?: OidcClient,
  ) {}

  get providerConfigured(): boolean {
    return this.oidc !== undefined;
  }

  /** A one-time sign-in link for this email; `admin` grants admin rights whatever the admin list says. */
  async createLink(actor: string, email: string, options: { admin?: boolean } = {}): Promise<{ url: string; expiresAt: Date }> {
    const normal = normaliseEmail(email);
    if (!normal.ok) throw new SignInLinkInputError('That is not a valid email address.');
    const token = newToken(32);
    const expiresAt = new Date(this.clock.now().getTime() + this.settings.linkMinutes * 60_000);
    await this.repo.createLink({ tokenHash: hashToken(token), email: normal.value.toLowerCase(), admin: options.admin ?? false, expiresAt });
    await this.audit.audit(actor, 'staff.signin_link', null, { admin: options.admin ?? false });
    return { url: `${this.settings.publicBaseUrl}/staff/signin/link/${token}`, expiresAt };
  }

  /** True when the link can still be used (the page that asks the person to confirm). */
  async linkUsable(token: string): Promise<boolean> {
    if (!TOKEN_RE.test(token)) return false;
    return (await this.repo.findUsableLink(hashToken(token), this.clock.now())) !== null;
  }

  /** Uses the link once; the new session's cookie token. */
  async signInWithLink(token: string): Promise<string> {
    if (!TOKEN_RE.test(token)) throw new SignInError('link_invalid');
    const link = await this.repo.useLink(hashToken(token), this.clock.now());
    if (!link) throw new SignInError('link_invalid');
    return this.open(link.email, link.admin, 'link');
  }

  /** Begins a sign-in at the identity provider: where to send the browser, and the state to bind to it. */
  async startProvider(): Promise<{ url: string; state: string }> {
    if (!this.oidc) throw new SignInError('provider_failed');
    let start;
    try {
      start = await this.oidc.start();
    } catch {
      throw new SignInError('provider_failed');
    }
    await this.repo.saveLoginState({ stateHash: hashToken(start.state), codeVerifier: start.codeVerifier, nonce: start.nonce, expiresAt: new Date(this.clock.now().getTime() + LOGIN_STATE_MS) });
    return { url: start.url, state: start.state };
  }

  /**
   * Finishes a sign-in at the callback. `boundState` is the state this browser was given (its
   * cookie): a callback carrying another state is refused, so nobody can sign a victim in as themselves.
   */
  async finishProvider(callbackUrl: URL, boundState: string | undefined): Promise<string> {
    if (!this.oidc) throw new SignInError('provider_failed');
    const state = callbackUrl.searchParams.get('state') ?? '';
    if (!boundState || !state || !safeEqual(state, boundState)) throw new SignInError('state_invalid');
    const pending = await this.repo.takeLoginState(hashToken(state), this.clock.now());
    if (!pending) throw new SignInError('state_invalid');
    let claims: IdClaims;
    try {
      claims = await this.oidc.finish(callbackUrl, { state, ...pending });
    } catch {
      throw new SignInError('provider_failed');
    }
    const email = this.verifiedEmail(claims);
    if (!email) throw new SignInError('unverified_email');
    const roles = claims[this.settings.rolesClaim];
    const roleAdmin = this.settings.adminRole !== undefined && (Array.isArray(roles) ? roles.includes(this.settings.adminRole) : roles === this.settings.adminRole);
    return this.open(email, roleAdmin, 'oidc');
  }

  /**
   * The email to trust. The standard "email" claim counts only with email_verified = true; another
   * configured claim (Entra ID's preferred_username) is one the organisation's directory manages.
   */
  private verifiedEmail(claims: IdClaims): string | undefined {
    const value = claims[this.settings.emailClaim];
    if (typeof value !== 'string') return undefined;
    if (this.settings.emailClaim === 'email' && claims.email_verified !== true) return undefined;
    const normal = normaliseEmail(value);
    return normal.ok ? normal.value.toLowerCase() : undefined;
  }

  private async open(email: string, grantedAdmin: boolean, method: 'oidc' | 'link'): Promise<string> {
    const coach = await this.coaches.findActiveByEmail(email);
    const admin = grantedAdmin || this.settings.adminEmails.includes(email);
    if (!coach && !admin) {
      await this.audit.audit('staff', 'staff.signin_refused', null, { method });
      throw new SignInError('no_access');
    }
    const token = newToken(32);
    const now = this.clock.now();
    await this.repo.createSession({ tokenHash: hashToken(token), email, coachId: coach?.id ?? null, admin, method, csrfToken: newToken(24), lastSeenAt: now, expiresAt: new Date(now.getTime() + MAX_SESSION_MS) });
    await this.audit.audit(actorOf(coach?.id ?? null, admin), 'staff.signin', null, { method, admin, coach: Boolean(coach) });
    return token;
  }

  /** The person behind a session cookie, or null when it is unknown, expired or idle too long. */
  async authenticate(token: string | undefined): Promise<StaffPrincipal | null> {
    if (!token || !TOKEN_RE.test(token)) return null;
    const hash = hashToken(token);
    const row = await this.repo.findSession(hash);
    if (!row) return null;
    const now = this.clock.now().getTime();
    if (row.expiresAt.getTime() <= now || now - row.lastSeenAt.getTime() > this.settings.idleMinutes * 60_000) {
      await this.repo.deleteSession(hash);
      return null;
    }
    // A coach deactivated since sign-in loses their coach pages at once.
    const coach = row.coachId ? await this.coaches.find(row.coachId) : undefined;
    const coachId = coach?.active ? coach.id : null;
    if (!coachId && !row.admin) {
      await this.repo.deleteSession(hash);
      return null;
    }
    if (now - row.lastSeenAt.getTime() > TOUCH_MS) await this.repo.touchSession(hash, new Date(now));
    return { email: row.email, coachId, coachName: coachId ? coach!.name : null, admin: row.admin, csrfToken: row.csrfToken, sessionHash: hash };
  }

  async signOut(principal: StaffPrincipal): Promise<void> {
    await this.repo.deleteSession(principal.sessionHash);
    await this.audit.audit(actorOf(principal.coachId, principal.admin), 'staff.signout', null);
  }

  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    return this.repo.purgeExpired(now, new Date(now.getTime() - this.settings.idleMinutes * 60_000));
  }
}

export class SignInLinkInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInLinkInputError';
  }
}

/** The audit log's actor for a console user: never their email (the audit log holds no personal data). */
export function actorOf(coachId: string | null, admin: boolean): string {
  return admin ? `staff-admin${coachId ? `:coach:${coachId}` : ''}` : `coach:${coachId}`;
}
