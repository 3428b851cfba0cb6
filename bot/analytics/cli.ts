/**
 * `npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--days N] [--json]`: the coordinator
 * report from the configured database (DATABASE_URL, or the embedded one in DATA_DIR), as tables
 * or as the same JSON the admin endpoint serves. Default: the last 30 days.
 */
import { parseArgs } from 'node:util';
import { systemClock } from '../kernel/clock.js';
import { CliExit, cliConfig, runCommand, withDatabase } from '../kernel/cli.js';
import { lastHelsinkiDays } from '../kernel/helsinkiTime.js';
import { getKnowledgeBase } from '../knowledge/knowledgeBase.js';
import { CoordinatorReportService, MAX_REPORT_DAYS, ReportRangeError } from './coordinatorReport.js';
import { renderReportTable } from './renderTable.js';
import { ReportRepository } from './reportRepository.js';

const USAGE = 'usage: npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--days N] [--json]';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, days: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const days = args.days === undefined ? 30 : Number(args.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_REPORT_DAYS) {
    process.stderr.write(`--days must be a whole number from 1 to ${MAX_REPORT_DAYS}\n`);
    return 2;
  }
  const fallback = lastHelsinkiDays(systemClock, days);
  const from = args.from ?? fallback.from;
  const to = args.to ?? (args.from ? from : fallback.to);

  const config = cliConfig();
  return withDatabase(config, 2, async (prisma) => {
    try {
      const report = await new CoordinatorReportService(new ReportRepository(prisma), systemClock, getKnowledgeBase()).report({ from, to });
      process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : renderReportTable(report));
      return 0;
    } catch (err) {
      if (err instanceof ReportRangeError) throw new CliExit(2, err.message);
      throw err;
    }
  });
}

await runCommand(() => main(process.argv.slice(2)));
