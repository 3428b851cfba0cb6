/**
 * `npm run gaps`: the knowledge-gap report for the knowledge team, on the command line.
 *
 *   npm run gaps                          last 30 days, read from the database
 *   npm run gaps -- --days 7 --json       as JSON
 *   npm run gaps -- --from 2026-11-01 --to 2026-11-30
 *   npm run gaps -- --url http://localhost:3978   ask the running bot (ADMIN_TOKEN)
 *
 * Two processes on one embedded database folder would corrupt it: when the bot is running on
 * the embedded database, the CLI asks it over HTTP instead (with ADMIN_TOKEN), or refuses.
 */
import type { Config } from '../config.js';
import { CliExit, cliConfig, embeddedDatabaseBusy, isMainModule, localBotUrl, runCommand, withDatabase } from '../kernel/cli.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import { lastHelsinkiDays } from '../kernel/helsinkiTime.js';
import { GapRepository, type GapReport } from './gapRepository.js';

export interface GapCliArgs {
  from?: string;
  to?: string;
  days: number;
  json: boolean;
  url?: string;
}

export class GapCliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GapCliUsageError';
  }
}

export const USAGE = 'Usage: npm run gaps -- [--days N | --from YYYY-MM-DD --to YYYY-MM-DD] [--json] [--url http://host:port]';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function parseGapArgs(argv: readonly string[]): GapCliArgs {
  const args: GapCliArgs = { days: 30, json: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new GapCliUsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--days': {
        const days = Number(value());
        if (!Number.isInteger(days) || days < 1 || days > 3660) throw new GapCliUsageError('--days must be a whole number from 1 to 3660');
        args.days = days;
        break;
      }
      case '--from':
      case '--to': {
        const day = value();
        if (!DAY_RE.test(day)) throw new GapCliUsageError(`${flag} must be a date as YYYY-MM-DD`);
        args[flag === '--from' ? 'from' : 'to'] = day;
        break;
      }
      case '--url':
        args.url = value().replace(/\/$/, '');
        break;
      case '--help':
      case '-h':
        throw new GapCliUsageError(USAGE);
      default:
        throw new GapCliUsageError(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return args;
}

/** The report as a person reads it in a terminal. */
export function formatGapReport(report: GapReport): string {
  const lines = [`Knowledge gaps ${report.from} – ${report.to}: ${report.total}`];
  if (report.total === 0) return `${lines[0]}\nNo unanswered or low-confidence questions in this period.`;
  const counts = (title: string, record: Record<string, number>) => {
    lines.push('', title);
    for (const [k, n] of Object.entries(record).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`  ${k.padEnd(12)} ${n}`);
  };
  counts('By kind:', report.byKind);
  counts('By locale:', report.byLocale);
  lines.push('', 'Closest article (count, average score):');
  for (const a of report.byTopArticle) lines.push(`  ${(a.articleId ?? '(none)').padEnd(16)} ${String(a.count).padStart(5)}  ${a.averageScore.toFixed(2)}`);
  if (report.questions.length > 0) {
    lines.push('', 'Latest questions (redacted):');
    for (const q of report.questions) lines.push(`  ${q.day} ${q.locale.padEnd(10)} ${q.kind.padEnd(8)} ${(q.topArticleId ?? '-').padEnd(16)} ${q.question}`);
  }
  return lines.join('\n');
}

export interface GapCliDeps {
  config: Config;
  clock?: Clock;
  out(text: string): void;
  fetch?: typeof fetch;
  /** Whether a bot answers on host:port with the embedded database open. */
  botRunning?(host: string, port: number): Promise<boolean>;
}

async function fromServer(args: GapCliArgs, range: { from: string; to: string }, deps: GapCliDeps): Promise<GapReport> {
  const token = deps.config.ADMIN_TOKEN;
  if (!token) throw new GapCliUsageError('--url needs ADMIN_TOKEN in the environment');
  const res = await (deps.fetch ?? fetch)(`${args.url}/api/admin/knowledge/gaps?from=${range.from}&to=${range.to}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`the bot answered ${res.status} ${res.statusText}`);
  return (await res.json()) as GapReport;
}

/** Runs the CLI; returns the exit code. */
export async function runGapsCli(argv: readonly string[], deps: GapCliDeps): Promise<number> {
  const args = parseGapArgs(argv);
  const clock = deps.clock ?? systemClock;
  const defaults = lastHelsinkiDays(clock, args.days);
  const range = { from: args.from ?? defaults.from, to: args.to ?? defaults.to };
  if (range.from > range.to) throw new GapCliUsageError('--from must not be after --to');
  if (!args.url && (await embeddedDatabaseBusy(deps.config, deps.botRunning))) {
    if (!deps.config.ADMIN_TOKEN) {
      throw new GapCliUsageError(`The bot is running on the embedded database (port ${deps.config.PORT}). Set ADMIN_TOKEN to ask it, or stop it first.`);
    }
    args.url = localBotUrl(deps.config.host, deps.config.PORT);
  }
  const report = args.url ? await fromServer(args, range, deps) : await withDatabase(deps.config, 1, (_prisma, db) => new GapRepository(db, clock).report(range));
  deps.out(args.json ? JSON.stringify(report, null, 2) : formatGapReport(report));
  return 0;
}

if (isMainModule(import.meta.url)) {
  await runCommand(async () => {
    try {
      return await runGapsCli(process.argv.slice(2), { config: cliConfig(), out: (text) => console.log(text) });
    } catch (err) {
      if (err instanceof CliExit) throw err;
      if (err instanceof GapCliUsageError) throw new CliExit(2, err.message);
      throw new CliExit(1, `gaps: ${(err as Error).message}`);
    }
  });
}
