/**
 * Decides how to answer a free-form question: the best article in the user's language, a
 * grounded LLM answer when one is configured, the pilot domain data for "was my municipality
 * in the pilot?", or an honest "I'm not sure" with the two closest topics. Low-confidence and
 * declined questions are counted for the knowledge team.
 */
import type { Clock } from '../kernel/clock.js';
import { helsinkiDate } from '../kernel/helsinkiTime.js';
import type { Locale } from '../i18n/locales.js';
import type { Logger } from '../kernel/log.js';
import type { Matcher } from '../pilot/municipalityMatcher.js';
import { employmentAreaFor, findPilotAreaById, getPilotData, type EmploymentArea, type Municipality, type PilotArea, type PilotData } from '../pilot/pilotData.js';
import { pilotPhase, type PilotPhase } from '../pilot/timeline.js';
import { redact } from '../kernel/redact.js';
import type { GapRecorder } from './gapRepository.js';
import type { Article, ArticleAction, KnowledgeBase } from './knowledgeBase.js';
import { RejectedReply, type LlmAnswerer } from './llmAnswerer.js';
import type { Retriever, SearchResult } from './retriever.js';
import { cyrillicToLatin, hasCyrillic } from '../language/transliterate.js';

/** Article actions that hand over to another feature's dialog. */
export type StartAction = Exclude<ArticleAction, 'municipalities'>;

export type MunicipalityFinding =
  | { status: 'inPilot' | 'uncertain'; municipality: Municipality; area: PilotArea; phase: PilotPhase; employmentArea?: { area: EmploymentArea; certainty: 'stated' | 'inferred' } }
  | { status: 'unknown'; name: string; phase: PilotPhase }
  | { status: 'suggest'; candidates: Municipality[] };

export type Answer =
  | { kind: 'article'; locale: Locale; article: Article; start?: StartAction }
  | { kind: 'generated'; locale: Locale; text: string; cited: Article[]; start?: StartAction }
  | { kind: 'municipality'; locale: Locale; finding: MunicipalityFinding; article: Article }
  /** Two readings are close: one short question with the two or three candidate topics. */
  | { kind: 'clarify'; locale: Locale; options: Article[] }
  | { kind: 'notSure'; locale: Locale; closest: Article[]; saved: boolean }
  | { kind: 'declined'; locale: Locale; saved: boolean };

export interface QuestionServiceDeps {
  kb: KnowledgeBase;
  retriever: Retriever;
  clock: Clock;
  logger: Logger;
  matchMunicipality: Matcher;
  pilotData?: PilotData;
  gaps?: GapRecorder;
  llm?: LlmAnswerer;
}

const MUNICIPALITIES_ARTICLE = 'municipalities';
/** Passages sent to the model. */
const PASSAGES = 3;
const MAX_QUESTION_CHARS = 1000;

export class QuestionService {
  constructor(private readonly deps: QuestionServiceDeps) {}

  /** True when answers come from the LLM (the caller shows a typing indicator meanwhile). */
  get generative(): boolean {
    return this.deps.llm !== undefined;
  }

  async answer(question: string, locale: Locale): Promise<Answer> {
    const { kb, retriever } = this.deps;
    // A pasted CV or letter is not a question; its start is enough to find the topic.
    const redacted = redact(question.slice(0, MAX_QUESTION_CHARS)).text;
    const result = retriever.search(redacted, locale, PASSAGES);
    const top = result.hits[0];

    const municipality = this.municipalityFinding(question, result, locale);
    if (municipality) return { kind: 'municipality', locale, finding: municipality, article: this.article(MUNICIPALITIES_ARTICLE, locale) };

    if (this.deps.llm && result.hits.length > 0) {
      const passages = result.hits.map((h) => this.article(h.articleId, locale));
      try {
        const reply = await this.deps.llm.answer(redacted, passages, locale, helsinkiDate(this.deps.clock));
        if (reply.kind === 'outOfScope') {
          const saved = await this.recordGap({ kind: 'declined', locale, result, question: redacted });
          return { kind: 'declined', locale, saved };
        }
        const cited = reply.citations.map((id) => this.article(id, locale));
        return { kind: 'generated', locale, text: redact(reply.text).text, cited, start: startAction(cited[0]) };
      } catch (err) {
        // Timeouts, HTTP errors, malformed or ungrounded replies: the retrieval answer stands in.
        const reason = err instanceof RejectedReply ? err.reason : ((err as { reason?: string }).reason ?? 'error');
        this.deps.logger.warn({ knowledge: { fallback: reason } }, 'llm answer rejected; using retrieval');
      }
    }

    if (top && result.confident) {
      const article = this.article(top.articleId, locale);
      return { kind: 'article', locale, article, start: startAction(article) };
    }
    const closest = result.closest.map((h) => kb.get(h.articleId, locale)).filter((a): a is Article => a !== undefined);
    const saved = await this.recordGap({ kind: 'not_sure', locale, result, question: redacted });
    return { kind: 'notSure', locale, closest, saved };
  }

  /** A follow-up or a suggested topic the user picked: that article, no retrieval. */
  showArticle(id: string, locale: Locale): Answer | undefined {
    const article = this.deps.kb.get(id, locale);
    if (!article) return undefined;
    return { kind: 'article', locale, article, start: startAction(article) };
  }

  /** The user picked one of the suggested municipalities. */
  municipalityById(id: string, locale: Locale): Answer | undefined {
    const data = this.deps.pilotData ?? getPilotData();
    const m = data.municipalities.find((x) => x.id === id);
    if (!m) return undefined;
    return { kind: 'municipality', locale, finding: this.inData(m), article: this.article(MUNICIPALITIES_ARTICLE, locale) };
  }

  private article(id: string, locale: Locale): Article {
    const a = this.deps.kb.get(id, locale) ?? this.deps.kb.get(id, this.deps.kb.source);
    if (!a) throw new Error(`knowledge article missing: ${id}`);
    return a;
  }

  /**
   * A municipality named in a question about the pilot's municipalities, or in a question the
   * articles can't answer confidently ("Kuuluuko Kuopio kokeiluun?"), is answered from the pilot
   * domain data. A municipality mentioned in a question that an article clearly answers
   * ("Salon toimiston osoite?") is left to that article.
   */
  private municipalityFinding(question: string, result: SearchResult, locale: Locale): MunicipalityFinding | undefined {
    const aboutMunicipalities = result.hits.slice(0, 2).some((h) => h.articleId === MUNICIPALITIES_ARTICLE);
    const topIsMunicipalities = result.hits[0]?.articleId === MUNICIPALITIES_ARTICLE;
    if (result.confident && !topIsMunicipalities) return undefined;
    const match = this.matchMunicipality(question, locale);
    const phase = pilotPhase(this.deps.clock, this.deps.pilotData ?? getPilotData());
    switch (match.kind) {
      case 'match':
        return this.inData(match.municipality);
      case 'known_outside_data':
        // "Ii" is also a common word (Somali "me"): very short names count only in a question about municipalities.
        if (!aboutMunicipalities && match.municipality.fi.length < 3) return undefined;
        return { status: 'unknown', name: match.municipality.fi, phase };
      case 'suggest':
        // Fuzzy guesses only where the question is about municipalities in the first place.
        return aboutMunicipalities ? { status: 'suggest', candidates: match.candidates } : undefined;
      case 'none':
        return undefined;
    }
  }

  /** The pilot data's matcher; a name written in Cyrillic ("Марттила") is tried in Latin letters too. */
  private matchMunicipality(question: string, locale: Locale): ReturnType<Matcher> {
    const direct = this.deps.matchMunicipality(question);
    if (direct.kind !== 'none' || !hasCyrillic(question)) return direct;
    return this.deps.matchMunicipality(cyrillicToLatin(question, locale === 'uk' ? 'uk' : 'ru'));
  }

  private inData(m: Municipality): MunicipalityFinding {
    const data = this.deps.pilotData ?? getPilotData();
    const area = findPilotAreaById(m.pilotAreaId, data)!;
    const phase = pilotPhase(this.deps.clock, data);
    return {
      status: m.status === 'confirmed' ? 'inPilot' : 'uncertain',
      municipality: m,
      area,
      phase,
      employmentArea: phase === 'ended' ? employmentAreaFor(m, data) : undefined,
    };
  }

  private async recordGap(input: { kind: 'not_sure' | 'declined'; locale: Locale; result: SearchResult; question: string }): Promise<boolean> {
    const { gaps, logger } = this.deps;
    if (!gaps) return false;
    const [first, second] = input.result.hits;
    try {
      await gaps.record({
        kind: input.kind,
        locale: input.locale,
        topArticleId: first?.articleId,
        secondArticleId: second?.articleId,
        topScore: first?.score ?? 0,
        question: input.question,
        told: true,
      });
      return true;
    } catch (err) {
      // Counting gaps must never cost the user their answer; the reply then promises nothing.
      logger.error({ err }, 'knowledge gap not recorded');
      return false;
    }
  }
}

function startAction(article: Article | undefined): StartAction | undefined {
  const action = article?.action;
  return action && action !== 'municipalities' ? action : undefined;
}
