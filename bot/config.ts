/**
 * The only module that reads process.env. Every key is documented in .env.example; an invalid
 * value stops startup with a message that names the variable.
 */
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import { SUPPORTED_LOCALES } from './i18n/locales.js';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** Shown when no municipality is configured; the welcome then names no municipality. */
export const DEFAULT_SERVICE_NAME = 'OMA-botti';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3978),
  HOST: optionalString,
  PUBLIC_BASE_URL: optionalString.pipe(z.url().optional()),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: z.string().default('./data'),
  DB_POOL_MAX: positiveInt.default(10),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: optionalString.pipe(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
  MicrosoftAppTenantId: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer token for GET /metrics on the main port. */
  METRICS_TOKEN: optionalString.pipe(z.string().min(24, 'must be at least 24 characters').optional()),
  /** Serve /metrics on this internal port (same HOST) instead of the main one. */
  METRICS_PORT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).optional()),
  MAX_BODY_BYTES: positiveInt.default(256 * 1024),
  TURN_TIMEOUT_MS: positiveInt.default(15_000),
  DEFAULT_LOCALE: z.enum(SUPPORTED_LOCALES).default('fi'),
  MUNICIPALITY_NAME: z.string().default(DEFAULT_SERVICE_NAME),
  // Web widget (bot/webchat): the self-hosted Direct Line channel.
  /** How long a widget token is valid; the page refreshes it every 15 minutes while open. */
  WEBCHAT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
  /** How long a poll for new activities is held open waiting for something new. */
  WEBCHAT_LONG_POLL_MS: z.coerce.number().int().min(0).max(15_000).default(10_000),
  /** How often waiting polls check the database for activities written by another process. */
  WEBCHAT_POLL_INTERVAL_MS: z.coerce.number().int().min(20).max(5000).default(250),
  /** How long an accepted widget activity stays with the process that took it before another may run its turn. */
  WEBCHAT_INBOX_LEASE_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** Azure Bot Service Direct Line secret: set it and the page talks to Azure's Direct Line instead of this server's. */
  WEBCHAT_DIRECT_LINE_SECRET: optionalString,
  /** Azure's Direct Line endpoint (a regional one, e.g. https://europe.directline.botframework.com/v3/directline). */
  WEBCHAT_DIRECT_LINE_URL: z
    .string()
    .trim()
    .default('https://directline.botframework.com/v3/directline')
    .pipe(z.url().regex(/^https?:\/\/[^?#]+[^/?#]$/, 'must be an http(s) URL without a trailing slash')),
  // Question answering (bot/knowledge): grounded LLM answers when a key or a base URL is set.
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** Azure OpenAI: with an API version set, OPENAI_BASE_URL is the Azure endpoint and OPENAI_MODEL the deployment. */
  OPENAI_API_VERSION: optionalString,
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(8000).default(8000),
  /** Bearer token for the admin endpoints; they answer 404 while it is unset. */
  ADMIN_TOKEN: optionalString.pipe(z.string().min(24, 'must be at least 24 characters').optional()),
  KNOWLEDGE_GAP_RETENTION_DAYS: positiveInt.default(365),
  // Booking (bot/booking)
  /** Upsert the demo coaches at startup; default on for the embedded database, off for PostgreSQL. */
  SEED_DEMO_DATA: optionalString.pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], 'must be true or false').optional()),
  /** smtp://user:pass@host:587 or smtps://…; unset keeps outgoing mail in the outbox. */
  SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional()),
  MAIL_FROM: z.string().trim().min(3).default('OMA-botti <no-reply@oma-botti.invalid>'),
  BOOKING_SLOT_MINUTES: z.coerce.number().int().min(15).max(240).default(45),
  BOOKING_LEAD_MINUTES: z.coerce.number().int().min(0).max(10_080).default(120),
  BOOKING_HORIZON_DAYS: z.coerce.number().int().min(1).max(180).default(28),
  BOOKING_MAX_UPCOMING: z.coerce.number().int().min(1).max(20).default(2),
  BOOKING_REMINDER_HOURS: z.coerce.number().min(1).max(168).default(24),
  /** e.g. https://meet.example.org/oma/{appointmentId}; without it video meetings are not offered. */
  VIDEO_LINK_TEMPLATE: optionalString,
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(20),
  /** Live chat (bot/handoff): how long a jobseeker waits in the queue before the call-back offer. */
  HANDOFF_QUEUE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(240).default(10),
  // Privacy and security (bot/privacy, bot/security, bot/http)
  /** The controller's contact details shown in the privacy notice (address, email or phone). */
  CONTROLLER_CONTACT: optionalString,
  /** The data protection officer's contact, if the municipality has one. */
  DPO_CONTACT: optionalString,
  /** Transcripts and conversations older than this many days are deleted. */
  RETENTION_DAYS: positiveInt.default(90),
  /**
   * A dialog left unfinished (a booking with its contact details, a question, a language offer
   * with the message that caused it) is cleared from the conversation state after this many idle hours.
   */
  ABANDONED_DIALOG_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24),
  /** Past appointments are anonymised this many days after they took place. */
  APPOINTMENT_RETENTION_DAYS: positiveInt.default(365),
  /** A profile (user row, preferences, eligibility answers) unused for this many days is erased. */
  PROFILE_RETENTION_DAYS: positiveInt.default(365),
  /** Feedback messages (accessibility, privacy) are deleted after this many days. */
  FEEDBACK_RETENTION_DAYS: positiveInt.default(730),
  /** Admin audit log entries are deleted after this many days. */
  AUDIT_RETENTION_DAYS: positiveInt.default(730),
  /** How long a "show my data" download link works. */
  EXPORT_LINK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Where feedback from the feedback form is emailed (needs SMTP_URL); always stored in the database. */
  FEEDBACK_EMAIL: optionalString.pipe(z.email().optional()),
  /** false (default): the socket peer is the client; true: trust X-Forwarded-For fully; n: n proxies in front. */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((v, ctx) => {
      if (v === '' || v === 'false' || v === '0') return false as boolean | number;
      if (v === 'true') return true;
      if (/^\d{1,2}$/.test(v)) return Number(v);
      ctx.addIssue({ code: 'custom', message: 'must be true, false or a number of proxies' });
      return z.NEVER;
    }),
  /** Origins allowed to call the API from a browser (CORS), comma-separated; empty allows none. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be origins such as https://www.example.fi'))),
  /** Origins allowed to embed the widget page in a frame (CSP frame-ancestors), comma-separated. */
  FRAME_ANCESTORS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s;]+$/, 'must be origins such as https://www.example.fi'))),
  /** Requests per minute per client address (429 beyond, with Retry-After). */
  RATE_LIMIT_PER_MINUTE: positiveInt.default(300),
  /** Messages per minute per conversation on /api/messages. */
  RATE_LIMIT_CONVERSATION_PER_MINUTE: positiveInt.default(30),
  /** Longest message text accepted; longer messages get a polite reply asking for a shorter one. */
  MAX_MESSAGE_CHARS: positiveInt.default(4000),
  // Staff console (bot/staff): sign-in through the municipality's OpenID Connect identity provider.
  /** The identity provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0; unset: sign-in links only. */
  STAFF_OIDC_ISSUER: optionalString.pipe(z.url().optional()),
  STAFF_OIDC_CLIENT_ID: optionalString,
  STAFF_OIDC_CLIENT_SECRET: optionalString,
  /** The ID token claim holding the person's email; "email" must come with email_verified = true. */
  STAFF_OIDC_EMAIL_CLAIM: z.string().trim().regex(/^[A-Za-z_][\w.:-]{0,63}$/, 'must be a claim name').default('email'),
  /** Emails that are admins in the console, comma-separated. */
  STAFF_ADMIN_EMAILS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.email('must be email addresses separated by commas'))),
  /** A value of the roles claim that makes the person an admin (e.g. an Entra ID app role "OmaBotti.Admin"). */
  STAFF_ADMIN_ROLE: optionalString,
  STAFF_ROLES_CLAIM: z.string().trim().regex(/^[A-Za-z_][\w.:-]{0,63}$/, 'must be a claim name').default('roles'),
  /** A console session ends after this many minutes without a request. */
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(720).default(30),
  /** Sign-in attempts per minute per client address (429 beyond). */
  STAFF_SIGNIN_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  /** How long a one-time sign-in link works. */
  STAFF_SIGNIN_LINK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Bot Framework OpenID metadata (normally the SDK's public-cloud defaults; tests point them at loopback). */
  ToBotFromChannelOpenIdMetadataUrl: optionalString.pipe(z.url().optional()),
  ToBotFromEmulatorOpenIdMetadataUrl: optionalString.pipe(z.url().optional()),
});

export type RawConfig = z.infer<typeof schema>;

export interface Config extends RawConfig {
  /** Channel auth is on when the MicrosoftApp* settings are present. */
  production: boolean;
  host: string;
  publicBaseUrl: string;
  dataDir: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable}: ${detail}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (if present) beneath the real environment; the real environment wins. */
function readEnvironment(cwd = process.cwd()): Record<string, string | undefined> {
  const file = path.join(cwd, '.env');
  const fromFile = fs.existsSync(file) ? dotenv.parse(fs.readFileSync(file)) : {};
  return { ...fromFile, ...process.env };
}

export function loadConfig(env: Record<string, string | undefined> = readEnvironment()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const raw = parsed.data;
  const production = Boolean(raw.MicrosoftAppId);
  if (production && !raw.MicrosoftAppPassword && raw.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('MicrosoftAppPassword', 'required when MicrosoftAppId is set');
  }
  if (raw.MicrosoftAppType === 'SingleTenant' && !raw.MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId', 'required for MicrosoftAppType=SingleTenant');
  }
  if (raw.STAFF_OIDC_ISSUER && !raw.STAFF_OIDC_CLIENT_ID) {
    throw new ConfigError('STAFF_OIDC_CLIENT_ID', 'required when STAFF_OIDC_ISSUER is set');
  }
  // Local mode has no channel auth, so it stays on loopback unless told otherwise.
  const host = raw.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  const publicBaseUrl = (raw.PUBLIC_BASE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '');
  return { ...raw, production, host, publicBaseUrl, dataDir: path.resolve(raw.DATA_DIR) };
}
