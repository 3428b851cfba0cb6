/**
 * Question answering's services: QuestionService (embedded retrieval, or grounded LLM answers
 * when OPENAI_API_KEY or OPENAI_BASE_URL is set), the LLM note translator for coach emails, the
 * knowledge-gap report for the knowledge team and its retention job, and the saved questions in
 * "show my data" / "delete my data". Its dialog is in dialogs/knowledge/.
 */
import type { Request, Response, Server } from 'restify';
import type { Config } from '../config.js';
import type { TranscriptStore } from '../conversations/transcriptStore.js';
import type { PrismaClient, SqlClient } from '../db/database.js';
import { sendError } from '../http/errors.js';
import type { Translator } from '../i18n/i18n.js';
import { requireAdmin } from '../kernel/adminAuth.js';
import type { Clock } from '../kernel/clock.js';
import type { Feature, PersonalDataProvider } from '../kernel/contracts.js';
import { lastHelsinkiDays } from '../kernel/helsinkiTime.js';
import type { Logger } from '../kernel/log.js';
import { createChatModel, type ChatModel } from '../llm/client.js';
import type { Matcher } from '../pilot/municipalityMatcher.js';
import { GapRepository } from './gapRepository.js';
import { getKnowledgeBase, type KnowledgeBase } from './knowledgeBase.js';
import { LlmAnswerer } from './llmAnswerer.js';
import { LlmNoteTranslator } from './noteTranslator.js';
import { QuestionService } from './questionService.js';
import { registerArticleTitles } from './render.js';
import { createRetriever } from './retriever.js';

export interface KnowledgeFeature extends Feature {
  service: QuestionService;
  kb: KnowledgeBase;
  gaps: GapRepository;
  /** Set when an LLM is configured: Finnish translations of booking notes. */
  noteTranslator?: LlmNoteTranslator;
}

export interface KnowledgeFeatureDeps {
  config: Config;
  prisma: PrismaClient;
  /** The direct path for the gap rows written after "not sure" replies. */
  sql: SqlClient;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  matcher: Matcher;
  transcripts: Pick<TranscriptStore, 'inboundTexts'>;
  /** Overrides the configured model (tools, tests). */
  model?: ChatModel;
  kb?: KnowledgeBase;
}

export function createKnowledgeFeature(deps: KnowledgeFeatureDeps): KnowledgeFeature {
  const { config, logger, clock } = deps;
  const kb = deps.kb ?? getKnowledgeBase();
  const retriever = createRetriever(kb);
  registerArticleTitles(deps.translator.i18n, kb);
  const gaps = new GapRepository({ prisma: deps.prisma, sql: deps.sql }, clock, logger);
  const model = deps.model ?? createChatModel(config, logger);
  const service = new QuestionService({
    kb,
    retriever,
    clock,
    logger,
    matchMunicipality: deps.matcher,
    gaps,
    llm: model ? new LlmAnswerer(model) : undefined,
  });
  logger.info({ knowledge: { mode: model ? 'llm' : 'embedded', articles: kb.ids.length } }, 'question answering ready');

  return {
    name: 'knowledge',
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
    personalData: [savedQuestionsProvider(gaps, deps.transcripts)],
    service,
    kb,
    gaps,
    // Gap rows still queued go to the database before it closes.
    close: () => gaps.flush(),
    noteTranslator: model ? new LlmNoteTranslator(model, logger) : undefined,
  };
}

/**
 * Unanswered questions are kept for the knowledge team without any user id, but their text is the
 * user's own, so a user's saved questions are found through their messages and go with them.
 */
function savedQuestionsProvider(gaps: GapRepository, transcripts: Pick<TranscriptStore, 'inboundTexts'>): PersonalDataProvider {
  const own = (subject: { channelId: string; conversationIds: string[] }) => transcripts.inboundTexts(subject.channelId, subject.conversationIds);
  return {
    name: 'savedQuestions',
    labelKey: 'privacy:features.savedQuestions',
    export: async (subject) => gaps.findByOwnMessages(await own(subject)),
    erase: async (subject) => {
      await gaps.deleteByOwnMessages(await own(subject));
    },
  };
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * GET /api/admin/knowledge/gaps?days=30 (or from=YYYY-MM-DD&to=YYYY-MM-DD): counts by kind,
 * locale and closest article, and the latest redacted questions.
 */
function gapReportRoute(gaps: GapRepository, adminToken: string, clock: Clock) {
  return (server: Server): void => {
    server.get('/api/admin/knowledge/gaps', async (req: Request, res: Response) => {
      if (!requireAdmin(req, res, adminToken)) return;
      const query = (req.query ?? {}) as Record<string, string | undefined>;
      const days = query.days === undefined ? 30 : Number(query.days);
      if (!Number.isInteger(days) || days < 1 || days > 3660) {
        sendError(res, 400, 'BadRequest', '"days" must be a whole number from 1 to 3660.');
        return;
      }
      const range = lastHelsinkiDays(clock, days);
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
