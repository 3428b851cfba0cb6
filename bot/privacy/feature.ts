/**
 * Privacy as a feature: the "my data" and feedback menu entries, the privacy notice and
 * accessibility statement pages, the export download, admin views of feedback and the audit log,
 * and the retention and feedback-delivery jobs. It orchestrates every other feature's
 * PersonalDataProvider rather than having one of its own.
 */
import type { Request, Response, Server } from 'restify';
import { DeleteMyDataDialog } from '../../dialogs/deleteMyDataDialog.js';
import { FeedbackDialog } from '../../dialogs/feedbackDialog.js';
import { PrivacyDialog } from '../../dialogs/privacyDialog.js';
import { ShowMyDataDialog } from '../../dialogs/showMyDataDialog.js';
import type { Dialog } from 'botbuilder-dialogs';
import type { Feature, FeatureContext, PersonalDataProvider } from '../features.js';
import { sendError } from '../http/server.js';
import { isAdmin } from '../knowledge/feature.js';
import { AuditLog } from './audit.js';
import { ExportLinks } from './exportLinks.js';
import { FeedbackService, smtpMailer, type Mailer } from './feedback.js';
import { PrivacyPages } from './pages.js';
import { PersonalDataService } from './personalData.js';
import { ErasureMiddleware, PrivacyActionsService } from './privacyActions.js';
import { RetentionService } from './retention.js';

export interface PrivacyFeature extends Feature {
  personalDataService: PersonalDataService;
  actions: PrivacyActionsService;
  feedback: FeedbackService;
  retention: RetentionService;
  audit: AuditLog;
  links: ExportLinks;
  /** Register before the transcript logger (bot/app.ts). */
  middleware: ErasureMiddleware;
  /** The dialogs the "show my data" / "delete my data" commands start. */
  commandDialogs: { showData: Dialog; deleteData: Dialog };
}

export interface PrivacyFeatureOptions {
  /** Every feature's PersonalDataProvider, read at request time. */
  providers(): readonly PersonalDataProvider[];
  /** Tests replace SMTP with their own mailer. */
  mailer?: Mailer;
}

const RETENTION_JOB_MS = 60 * 60 * 1000;
const FEEDBACK_JOB_MS = 60 * 1000;

export function createPrivacyFeature(ctx: FeatureContext, options: PrivacyFeatureOptions): PrivacyFeature {
  const { config, prisma, clock, logger } = ctx;
  const audit = new AuditLog(prisma, clock, logger);
  const personalDataService = new PersonalDataService(prisma, options.providers, clock, logger, audit);
  const links = new ExportLinks(prisma, clock, config.EXPORT_LINK_MINUTES);
  const mailer = options.mailer ?? (config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : undefined);
  const feedback = new FeedbackService(
    prisma,
    clock,
    logger,
    mailer && config.FEEDBACK_EMAIL ? { mailer, to: config.FEEDBACK_EMAIL, maxAttempts: config.OUTBOX_MAX_ATTEMPTS } : undefined,
  );
  const retention = new RetentionService(prisma, clock, config, personalDataService, links, audit);
  const actions = new PrivacyActionsService(personalDataService, links, feedback, config.publicBaseUrl, config.EXPORT_LINK_MINUTES);
  const pages = new PrivacyPages({
    translator: ctx.translator,
    defaultLocale: config.DEFAULT_LOCALE,
    municipalityName: config.MUNICIPALITY_NAME,
    controllerContact: config.CONTROLLER_CONTACT,
    dpoContact: config.DPO_CONTACT,
    retention: { conversations: config.RETENTION_DAYS, profile: config.PROFILE_RETENTION_DAYS, appointments: config.APPOINTMENT_RETENTION_DAYS, feedback: config.FEEDBACK_RETENTION_DAYS },
    feedback,
  });

  const middleware = new ErasureMiddleware(personalDataService, ctx.transcripts, ctx.conversations, logger);
  const showData = new ShowMyDataDialog(actions);
  const deleteData = new DeleteMyDataDialog(actions);
  const privacyDialog = new PrivacyDialog(actions, showData, deleteData);
  const feedbackDialog = new FeedbackDialog(actions);

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
        if (!isAdmin(req, adminToken)) {
          sendError(res, 401, 'Unauthorized', 'A valid admin bearer token is required.', { 'WWW-Authenticate': 'Bearer' });
          return;
        }
        const take = Number((req.query as Record<string, unknown> | undefined)?.take ?? 100);
        const rows = await feedback.list(Number.isInteger(take) ? take : 100);
        await audit.audit('admin', 'feedback.list', null, { rows: rows.length });
        res.header('Cache-Control', 'no-store');
        res.send(200, { feedback: rows });
      });
      server.get('/api/admin/audit', async (req: Request, res: Response) => {
        if (!isAdmin(req, adminToken)) {
          sendError(res, 401, 'Unauthorized', 'A valid admin bearer token is required.', { 'WWW-Authenticate': 'Bearer' });
          return;
        }
        const rows = await audit.recent({ take: 200 });
        await audit.audit('admin', 'audit.list', null, { rows: rows.length });
        res.header('Cache-Control', 'no-store');
        res.send(200, { entries: rows });
      });
    }
  };

  return {
    name: 'privacy',
    menu: [
      { id: 'myData', labelKey: 'privacy:menu.myData', dialog: privacyDialog },
      { id: 'feedback', labelKey: 'privacy:menu.feedback', dialog: feedbackDialog },
    ],
    routes: [routes],
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
    commandDialogs: { showData, deleteData },
  };
}
