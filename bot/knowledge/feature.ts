/**
 * Question answering as a feature: the free-text handler of the main menu (embedded retrieval,
 * or grounded LLM answers when OPENAI_API_KEY or OPENAI_BASE_URL is set), the knowledge-gap
 * report for the knowledge team, and a retention job for that report.
 *
 * No PersonalDataProvider: gap rows hold no user, conversation or channel id and only the day,
 * so nothing here can be tied to a person; the question text in them is redacted.
 */
import type { Request, Response, Server } from 'restify';
import type { Feature, FeatureContext } from '../features.js';
import { sendError } from '../http/server.js';
import { createChatModel, type ChatModel } from '../llm/client.js';
import { createMatcher } from '../pilot/municipalityMatcher.js';
import { parseBearer, safeEqual } from '../security/tokens.js';
import { QuestionDialog, type DialogStart } from '../../dialogs/questionDialog.js';
import type { MenuFeature } from '../../dialogs/mainDialog.js';
import { GapRepository, lastDays } from './gapRepository.js';
import { getKnowledgeBase, type KnowledgeBase } from './knowledgeBase.js';
import { LlmAnswerer } from './llmAnswerer.js';
import { LlmNoteTranslator } from './noteTranslator.js';
import { QuestionService, type StartAction } from './questionService.js';
import { registerArticleTitles } from './render.js';
import { createRetriever } from './retriever.js';

export interface KnowledgeFeature extends Feature {
  service: QuestionService;
  gaps: GapRepository;
  /** Set when an LLM is configured: Finnish translations of booking notes. */
  noteTranslator?: LlmNoteTranslator;
}

export interface KnowledgeFeatureOptions {
  /** Every feature in the app, read when a question needs another feature's dialog. */
  features(): readonly Feature[];
  /** Overrides the configured model (tools, tests). */
  model?: ChatModel;
  kb?: KnowledgeBase;
}

/**
 * How other features' menu entries are recognised, best first. The ids are theirs to choose
 * ("booking", "bookAppointment", "pilotEligibility"…), so match on meaning, and keep "my
 * appointments" or "cancel" entries from being taken for a new booking.
 */
const ACTION_MATCHERS: Record<StartAction, { prefer: RegExp[]; avoid?: RegExp }> = {
  eligibility: { prefer: [/eligib/, /targetgroup|kohderyhm/] },
  booking: { prefer: [/^book(ing)?$/, /book|varaa|varaus/, /appointment|meeting|coachtime/], avoid: /my|mine|list|cancel|manage|upcoming|reschedul|own/ },
  privacy: { prefer: [/privacy|gdpr|tietosuoja/, /mydata|personaldata|deletedata|dataexport|exportdata|forget|erase/], avoid: /pilot/ },
};

const normId = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Finds the menu entry that starts an article's action, or undefined when none is wired in. */
export function findDialogFor(action: StartAction, menu: readonly MenuFeature[]): DialogStart | undefined {
  const start = (m: MenuFeature): DialogStart => ({ dialogId: m.dialog.id, options: m.options });
  const exact = menu.find((m) => normId(m.id) === action);
  if (exact) return start(exact);
  const { prefer, avoid } = ACTION_MATCHERS[action];
  for (const pattern of prefer) {
    for (const key of [(m: MenuFeature) => normId(m.id), (m: MenuFeature) => normId(m.dialog.id)]) {
      const found = menu.find((m) => pattern.test(key(m)) && !(avoid?.test(key(m)) ?? false));
      if (found) return start(found);
    }
  }
  return undefined;
}

export function createKnowledgeFeature(ctx: FeatureContext, options: KnowledgeFeatureOptions): KnowledgeFeature {
  const { config, logger, clock } = ctx;
  const kb = options.kb ?? getKnowledgeBase();
  const retriever = createRetriever(kb);
  registerArticleTitles(ctx.translator.i18n, kb);
  const gaps = new GapRepository(ctx.prisma, clock);
  const model = options.model ?? createChatModel(config, logger);
  const service = new QuestionService({
    kb,
    retriever,
    clock,
    logger,
    matchMunicipality: createMatcher(),
    gaps,
    llm: model ? new LlmAnswerer(model) : undefined,
  });
  const dialog = new QuestionDialog({
    service,
    kb,
    dialogFor: (action) => findDialogFor(action, options.features().flatMap((f) => f.menu ?? [])),
  });
  logger.info({ knowledge: { mode: model ? 'llm' : 'embedded', articles: kb.ids.length } }, 'question answering ready');

  return {
    name: 'knowledge',
    freeText: { dialog, options: (text: string) => ({ text }) },
    routes: config.ADMIN_TOKEN ? [gapReportRoute(gaps, config.ADMIN_TOKEN, clock)] : [],
    jobs: [
      {
        name: 'knowledge-gap-retention',
        intervalMs: 6 * 60 * 60 * 1000,
        run: async () => {
          const removed = await gaps.deleteOlderThan(config.KNOWLEDGE_GAP_RETENTION_DAYS);
          if (removed > 0) logger.info({ knowledge: { gapsRemoved: removed } }, 'old knowledge gaps deleted');
        },
      },
    ],
    service,
    gaps,
    noteTranslator: model ? new LlmNoteTranslator(model, logger) : undefined,
  };
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True when the request carries the admin bearer token. */
export function isAdmin(req: Request, adminToken: string): boolean {
  const token = parseBearer(req.headers.authorization);
  return token !== null && safeEqual(token, adminToken);
}

/**
 * GET /api/admin/knowledge/gaps?days=30 (or from=YYYY-MM-DD&to=YYYY-MM-DD): counts by kind,
 * locale and closest article, and the latest redacted questions.
 */
export function gapReportRoute(gaps: GapRepository, adminToken: string, clock: FeatureContext['clock']) {
  return (server: Server): void => {
    server.get('/api/admin/knowledge/gaps', async (req: Request, res: Response) => {
      if (!isAdmin(req, adminToken)) {
        sendError(res, 401, 'Unauthorized', 'A valid admin bearer token is required.', { 'WWW-Authenticate': 'Bearer' });
        return;
      }
      const query = (req.query ?? {}) as Record<string, string | undefined>;
      const days = query.days === undefined ? 30 : Number(query.days);
      if (!Number.isInteger(days) || days < 1 || days > 3660) {
        sendError(res, 400, 'BadRequest', '"days" must be a whole number from 1 to 3660.');
        return;
      }
      const range = lastDays(clock, days);
      const from = query.from ?? range.from;
      const to = query.to ?? range.to;
      if (!DAY_RE.test(from) || !DAY_RE.test(to)) {
        sendError(res, 400, 'BadRequest', '"from" and "to" must be dates as YYYY-MM-DD.');
        return;
      }
      if (from > to) {
        sendError(res, 400, 'BadRequest', '"from" must not be after "to".');
        return;
      }
      res.header('Cache-Control', 'no-store');
      res.send(200, await gaps.report({ from, to }));
    });
  };
}
