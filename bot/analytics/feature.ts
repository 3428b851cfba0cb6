/**
 * Coordinator analytics: GET /admin/report?from=YYYY-MM-DD&to=YYYY-MM-DD answers the
 * anonymous per-day report (coordinatorReport.ts) to a caller with the ADMIN_TOKEN bearer token.
 * Without ADMIN_TOKEN the route is not installed (404), so nothing is exposed by default.
 */
import type { Request, Response, Server } from 'restify';
import type { Config } from '../config.js';
import type { PrismaClient } from '../db/database.js';
import { sendError } from '../http/errors.js';
import { requireAdmin } from '../kernel/adminAuth.js';
import type { Clock } from '../kernel/clock.js';
import { lastHelsinkiDays } from '../kernel/helsinkiTime.js';
import type { Feature } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { CoordinatorReportService, ReportRangeError } from './coordinatorReport.js';
import { ReportRepository } from './reportRepository.js';

export interface AnalyticsFeature extends Feature {
  reports: CoordinatorReportService;
}

export interface AnalyticsFeatureDeps {
  config: Config;
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  /** Article titles for the report's topic counts. */
  kb: KnowledgeBase;
}

export function createAnalyticsFeature(deps: AnalyticsFeatureDeps): AnalyticsFeature {
  const reports = new CoordinatorReportService(new ReportRepository(deps.prisma), deps.clock, deps.kb);
  const adminToken = deps.config.ADMIN_TOKEN;
  return {
    name: 'analytics',
    routes: adminToken ? [reportRoute(reports, adminToken, deps)] : [],
    reports,
  };
}

function reportRoute(reports: CoordinatorReportService, adminToken: string, ctx: Pick<AnalyticsFeatureDeps, 'clock' | 'logger'>) {
  return (server: Server): void => {
    server.get('/admin/report', async (req: Request, res: Response) => {
      if (!requireAdmin(req, res, adminToken)) return;
      const query = (req.query ?? {}) as Record<string, unknown>;
      const fallback = lastHelsinkiDays(ctx.clock, 30);
      const from = query.from ?? fallback.from;
      const to = query.to ?? (query.from === undefined ? fallback.to : from);
      if (typeof from !== 'string' || typeof to !== 'string') {
        sendError(res, 400, 'BadRequest', '"from" and "to" must be given once each, as YYYY-MM-DD.');
        return;
      }
      try {
        const report = await reports.report({ from, to });
        res.header('Cache-Control', 'no-store');
        res.send(200, report);
      } catch (err) {
        if (err instanceof ReportRangeError) {
          sendError(res, 400, 'BadRequest', err.message);
          return;
        }
        ctx.logger.error({ err }, 'analytics: report failed');
        sendError(res, 500, 'InternalError', 'Internal error');
      }
    });
  };
}
