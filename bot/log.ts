/** Structured JSON logs. Message text and personal data are never logged. */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      name: 'oma-botti',
      level,
      base: undefined,
      // Belt and braces: even if a caller passes an activity or body, its content is censored.
      redact: {
        paths: ['text', '*.text', 'value', '*.value', 'body', '*.body', 'email', '*.email', 'phone', '*.phone', 'name', 'from.name', '*.from.name', 'headers.authorization', 'headers.cookie'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** A logger that drops everything, for tests that don't look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
