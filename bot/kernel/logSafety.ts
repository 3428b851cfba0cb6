/**
 * Logger settings that keep message text and personal data out of logs.
 *
 * Three layers, because any one of them can be bypassed by a careless call site:
 * field redaction by path, an error serializer that scrubs messages, and a hook that
 * scrubs personal data from free-text log messages.
 */
import type { LoggerOptions } from 'pino';
import { redact } from './redact.js';

export const LOG_CENSOR = '[redacted]';

/**
 * Paths whose values are never logged. Activity text, card values and display names are
 * user-supplied (error and logger names are not, and operators need them); request bodies carry them too; auth headers and cookies are credentials.
 */
export const LOG_REDACT_PATHS: readonly string[] = [
  'text',
  'value',
  'email',
  'phone',
  'jobseekerName',
  'from.name',
  'user.name',
  'body',
  'attachments',
  '*.text',
  '*.value',
  '*.email',
  '*.phone',
  '*.jobseekerName',
  '*.user.name',
  '*.body',
  '*.attachments',
  '*.from.name',
  '*.recipient.name',
  '*.channelData',
  'activity.text',
  'activity.value',
  'activity.from.name',
  'activity.attachments',
  'activity.channelData',
  'req.body',
  'req.query',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-ms-bot-agent"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
  'token',
  '*.token',
  'password',
  '*.password',
];

export interface SafeError {
  type: string;
  message: string;
  code?: string | number;
  statusCode?: number;
  /** Stack frames only; the first stack line repeats the message and is dropped. */
  stack?: string;
  cause?: SafeError;
}

const MAX_CAUSE_DEPTH = 3;
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$|^[0-9A-Z]{5}$/;
const MAX_MESSAGE_CHARS = 500;

/**
 * Libraries quote the values they were given in their error messages: Prisma's argument dump
 * (`name: "…"`), PostgreSQL (`invalid input syntax for type integer: "…"`), JSON.parse
 * (`Unexpected token 'h', "hei kaikki" is not valid JSON`), zod. Such a value may be someone's
 * message or name, which redact() cannot recognise, and it may itself hold quotes, so everything from
 * the first quote to the last goes. An apostrophe inside a word ("can't", "Matti's") neither opens
 * nor closes; Prisma's identifiers in backticks are kept.
 */
const QUOTED = /(?:"|(?<![\p{L}\p{N}])')[\s\S]*(?:"|'(?![\p{L}\p{N}]))/u;
export const QUOTED_CENSOR = '[quoted]';

function scrub(value: string): string {
  const unquoted = value.replace(QUOTED, QUOTED_CENSOR);
  const clipped = unquoted.length > MAX_MESSAGE_CHARS ? `${unquoted.slice(0, MAX_MESSAGE_CHARS)}…` : unquoted;
  return redact(clipped).text;
}

function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.join('\n') : undefined;
}

function toSafeError(err: unknown, depth: number): SafeError {
  if (err instanceof Error) {
    const withCode = err as Error & { code?: unknown; statusCode?: unknown; status?: unknown };
    const out: SafeError = { type: err.name || err.constructor?.name || 'Error', message: scrub(String(err.message ?? '')) };
    if (typeof withCode.code === 'string' || typeof withCode.code === 'number') out.code = withCode.code;
    const status = typeof withCode.statusCode === 'number' ? withCode.statusCode : withCode.status;
    if (typeof status === 'number') out.statusCode = status;
    const frames = stackFrames(err.stack);
    if (frames !== undefined) out.stack = frames;
    if (err.cause !== undefined && depth < MAX_CAUSE_DEPTH) out.cause = toSafeError(err.cause, depth + 1);
    return out;
  }
  if (typeof err === 'string') return { type: 'string', message: scrub(err) };
  // Plain objects (a thrown object, a driver's error details) may hold anything: keep only an
  // identifier-shaped name and code.
  const out: SafeError = { type: err === null ? 'null' : typeof err, message: '' };
  if (err && typeof err === 'object') {
    const { name, code } = err as { name?: unknown; code?: unknown };
    if (typeof name === 'string' && IDENTIFIER.test(name)) out.type = name;
    if ((typeof code === 'string' && IDENTIFIER.test(code)) || typeof code === 'number') out.code = code;
  }
  return out;
}

/** Serializer for pino's `err` key: keeps what identifies a bug, scrubs what identifies a person. */
export function safeError(err: unknown): SafeError {
  return toSafeError(err, 0);
}

/**
 * Options to spread into `pino(...)`. Caller options win except for redaction and the error
 * serializers, which are always kept.
 */
export function safeLoggerOptions(overrides: LoggerOptions = {}): LoggerOptions {
  return {
    ...overrides,
    redact: { paths: [...LOG_REDACT_PATHS], censor: LOG_CENSOR },
    serializers: { ...(overrides.serializers ?? {}), err: safeError, error: safeError },
    hooks: {
      ...(overrides.hooks ?? {}),
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? redact(arg).text : arg)) as typeof args;
        return method.apply(this, scrubbed);
      },
    },
  };
}
