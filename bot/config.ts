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
  MUNICIPALITY_NAME: z.string().default('OMA-botti'),
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
export function readEnvironment(cwd = process.cwd()): Record<string, string | undefined> {
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
  // Local mode has no channel auth, so it stays on loopback unless told otherwise.
  const host = raw.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  const publicBaseUrl = (raw.PUBLIC_BASE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '');
  return { ...raw, production, host, publicBaseUrl, dataDir: path.resolve(raw.DATA_DIR) };
}
