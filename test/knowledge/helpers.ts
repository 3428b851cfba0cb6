/** Builds the question-answering dialog over the real knowledge base and pilot data, without a database. */
import type { ConversationFacts } from '../../bot/conversations/conversationFacts.js';
import { FixedClock } from '../../bot/kernel/clock.js';
import { silentLogger } from '../../bot/kernel/log.js';
import type { GapInput, GapRecorder } from '../../bot/knowledge/gapRepository.js';
import { getKnowledgeBase } from '../../bot/knowledge/knowledgeBase.js';
import { LlmAnswerer } from '../../bot/knowledge/llmAnswerer.js';
import { QuestionService, type StartAction } from '../../bot/knowledge/questionService.js';
import { registerArticleTitles } from '../../bot/knowledge/render.js';
import { createRetriever } from '../../bot/knowledge/retriever.js';
import type { ChatModel } from '../../bot/llm/client.js';
import { createMatcher } from '../../bot/pilot/municipalityMatcher.js';
import type { DialogStart, FreeTextHandler } from '../../bot/kernel/contracts.js';
import { QUESTION_PROMPT, QuestionDialog } from '../../dialogs/knowledge/questionDialog.js';
import { translator } from '../support/dialogs.js';

export const kb = getKnowledgeBase();
export const retriever = createRetriever(kb);
// As the knowledge feature does for the app's translator.
registerArticleTitles(translator.i18n, kb);
const matcher = createMatcher();

/** A hand-written fake that keeps what would be stored. */
export class MemoryGaps implements GapRecorder {
  readonly rows: GapInput[] = [];
  async record(gap: GapInput): Promise<void> {
    this.rows.push(gap);
  }
}

export interface QuestionSetup {
  service: QuestionService;
  gaps: MemoryGaps;
  freeText: FreeTextHandler;
  clock: FixedClock;
}

export function questionSetup(options: { now?: Date; model?: ChatModel; dialogs?: Partial<Record<StartAction, DialogStart>>; facts?: ConversationFacts } = {}): QuestionSetup {
  const clock = new FixedClock(options.now ?? new Date('2026-11-25T10:00:00Z'));
  const gaps = new MemoryGaps();
  const service = new QuestionService({
    kb,
    retriever,
    clock,
    logger: silentLogger,
    matchMunicipality: matcher,
    gaps,
    llm: options.model ? new LlmAnswerer(options.model) : undefined,
  });
  const dialog = new QuestionDialog({ service, kb, starts: options.dialogs ?? {}, facts: options.facts });
  return {
    service,
    gaps,
    clock,
    freeText: { dialog, options: (text) => ({ text }), recognizes: (text, locale) => service.recognizes(text, locale), promptIds: [QUESTION_PROMPT] },
  };
}
