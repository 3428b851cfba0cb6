/**
 * Coaches: the personal calendar feed, the coach REST API and, when ADMIN_TOKEN is set, the admin
 * API for coaches, tokens, reassignment and the outbox. No dialog and no jobs.
 */
import { CoachRepository } from '../booking/coachRepository.js';
import type { Config } from '../config.js';
import type { PrismaClient } from '../db/database.js';
import type { Clock } from '../kernel/clock.js';
import type { Feature } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import { OutboxRepository } from '../notifications/outboxRepository.js';
import type { RenderSettings } from '../notifications/render.js';
import type { AuditLog } from '../privacy/audit.js';
import { CoachAdminService, type CoachAdminRepositories } from './adminService.js';
import { CoachAppointmentRepository } from './coachAppointmentRepository.js';
import { CoachService } from './coachService.js';
import { CoachTokenRepository } from './coachTokenRepository.js';
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

/** The repositories coach administration works on (the app and the admin CLI). */
export function coachAdminRepositories(prisma: PrismaClient): CoachAdminRepositories {
  return {
    coaches: new CoachRepository(prisma),
    tokens: new CoachTokenRepository(prisma),
    appointments: new CoachAppointmentRepository(prisma),
    outbox: new OutboxRepository(prisma),
  };
}

export function createCoachesFeature(deps: CoachesFeatureDeps): CoachesFeature {
  const { prisma, clock, logger, config, audit, render } = deps;
  const repositories = coachAdminRepositories(prisma);
  const coaches = new CoachService(repositories.appointments, repositories.coaches, clock);
  const admin = new CoachAdminService(repositories, clock, audit, render);
  const routeDeps = { logger, tokens: admin.tokens, coaches, audit, render };
  return {
    name: 'coaches',
    routes: [coachFeedRoute(routeDeps), coachApiRoutes(routeDeps), ...(config.ADMIN_TOKEN ? [adminRoutes({ logger, admin, adminToken: config.ADMIN_TOKEN })] : [])],
    coaches,
    admin,
  };
}
