/**
 * `npm run admin -- <command>`: every command of the coach admin CLI (bot/coaches/cli.ts), plus
 *
 *   signin-link EMAIL [--admin] [--url http://host:port]
 *
 * which prints a one-time sign-in link to the staff console (/staff/). When a bot answers on the
 * configured port (or at --url), the CLI asks it over HTTP with ADMIN_TOKEN, since the embedded
 * database admits one process; otherwise it opens the database itself.
 */
import { parseArgs } from 'node:util';
import { runCli, USAGE as COACH_USAGE, withCoachAdmin } from '../coaches/cli.js';
import type { Config } from '../config.js';
import { CliExit, cliConfig, embeddedDatabaseBusy, isMainModule, localBotUrl, runCommand, withDatabase } from '../kernel/cli.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import { silentLogger } from '../kernel/log.js';
import { AuditLog } from '../privacy/audit.js';
import { AuditLogRepository } from '../privacy/auditLogRepository.js';
import { SignInLinkInputError, type StaffAuthService } from './auth.js';
import { createStaffAuth } from './feature.js';

export const USAGE = `${COACH_USAGE}  signin-link EMAIL [--admin] [--url http://host:port]
                                          a one-time sign-in link to the staff console (/staff/);
                                          --admin grants admin rights; asks the running bot with
                                          ADMIN_TOKEN, or opens the database when the bot is stopped
`;

export interface StaffCliDeps {
  config: Config;
  out(line: string): void;
  err(line: string): void;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Whether a bot answers on host:port (with any database). */
  botAnswers?(url: string): Promise<boolean>;
  /** Whether a bot has the embedded database open there. */
  botRunning?(host: string, port: number): Promise<boolean>;
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1500) });
    return res.ok || res.status === 503;
  } catch {
    return false;
  }
}

async function linkFromBot(url: string, email: string, admin: boolean, deps: StaffCliDeps): Promise<{ url: string; expiresAt: string }> {
  const token = deps.config.ADMIN_TOKEN;
  if (!token) throw new CliExit(2, 'The bot is running: set ADMIN_TOKEN (the same as the bot\'s) so the CLI can ask it, or stop the bot first.');
  const res = await (deps.fetch ?? fetch)(`${url}/api/admin/staff/signin-links`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email, admin }),
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string; expiresAt?: string; message?: string };
  if (res.status === 400) throw new CliExit(1, `error: ${body.message ?? 'bad request'}`);
  if (!res.ok || !body.url || !body.expiresAt) throw new CliExit(1, `error: the bot answered ${res.status}${res.status === 401 ? ' (is ADMIN_TOKEN the same as the bot\'s?)' : ''}`);
  return { url: body.url, expiresAt: body.expiresAt };
}

async function linkFromDatabase(auth: StaffAuthService, email: string, admin: boolean): Promise<{ url: string; expiresAt: string }> {
  try {
    const link = await auth.createLink('admin-cli', email, { admin });
    return { url: link.url, expiresAt: link.expiresAt.toISOString() };
  } catch (err) {
    if (err instanceof SignInLinkInputError) throw new CliExit(1, `error: ${err.message}`);
    throw err;
  }
}

/** `signin-link EMAIL [--admin] [--url URL]`; returns the exit code. */
export async function runSignInLink(argv: string[], deps: StaffCliDeps): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { admin: { type: 'boolean' }, url: { type: 'string' } } });
  const email = positionals[1];
  if (!email || positionals.length > 2) {
    deps.err(USAGE);
    return 2;
  }
  const admin = values.admin ?? false;
  const { config } = deps;
  const local = localBotUrl(config.host, config.PORT);
  let url = values.url?.replace(/\/$/, '');
  if (!url && config.PORT !== 0) {
    const running = (await embeddedDatabaseBusy(config, deps.botRunning)) || (config.ADMIN_TOKEN !== undefined && (await (deps.botAnswers ?? answers)(local)));
    if (running) url = local;
  }
  const link = url ? await linkFromBot(url, email, admin, deps) : await withDatabase(config, 1, (prisma) => {
        const clock = deps.clock ?? systemClock;
        return linkFromDatabase(createStaffAuth({ config, prisma, clock, audit: new AuditLog(new AuditLogRepository(prisma), clock, silentLogger) }), email, admin);
      });
  deps.out(`One-time sign-in link for ${email}${admin ? ' (admin)' : ''}, valid until ${link.expiresAt}:`);
  deps.out(link.url);
  return 0;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const config = cliConfig();
  const io = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };
  if (argv[0] === 'signin-link') return runSignInLink(argv, { config, ...io });
  return withCoachAdmin(config, 'the admin API (/api/admin/…) or the staff console (/staff/)', async (admin) => {
    const code = await runCli(argv, admin, io);
    // The coach CLI prints its own usage; name the staff command too.
    if (code === 2) io.err('  signin-link EMAIL [--admin]               a one-time sign-in link to the staff console');
    return code;
  });
}

if (isMainModule(import.meta.url)) await runCommand(main);
