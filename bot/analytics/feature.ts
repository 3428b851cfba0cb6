/**
 * Coordinator analytics as a feature: GET /admin/report?from=YYYY-MM-DD&to=YYYY-MM-DD answers the
 * anonymous per-day report (coordinatorReport.ts) to a caller with the ADMIN_TOKEN bearer token.
 * Without ADMIN_TOKEN the route is not installed (404), so nothing is exposed by default.
 */
import type { Request, Response, Server } from 'restify';
import type { Feature, FeatureContext } from '../features.js';
import { sendError } from '../http/server.js';
import { getKnowledgeBase } from '../knowledge/knowledgeBase.js';
import { parseBearer, safeEqual } from '../security/tokens.js';
import { CoordinatorReportService, defaultRange, ReportRangeError } from './coordinatorReport.js';

export interface AnalyticsFeature extends Feature {
  reports: CoordinatorReportService;
}

export function createAnalyticsFeature(ctx: FeatureContext): AnalyticsFeature {
  const reports = new CoordinatorReportService(ctx.prisma, ctx.clock, getKnowledgeBase());
  const adminToken = ctx.config.ADMIN_TOKEN;
  return {
    name: 'analytics',
    routes: adminToken ? [reportRoute(reports, adminToken, ctx)] : [],
    reports,
  };
}

function reportRoute(reports: CoordinatorReportService, adminToken: string, ctx: FeatureContext) {
  return (server: Server): void => {
    server.get('/admin/report', async (req: Request, res: Response) => {
      const presented = parseBearer(req.headers.authorization);
      if (presented === null || !safeEqual(presented, adminToken)) {
        sendError(res, 401, 'Unauthorized', 'A valid admin bearer token is required.', { 'WWW-Authenticate': 'Bearer' });
        return;
      }
      const query = (req.query ?? {}) as Record<string, unknown>;
      const fallback = defaultRange(ctx.clock);
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
        ctx.logger.error({ err: { name: (err as Error).name, code: (err as { code?: string }).code } }, 'analytics: report failed');
        sendError(res, 500, 'InternalError', 'Internal error');
      }
    });
  };
}
