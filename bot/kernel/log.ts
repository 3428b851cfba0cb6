/** Structured JSON logs (pino). Message text and personal data are never logged. */
import { pino, type DestinationStream, type Logger } from 'pino';
import { safeLoggerOptions } from './logSafety.js';

export type { Logger } from 'pino';
export { safeError } from './logSafety.js';

export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  return pino(safeLoggerOptions({ name: 'oma-botti', level, base: undefined }), destination as DestinationStream);
}

/** A logger that drops everything, for tests that don't look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
