/**
 * The admin CLI: `npm run admin -- <command>`. It opens the configured database directly, so with
 * the embedded database run it while the bot is stopped (PGlite allows one process), or use the
 * admin API. Every action is audited with the actor "admin-cli".
 */
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { systemClock } from '../kernel/clock.js';
import { createTranslator } from '../i18n/i18n.js';
import { CliExit, cliConfig, embeddedDatabaseBusy, isMainModule, runCommand, withDatabase } from '../kernel/cli.js';
import { createLogger } from '../kernel/log.js';
import { AuditLog } from '../privacy/audit.js';
import { AuditLogRepository } from '../privacy/auditLogRepository.js';
import { CoachAdminService } from './adminService.js';
import { CoachApiError } from './errors.js';
import { coachAdminRepositories } from './feature.js';

export const USAGE = `Usage: npm run admin -- <command>

  coaches                                 list coaches
  coach add --id ID --name NAME --email EMAIL --languages fi,en --area AREA
            --municipalities "Salo,Turku" --street STREET --postal 24100 --city CITY
  coach deactivate ID | coach activate ID
  token issue COACH_ID api|feed [--label TEXT]   prints the token once
  token revoke TOKEN_ID
  tokens COACH_ID                         list a coach's tokens (never the tokens themselves)
  reassign FROM_COACH_ID TO_COACH_ID [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  outbox [--status pending|sent|failed|skipped] [--limit N]
  outbox show MESSAGE_ID                  the email (text and .ics) as it is sent
  outbox retry MESSAGE_ID|failed          send a failed message (or all failed ones) again
`;

const ACTOR = 'admin-cli';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** Runs one command; returns the exit code. */
export async function runCli(argv: string[], admin: CoachAdminService, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      languages: { type: 'string' },
      area: { type: 'string' },
      municipalities: { type: 'string' },
      street: { type: 'string' },
      postal: { type: 'string' },
      city: { type: 'string' },
      label: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      status: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [cmd, sub, a1, a2] = positionals;
  const print = (v: unknown) => io.out(JSON.stringify(v, null, 2));
  try {
    switch (cmd) {
      case 'coaches':
        for (const c of await admin.listCoaches()) io.out(`${c.id}\t${c.active ? 'active' : 'inactive'}${c.demo ? ' (demo)' : ''}\t${c.name} <${c.email}>\t${c.languages.join(',')}\t${c.area}`);
        return 0;
      case 'coach':
        if (sub === 'add') {
          print(
            await admin.addCoach(ACTOR, {
              id: values.id,
              name: values.name,
              email: values.email,
              languages: list(values.languages),
              area: values.area,
              municipalities: list(values.municipalities),
              office: { street: values.street, postalCode: values.postal, city: values.city },
            }),
          );
          return 0;
        }
        if ((sub === 'deactivate' || sub === 'activate') && a1) {
          const c = await admin.setActive(ACTOR, a1, sub === 'activate');
          io.out(`${c.id}: ${c.active ? 'active' : 'inactive'}`);
          return 0;
        }
        break;
      case 'token':
        if (sub === 'issue' && a1 && a2) {
          const t = await admin.issueToken(ACTOR, a1, a2, values.label);
          io.out(`token id: ${t.id}`);
          io.out(`token (shown once, store it now): ${t.token}`);
          if (t.feedUrl) io.out(`calendar feed URL: ${t.feedUrl}`);
          return 0;
        }
        if (sub === 'revoke' && a1) {
          const t = await admin.revokeToken(ACTOR, a1);
          io.out(`revoked ${t.id} (${t.kind}, coach ${t.coachId})`);
          return 0;
        }
        break;
      case 'tokens':
        if (sub) {
          for (const t of await admin.listTokens(sub)) {
            io.out(`${t.id}\t${t.kind}\t${t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active'}\t${t.label ?? ''}`);
          }
          return 0;
        }
        break;
      case 'reassign':
        if (sub && a1) {
          const r = await admin.reassign(ACTOR, sub, a1, { from: values.from, to: values.to });
          io.out(`moved ${r.moved.length} appointment(s) from ${sub} to ${a1}; ${r.conflicts.length} left in place (the other coach was busy)`);
          for (const id of r.conflicts) io.out(`  not moved: ${id}`);
          return 0;
        }
        break;
      case 'outbox': {
        if (sub === 'show' && a1) {
          const m = await admin.showOutbox(ACTOR, a1);
          if (values.json) {
            print(m);
            return 0;
          }
          io.out(`Message-ID: ${m.messageId}\nKind: ${m.kind}\nStatus: ${m.status} (attempts ${m.attempts}${m.lastError ? `, last error ${m.lastError}` : ''})`);
          io.out(`To: ${m.to ?? '(nobody)'}\nSubject: ${m.subject ?? ''}\n\n${m.text ?? '(the appointment no longer exists)'}`);
          if (m.ics) io.out(`--- invite.ics ---\n${m.ics}`);
          return 0;
        }
        if (sub === 'retry' && a1) {
          const r = await admin.retryOutbox(ACTOR, a1);
          io.out(`${r.requeued} message(s) queued again`);
          return 0;
        }
        if (sub === undefined) {
          const limit = values.limit === undefined ? undefined : Number(values.limit);
          const rows = await admin.listOutbox(ACTOR, { status: values.status, limit });
          if (values.json) {
            print(rows);
            return 0;
          }
          if (rows.length === 0) io.out('The outbox is empty.');
          for (const m of rows) io.out(`${m.id}\t${m.status}\t${m.kind}\t${m.createdAt.toISOString()}\t${m.to ?? ''}\t${m.subject ?? ''}`);
          return 0;
        }
        break;
      }
    }
    io.err(USAGE);
    return 2;
  } catch (err) {
    if (err instanceof CoachApiError) {
      io.err(`error: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

/**
 * Runs `fn` with the admin service over the configured database. The embedded database takes one
 * process at a time, so while the bot runs on it the command stops and names `elsewhere` to use instead.
 */
export async function withCoachAdmin(config: Config, elsewhere: string, fn: (admin: CoachAdminService) => Promise<number>): Promise<number> {
  if (await embeddedDatabaseBusy(config)) {
    throw new CliExit(2, `The bot is running on the embedded database (port ${config.PORT}). Stop it first, or use ${elsewhere}.`);
  }
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  return withDatabase(config, 2, async (prisma) => {
    const admin = new CoachAdminService(coachAdminRepositories(prisma), systemClock, new AuditLog(new AuditLogRepository(prisma), systemClock, logger), {
      translator: createTranslator(),
      publicBaseUrl: config.publicBaseUrl,
      mailFrom: config.MAIL_FROM,
    });
    try {
      return await fn(admin);
    } catch (err) {
      process.stderr.write(`error: ${(err as Error).message}\n`);
      return 1;
    }
  });
}

async function main(): Promise<number> {
  const io = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };
  return withCoachAdmin(cliConfig(), 'the admin API (/api/admin/…)', (admin) => runCli(process.argv.slice(2), admin, io));
}

if (isMainModule(import.meta.url)) await runCommand(main);
