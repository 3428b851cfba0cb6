/**
 * What the command-line tools (npm run admin, gaps, report, db:seed) share: the configuration, the
 * database, and the embedded database's rule of one process at a time.
 */
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDatabase, type Database, type PrismaClient } from '../db/database.js';

/** Ends a command with a message for the operator on stderr and an exit code, without a stack. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'CliExit';
  }
}

/** True when the module is the script node was started with, not imported (by a test, say). */
export function isMainModule(moduleUrl: string): boolean {
  return Boolean(process.argv[1]) && moduleUrl === pathToFileURL(process.argv[1]).href;
}

/** The configuration; a ConfigError is the operator's to fix, so it ends the command with exit code 2. */
export function cliConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliExit(2, err.message);
    throw err;
  }
}

/** The bot on this machine at the configured host and port (a wildcard bind answers on loopback). */
export function localBotUrl(host: string, port: number): string {
  const target = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${target.includes(':') ? `[${target}]` : target}:${port}`;
}

/** True when a bot answers on the configured port with the embedded database open. */
export async function embeddedBotRunning(host: string, port: number): Promise<boolean> {
  if (port === 0) return false;
  try {
    const res = await fetch(`${localBotUrl(host, port)}/healthz`, { signal: AbortSignal.timeout(1500) });
    const body = (await res.json()) as { database?: string };
    return body.database === 'pglite';
  } catch {
    return false;
  }
}

/**
 * True when this configuration uses the embedded database and a bot has it open: a second process
 * on the same folder would corrupt it.
 */
export async function embeddedDatabaseBusy(config: Config, botRunning: (host: string, port: number) => Promise<boolean> = embeddedBotRunning): Promise<boolean> {
  return !config.DATABASE_URL && (await botRunning(config.host, config.PORT));
}

/** Opens the configured database for `use` and closes it afterwards, also when `use` throws. */
export async function withDatabase<T>(config: Config, poolMax: number, use: (prisma: PrismaClient, db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, poolMax });
  try {
    return await use(db.prisma, db);
  } finally {
    await db.close();
  }
}

/**
 * Runs a command and exits with the code it returns. A CliExit prints its message and exits with its
 * code; any other error is a bug and is rethrown with its stack.
 */
export async function runCommand(main: () => Promise<number>): Promise<void> {
  let code: number;
  try {
    code = await main();
  } catch (err) {
    if (!(err instanceof CliExit)) throw err;
    process.stderr.write(`${err.message}\n`);
    code = err.exitCode;
  }
  process.exit(code);
}
