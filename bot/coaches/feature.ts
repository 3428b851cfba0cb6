/**
 * Coaches: the personal calendar feed, the coach REST API and, when ADMIN_TOKEN is set, the admin
 * API for coaches, tokens, reassignment and the outbox. No dialog and no jobs.
 */
import type { Config } from '../config.js';
import type { PrismaClient } from '../db/database.js';
import type { Clock } from '../kernel/clock.js';
import type { Feature } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import type { RenderSettings } from '../notifications/render.js';
import type { AuditLog } from '../privacy/audit.js';
import { CoachAdminService } from './adminService.js';
import { CoachService } from './coachService.js';
import { adminRoutes, coachApiRoutes, coachFeedRoute } from './routes.js';

export interface CoachesFeature extends Feature {
  coaches: CoachService;
  admin: CoachAdminService;
}

export interface CoachesFeatureDeps {
  config: Config;
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
  /** How notifications render the outbox, for the admin API's outbox view. */
  render: RenderSettings;
}

export function createCoachesFeature(deps: CoachesFeatureDeps): CoachesFeature {
  const { prisma, clock, logger, config, audit, render } = deps;
  const coaches = new CoachService(prisma, clock);
  const admin = new CoachAdminService(prisma, clock, audit, render);
  const routeDeps = { logger, tokens: admin.tokens, coaches, audit, render };
  return {
    name: 'coaches',
    routes: [coachFeedRoute(routeDeps), coachApiRoutes(routeDeps), ...(config.ADMIN_TOKEN ? [adminRoutes({ logger, admin, adminToken: config.ADMIN_TOKEN })] : [])],
    coaches,
    admin,
  };
}
