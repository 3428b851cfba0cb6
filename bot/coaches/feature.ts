/**
 * Coaches as a feature: the personal calendar feed, the coach REST API and, when ADMIN_TOKEN is
 * set, the admin API for coaches, tokens, reassignment and the outbox. No menu and no jobs.
 */
import type { Feature, FeatureContext } from '../features.js';
import { renderSettings } from '../notifications/feature.js';
import { AuditLog } from '../privacy/audit.js';
import { CoachAdminService } from './adminService.js';
import { CoachService } from './coachService.js';
import { adminRoutes, coachApiRoutes, coachFeedRoute } from './routes.js';

export interface CoachesFeature extends Feature {
  coaches: CoachService;
  admin: CoachAdminService;
}

export function createCoachesFeature(ctx: FeatureContext): CoachesFeature {
  const { prisma, clock, logger, config } = ctx;
  const audit = new AuditLog(prisma, clock, logger);
  const render = renderSettings(ctx);
  const coaches = new CoachService(prisma, clock);
  const admin = new CoachAdminService(prisma, clock, audit, render);
  const deps = { logger, tokens: admin.tokens, coaches, audit, render };
  return {
    name: 'coaches',
    routes: [coachFeedRoute(deps), coachApiRoutes(deps), ...(config.ADMIN_TOKEN ? [adminRoutes({ logger, admin, adminToken: config.ADMIN_TOKEN })] : [])],
    coaches,
    admin,
  };
}
