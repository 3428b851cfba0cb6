/**
 * The staff console (/staff/): a browser console for coaches (their appointments, hours, absences,
 * areas and calendar link) and admins (coaches, the outbox, knowledge gaps and the coordinator
 * report), over the same services as the coach API and the admin CLI. Sign-in is OpenID Connect
 * with the municipality's identity provider, or a one-time link from the admin CLI. No dialogs.
 */
import type { CoordinatorReportService } from '../analytics/coordinatorReport.js';
import type { BookingService } from '../booking/bookingService.js';
import { CoachRepository } from '../booking/coachRepository.js';
import type { CoachAdminService } from '../coaches/adminService.js';
import type { CoachService } from '../coaches/coachService.js';
import type { Config } from '../config.js';
import type { PrismaClient } from '../db/database.js';
import type { Translator } from '../i18n/i18n.js';
import type { Clock } from '../kernel/clock.js';
import type { Feature } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import type { GapReport } from '../knowledge/gapRepository.js';
import type { AuditLog } from '../privacy/audit.js';
import type { Request, Response, Server } from 'restify';
import { sendError } from '../http/errors.js';
import { requireAdmin } from '../kernel/adminAuth.js';
import { SignInLinkInputError, StaffAuthService } from './auth.js';
import { StaffConsoleService, type NoteTranslation } from './consoleService.js';
import { OidcClient } from './oidc.js';
import { staffRoutes, type StaffRouteInstaller } from './routes.js';
import type { CoachConsoleSection } from './sections.js';
import { StaffAuthRepository } from './staffAuthRepository.js';

export interface StaffFeature extends Feature {
  auth: StaffAuthService;
  console: StaffConsoleService;
  /** Console routes that need a session. */
  sessionRoutes: StaffRouteInstaller['sessionRoutes'];
}

export interface StaffFeatureDeps {
  config: Config;
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  audit: AuditLog;
  coaches: CoachService;
  admin: CoachAdminService;
  booking: BookingService;
  reports: CoordinatorReportService;
  gaps: { report(range: { from: string; to: string }): Promise<GapReport> };
  /** The Finnish translation of jobseekers' notes, when an LLM is configured. */
  notes?: NoteTranslation;
  /** Parts other features add to the coach's page (the live-handoff switch, say). */
  coachSections?: readonly CoachConsoleSection[];
  /** Real time for the sign-in rate limit. */
  rateLimitClock?: Clock;
}

export const STAFF_PURGE_JOB = 'staff-sessions-purge';

/** The sign-in service alone, for the admin CLI (sign-in links while the bot is stopped). */
export function createStaffAuth(deps: Pick<StaffFeatureDeps, 'config' | 'prisma' | 'clock' | 'audit'>): StaffAuthService {
  const { config } = deps;
  const oidc =
    config.STAFF_OIDC_ISSUER && config.STAFF_OIDC_CLIENT_ID
      ? new OidcClient({ issuer: config.STAFF_OIDC_ISSUER, clientId: config.STAFF_OIDC_CLIENT_ID, clientSecret: config.STAFF_OIDC_CLIENT_SECRET, redirectUri: `${config.publicBaseUrl}/staff/auth/callback` })
      : undefined;
  return new StaffAuthService(
    new StaffAuthRepository(deps.prisma),
    new CoachRepository(deps.prisma),
    deps.clock,
    deps.audit,
    {
      publicBaseUrl: config.publicBaseUrl,
      idleMinutes: config.STAFF_SESSION_IDLE_MINUTES,
      linkMinutes: config.STAFF_SIGNIN_LINK_MINUTES,
      adminEmails: config.STAFF_ADMIN_EMAILS,
      adminRole: config.STAFF_ADMIN_ROLE,
      rolesClaim: config.STAFF_ROLES_CLAIM,
      emailClaim: config.STAFF_OIDC_EMAIL_CLAIM,
    },
    oidc,
  );
}

export function createStaffFeature(deps: StaffFeatureDeps): StaffFeature {
  const { config, clock, logger } = deps;
  const auth = createStaffAuth(deps);
  const console = new StaffConsoleService({ coaches: deps.coaches, admin: deps.admin, booking: deps.booking, audit: deps.audit, clock, notes: deps.notes });
  const routes = staffRoutes({
    auth,
    console,
    coaches: deps.coaches,
    admin: deps.admin,
    reports: deps.reports,
    gaps: deps.gaps,
    translator: deps.translator,
    logger,
    clock,
    sections: deps.coachSections ?? [],
    settings: {
      secureCookies: config.publicBaseUrl.startsWith('https://'),
      service: config.MUNICIPALITY_NAME,
      trustProxy: config.TRUST_PROXY,
      smtp: Boolean(config.SMTP_URL),
      publicBaseUrl: config.publicBaseUrl,
      signInPerMinute: config.STAFF_SIGNIN_PER_MINUTE,
      rateLimitClock: deps.rateLimitClock,
    },
  });
  return {
    name: 'staff',
    auth,
    console,
    sessionRoutes: routes.sessionRoutes,
    routes: [routes, ...(config.ADMIN_TOKEN ? [signInLinkRoute(auth, config.ADMIN_TOKEN, logger)] : [])],
    jobs: [
      {
        name: STAFF_PURGE_JOB,
        intervalMs: 15 * 60_000,
        run: async () => {
          const removed = await auth.purgeExpired();
          if (removed > 0) logger.info({ staff: { purged: removed } }, 'expired staff sessions and sign-in links deleted');
        },
      },
    ],
  };
}

/** POST /api/admin/staff/signin-links {"email", "admin"?}: how `npm run admin -- signin-link` asks a running bot. */
function signInLinkRoute(auth: StaffAuthService, adminToken: string, logger: Logger) {
  return (server: Server): void => {
    server.post('/api/admin/staff/signin-links', async (req: Request, res: Response) => {
      if (!requireAdmin(req, res, adminToken)) return;
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (typeof body !== 'object' || typeof body.email !== 'string' || (body.admin !== undefined && typeof body.admin !== 'boolean')) {
        sendError(res, 400, 'BadRequest', '"email" must be an email address and "admin" true or false.');
        return;
      }
      try {
        const link = await auth.createLink('admin-api', body.email, { admin: body.admin === true });
        res.header('Cache-Control', 'no-store');
        res.send(201, { url: link.url, expiresAt: link.expiresAt.toISOString() });
      } catch (err) {
        if (err instanceof SignInLinkInputError) {
          sendError(res, 400, 'BadRequest', (err as Error).message);
          return;
        }
        logger.error({ err }, 'staff: sign-in link failed');
        sendError(res, 500, 'InternalError', 'Internal error');
      }
    });
  };
}
