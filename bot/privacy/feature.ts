/**
 * Privacy's services: "show my data" and "delete my data" over the providers every feature hands
 * in, the privacy notice and accessibility statement pages, the export download, admin views of
 * feedback and the audit log, and the retention and feedback-delivery jobs. It knows no feature:
 * each one supplies its own PersonalDataProvider. Its dialogs are in dialogs/privacy/.
 */
import type { Request, Response, Server } from 'restify';
import type { Config } from '../config.js';
import type { ConversationRepository } from '../conversations/conversationRepository.js';
import type { TranscriptStore } from '../conversations/transcriptStore.js';
import type { PrismaClient } from '../db/database.js';
import { sendError } from '../http/errors.js';
import type { Translator } from '../i18n/i18n.js';
import { requireAdmin } from '../kernel/adminAuth.js';
import type { Clock } from '../kernel/clock.js';
import type { Feature, PersonalDataProvider } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import type { AuditLog } from './audit.js';
import { ExportLinkRepository } from './exportLinkRepository.js';
import { ExportLinks } from './exportLinks.js';
import { FeedbackService, smtpMailer, type Mailer } from './feedback.js';
import { FeedbackRepository } from './feedbackRepository.js';
import { PrivacyPages } from './pages.js';
import { PersonalDataService } from './personalData.js';
import { PersonalDataRepository } from './personalDataRepository.js';
import { ErasureMiddleware, PrivacyActionsService } from './privacyActions.js';
import { RetentionService } from './retention.js';
import { RetentionRepository } from './retentionRepository.js';

export interface PrivacyFeature extends Feature {
  personalDataService: PersonalDataService;
  actions: PrivacyActionsService;
  feedback: FeedbackService;
  retention: RetentionService;
  audit: AuditLog;
  links: ExportLinks;
  /** Register before the transcript logger (bot/app.ts). */
  middleware: ErasureMiddleware;
}

export interface PrivacyFeatureDeps {
  config: Config;
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  transcripts: TranscriptStore;
  conversations: ConversationRepository;
  audit: AuditLog;
  /** Every feature's PersonalDataProvider, in the order their data is exported and erased. */
  providers: readonly PersonalDataProvider[];
  /** Tests replace SMTP with their own mailer. */
  mailer?: Mailer;
}

const RETENTION_JOB_MS = 60 * 60 * 1000;
const FEEDBACK_JOB_MS = 60 * 1000;

export function createPrivacyFeature(deps: PrivacyFeatureDeps): PrivacyFeature {
  const { config, prisma, clock, logger, audit } = deps;
  const mailer = deps.mailer ?? (config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : undefined);
  const feedback = new FeedbackService(
    new FeedbackRepository(prisma),
    clock,
    logger,
    mailer && config.FEEDBACK_EMAIL ? { mailer, to: config.FEEDBACK_EMAIL, maxAttempts: config.OUTBOX_MAX_ATTEMPTS } : undefined,
  );
  // Privacy's own rows (feedback given in a chat) are exported and erased like every feature's.
  const ownProviders = [feedback.personalData()];
  const personalDataService = new PersonalDataService(new PersonalDataRepository(prisma), [...deps.providers, ...ownProviders], clock, logger, audit);
  const links = new ExportLinks(new ExportLinkRepository(prisma), clock, config.EXPORT_LINK_MINUTES);
  const retention = new RetentionService(new RetentionRepository(prisma), clock, config, personalDataService, links, audit);
  const actions = new PrivacyActionsService(personalDataService, links, feedback, config.publicBaseUrl, config.EXPORT_LINK_MINUTES);
  const pages = new PrivacyPages({
    translator: deps.translator,
    defaultLocale: config.DEFAULT_LOCALE,
    municipalityName: config.MUNICIPALITY_NAME,
    controllerContact: config.CONTROLLER_CONTACT,
    dpoContact: config.DPO_CONTACT,
    retention: { conversations: config.RETENTION_DAYS, profile: config.PROFILE_RETENTION_DAYS, appointments: config.APPOINTMENT_RETENTION_DAYS, feedback: config.FEEDBACK_RETENTION_DAYS },
    feedback,
  });

  const middleware = new ErasureMiddleware(personalDataService, deps.transcripts, deps.conversations, logger);

  const routes = (server: Server): void => {
    server.get('/privacy', async (req: Request, res: Response) => pages.privacy(req, res));
    server.get('/accessibility', async (req: Request, res: Response) => pages.accessibility(req, res));
    server.post('/feedback', async (req: Request, res: Response) => pages.submitFeedback(req, res));
    server.get('/privacy/export/:token', async (req: Request, res: Response) => {
      const found = await links.lookup(String(req.params.token ?? ''));
      if (found.status !== 'valid') {
        const status = found.status === 'expired' ? 410 : 404;
        sendError(res, status, status === 410 ? 'Gone' : 'NotFound', status === 410 ? 'This download link has expired; ask the bot for a new one.' : 'No such download link.');
        return;
      }
      const subject = await personalDataService.subject(found.ref);
      const data = await personalDataService.export(subject);
      const body = JSON.stringify(data, null, 2);
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': 'attachment; filename="oma-botti-my-data.json"',
        'Cache-Control': 'no-store',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
    });
    if (config.ADMIN_TOKEN) {
      const adminToken = config.ADMIN_TOKEN;
      server.get('/api/admin/feedback', async (req: Request, res: Response) => {
        if (!requireAdmin(req, res, adminToken)) return;
        const take = Number((req.query as Record<string, unknown> | undefined)?.take ?? 100);
        const rows = await feedback.list(Number.isInteger(take) ? take : 100);
        await audit.audit('admin', 'feedback.list', null, { rows: rows.length });
        res.header('Cache-Control', 'no-store');
        res.send(200, { feedback: rows });
      });
      server.get('/api/admin/audit', async (req: Request, res: Response) => {
        if (!requireAdmin(req, res, adminToken)) return;
        const rows = await audit.recent({ take: 200 });
        await audit.audit('admin', 'audit.list', null, { rows: rows.length });
        res.header('Cache-Control', 'no-store');
        res.send(200, { entries: rows });
      });
    }
  };

  return {
    name: 'privacy',
    routes: [routes],
    personalData: ownProviders,
    jobs: [
      {
        name: 'privacy-retention',
        intervalMs: RETENTION_JOB_MS,
        leaseMs: 30 * 60 * 1000,
        run: async () => {
          const result = await retention.run();
          if (Object.values(result).some((n) => n > 0)) logger.info({ retention: result }, 'privacy: retention purge');
        },
      },
      {
        name: 'feedback-delivery',
        intervalMs: FEEDBACK_JOB_MS,
        run: async () => {
          await feedback.deliverPending();
        },
      },
    ],
    personalDataService,
    actions,
    feedback,
    retention,
    audit,
    links,
    middleware,
    close: () => middleware.close(),
  };
}
