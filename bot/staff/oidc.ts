/**
 * OpenID Connect sign-in with the municipality's identity provider (Microsoft Entra ID or any
 * standard issuer), through openid-client: authorization code flow with PKCE, state and nonce.
 * The provider's metadata is discovered on first use and kept; a failed discovery is retried on
 * the next sign-in rather than stopping the bot.
 */
import * as client from 'openid-client';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Where the provider sends the browser back: {PUBLIC_BASE_URL}/staff/auth/callback. */
  redirectUri: string;
}

export interface OidcStart {
  url: string;
  state: string;
  codeVerifier: string;
  nonce: string;
}

export type IdClaims = Record<string, unknown>;

export class OidcClient {
  private config: Promise<client.Configuration> | undefined;

  constructor(private readonly s: OidcSettings) {}

  private configuration(): Promise<client.Configuration> {
    if (!this.config) {
      const issuer = new URL(this.s.issuer);
      // Plain http is only for an issuer on this machine (tests, local development).
      const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      this.config = client
        .discovery(issuer, this.s.clientId, this.s.clientSecret ? { client_secret: this.s.clientSecret } : undefined, this.s.clientSecret ? client.ClientSecretPost(this.s.clientSecret) : client.None(), loopback ? { execute: [client.allowInsecureRequests] } : undefined)
        .catch((err: unknown) => {
          this.config = undefined;
          throw err;
        });
    }
    return this.config;
  }

  async start(): Promise<OidcStart> {
    const config = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.s.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, codeVerifier, nonce };
  }

  /** Exchanges the callback's code; the ID token's signature, issuer, audience, nonce and times are checked. */
  async finish(callbackUrl: URL, checks: { state: string; codeVerifier: string; nonce: string }): Promise<IdClaims> {
    const config = await this.configuration();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    return { ...claims };
  }
}
