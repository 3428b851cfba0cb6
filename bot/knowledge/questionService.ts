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
import { fallbackLocale, type Retriever, type SearchResult } from './retriever.js';
import { detectLanguage, type Detection } from '../language/detect.js';
import { cyrillicToLatin, hasCyrillic } from '../language/transliterate.js';
import { municipalityById } from '../pilot/places.js';
import type { MatchResult } from '../pilot/municipalityMatcher.js';
import { understand, type Understanding } from '../understanding/understand.js';
import { ExampleIndex, getExampleIndex } from '../understanding/examples.js';
import type { Entities } from '../understanding/entities.js';
import type { StatedFacts } from './llmAnswerer.js';

/** Article actions that hand over to another feature's dialog. */
export type StartAction = Exclude<ArticleAction, 'municipalities'>;

/** The employment area serving a municipality since 2025, and whether a source says so or it is inferred. */
export interface ServedBy {
  area: EmploymentArea;
  certainty: 'stated' | 'inferred';
}

export type MunicipalityFinding =
  | { status: 'inPilot' | 'uncertain'; municipality: Municipality; area: PilotArea; phase: PilotPhase; employmentArea?: ServedBy }
  | { status: 'unknown'; name: string; phase: PilotPhase; employmentArea?: ServedBy }
  | { status: 'suggest'; candidates: Municipality[] };

/** A place the question named, with who serves it now, for contact questions. */
export interface PlaceContext {
  /** The name as the user's language writes it on signs (Finnish, or Swedish in sv). */
  name: { fi: string; sv?: string };
  employmentArea?: EmploymentArea;
}

/** What the understanding step found, carried with an answer so the reply and the next dialog use it. */
export interface AnswerContext {
  entities: Entities;
  /** The question was a yes/no question: only then may the reply open with "Yes". */
  yesNo: boolean;
  /** The message asked the bot to do something ("I'd like to book a time"): start it rather than explain it. */
  request: boolean;
  /** The question asked for an address or phone number of this place. */
  place?: PlaceContext;
  /** The question asked about today, not the pilot: a town's answer opens with who serves it now. */
  today?: boolean;
}

export type Answer =
  | { kind: 'article'; locale: Locale; article: Article; start?: StartAction; context?: AnswerContext }
  | { kind: 'generated'; locale: Locale; text: string; cited: Article[]; start?: StartAction; context?: AnswerContext }
  | { kind: 'municipality'; locale: Locale; finding: MunicipalityFinding; article: Article; context?: AnswerContext }
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
  /** Labelled example questions (default: the shipped ones). */
  examples?: ExampleIndex;
}

const MUNICIPALITIES_ARTICLE = 'municipalities';
/** Passages sent to the model. */
const PASSAGES = 3;
/** Articles ranked by retrieval before cue scores are added. */
const RANKED = 5;
/** One normalised retrieval score is worth this many cue points. */
const RETRIEVAL_WEIGHT = 3;
/** The best reading is taken when it scores this much and leads the second by LEAD. */
const DECIDE_AT = 1.5;
/** A reading this strong, though undecided, is enough to say a question is not about the town it names. */
const LEANING = 1;
const LEAD = 0.6;
/**
 * A topic no cue word supports takes the example model's weight only with a retrieval hit this
 * strong (no out-of-scope question scores above 0.28 in retrieval): otherwise "help with my tax
 * return" or "a car inspection" would be answered from whichever topic they resemble most.
 */
const LEARNED_HIT = 0.2;
/** The example model's weight (4 × probability) at which it speaks alone: p ≥ 0.8. */
const LEARNED_ALONE = 3.2;
/** The example model's weight at which, with no cue word, it says a question is not about the town it names: p ≥ 0.5. */
const LEARNED_LEANING = 2;
/** Below this example weight for the topics a town can be the question of (PLACE_TOPICS), a sentence with no cue word is not about the town it names. */
const TOWN_UNASKED = 1.4;
const OFFICES_ARTICLE = 'offices';
/** Topics for which a named place is the subject: the answer is about that place. */
const PLACE_TOPICS = new Set(['municipalities', 'pilot', 'after-pilot', 'te-offices', 'offices', 'target-groups', 'eligibility']);
const MAX_QUESTION_CHARS = 1000;

export class QuestionService {
  private learnt?: ExampleIndex;

  constructor(private readonly deps: QuestionServiceDeps) {}

  // Built on the first message, not at start-up: learning from ~3,200 examples takes about 0.2 s,
  // which would count against the cold start.
  private get examples(): ExampleIndex {
    this.learnt ??= this.deps.examples ?? getExampleIndex();
    return this.learnt;
  }

  /** True when answers come from the LLM (the caller shows a typing indicator meanwhile). */
  get generative(): boolean {
    return this.deps.llm !== undefined;
  }

  /** The understanding step alone: topics, entities and the kind of question. */
  understand(question: string, locale: Locale): Understanding {
    return understand(question.slice(0, MAX_QUESTION_CHARS), locale, { matcher: this.deps.matchMunicipality, examples: this.examples });
  }

  /**
   * True when a message typed where a button was expected clearly reads as a question or a
   * request the bot can act on (one reading well ahead of the others), so it can be answered
   * instead of being taken for a wrong button.
   */
  recognizes(text: string, locale: Locale): boolean {
    const redacted = redact(text.slice(0, MAX_QUESTION_CHARS)).text;
    const u = this.understand(redacted, locale);
    const [top, second] = u.topics;
    return top !== undefined && top.score >= DECIDE_AT + LEAD && top.score - (second?.score ?? 0) >= LEAD;
  }

  /**
   * `language` is the message's language as the turn detected it (see bot/language/turnDetection.ts),
   * so the text is not detected again here; without it (benches, tools) it is detected here.
   */
  async answer(question: string, locale: Locale, language: Detection = detectLanguage(question)): Promise<Answer> {
    const { kb, retriever } = this.deps;
    // A pasted CV or letter is not a question; its start is enough to find the topic.
    const redacted = redact(question.slice(0, MAX_QUESTION_CHARS)).text;
    const u = this.understand(redacted, locale);
    // One other locale at most, the one the detected language points at, instead of all nine.
    const result = retriever.search(redacted, locale, RANKED, fallbackLocale(locale, language.locale));
    const ranked = this.rank(u, result);
    const [top, second] = ranked;
    const context: AnswerContext = { entities: u.entities, yesNo: u.yesNo, request: u.request, today: u.asksToday };

    const place = this.placeOf(u);
    if (place?.kind === 'municipality') return { kind: 'municipality', locale, finding: place.finding, article: this.article(MUNICIPALITIES_ARTICLE, locale), context };
    if (place?.kind === 'contact') context.place = place.place;

    // "gde ofis v Kuhmo? adres?": a contact asked for a named place with no other reading is the offices' answer.
    const contactOnly = place?.kind === 'contact' && u.asksOffice && !u.offTopic && (!top || top.score < DECIDE_AT) ? OFFICES_ARTICLE : undefined;
    const decided = (top && top.score >= DECIDE_AT && top.score - (second?.score ?? 0) >= LEAD ? top.id : undefined) ?? contactOnly;
    const close = top && top.score >= DECIDE_AT && !decided ? ranked.filter((r) => r.score >= top.score - LEAD).slice(0, 3) : [];

    if (this.deps.llm && (decided || result.hits.length > 0)) {
      const ids = [...new Set([...(decided ? [decided] : []), ...result.hits.map((h) => h.articleId)])].slice(0, PASSAGES);
      const passages = ids.map((id) => this.article(id, locale));
      try {
        const reply = await this.deps.llm.answer(redacted, passages, locale, helsinkiDate(this.deps.clock), this.facts(u, context.place));
        if (reply.kind === 'outOfScope') {
          const saved = await this.recordGap({ kind: 'declined', locale, result, question: redacted });
          return { kind: 'declined', locale, saved };
        }
        const cited = reply.citations.map((id) => this.article(id, locale));
        return { kind: 'generated', locale, text: redact(reply.text).text, cited, start: startAction(cited[0]), context };
      } catch (err) {
        // Timeouts, HTTP errors, malformed or ungrounded replies: the retrieval answer stands in.
        const reason = err instanceof RejectedReply ? err.reason : ((err as { reason?: string }).reason ?? 'error');
        this.deps.logger.warn({ knowledge: { fallback: reason } }, 'llm answer rejected; using retrieval');
      }
    }

    if (decided) {
      const article = this.article(decided, locale);
      return { kind: 'article', locale, article, start: startAction(article), context };
    }
    if (close.length >= 2) return { kind: 'clarify', locale, options: close.map((c) => this.article(c.id, locale)) };
    if (result.hits[0] && result.confident && !u.offTopic) {
      const article = this.article(result.hits[0].articleId, locale);
      return { kind: 'article', locale, article, start: startAction(article), context };
    }
    const closestIds = [...new Set([...ranked.map((r) => r.id), ...result.closest.map((h) => h.articleId)])].slice(0, 2);
    const closest = closestIds.map((id) => kb.get(id, locale)).filter((a): a is Article => a !== undefined);
    const saved = await this.recordGap({ kind: 'not_sure', locale, result, question: redacted });
    return { kind: 'notSure', locale, closest, saved };
  }

  /** Cue scores and retrieval scores on one scale, best first. */
  private rank(u: Understanding, result: SearchResult): Array<{ id: string; score: number }> {
    const scores = new Map<string, number>();
    for (const t of u.topics) if (this.deps.kb.get(t.topic, this.deps.kb.source)) scores.set(t.topic, t.score);
    // Retrieval only counts in the user's own language; a hit in another locale is weaker evidence.
    // A message about another service ("book a time at the health centre") shares words with the
    // articles but is not about them: only a cue word that survives its penalty can answer it.
    const weight = u.offTopic ? 0 : result.fallback ? RETRIEVAL_WEIGHT / 2 : RETRIEVAL_WEIGHT;
    // A topic no cue word supports takes the example model's weight (u.learned) only with a strong
    // retrieval hit …
    for (const h of result.hits) {
      const w = u.ruledOut.has(h.articleId) ? weight / 2 : weight;
      scores.set(h.articleId, (scores.get(h.articleId) ?? (h.score >= LEARNED_HIT ? u.learned.get(h.articleId) : undefined) ?? 0) + w * h.score);
    }
    // … or when the examples alone are nearly sure ("wipe everything you have stored about me").
    // A weak hit for the same topic must not take away what the examples alone would give it.
    for (const [id, w] of u.learned) if (w >= LEARNED_ALONE && (scores.get(id) ?? 0) < w && this.deps.kb.get(id, this.deps.kb.source)) scores.set(id, w);
    return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
  }

  /**
   * A named place decides the answer when the question is about the place: "was X in the pilot?",
   * "I live in X, who serves me now?" get the pilot data for X; "address of the X office" gets
   * the offices article with X's contact. A place mentioned in a question about something else
   * ("I live in Salo, how do I register?") leaves the topic answer alone.
   */
  private placeOf(u: Understanding):
    | { kind: 'municipality'; finding: MunicipalityFinding }
    | { kind: 'contact'; place: PlaceContext }
    | undefined {
    const match = u.entities.municipality;
    if (!match) return undefined;
    // The cue words (and, below, the example model) decide whether the question is about something else than the
    // place: retrieval alone matches too loosely on a short question that is mostly a name.
    const cue = u.topics[0];
    // With no cue word for any topic, the examples are what is known of the question: nearly sure of one
    // topic ("voinko mennä kokeiluun nyt? asun Lahdessa"), they decide as a cue word would; fairly sure of a
    // topic about something else ("my card says restricted, may I take any job? I live in X"), they lean.
    const [learnedId, learnedWeight] = cue && cue.score >= LEANING ? [undefined, 0] : strongest(u.learned);
    const topic = cue && cue.score >= DECIDE_AT ? cue.topic : learnedWeight >= LEARNED_ALONE ? learnedId : undefined;
    // Below the decision line, a leading reading about something else ("is there somewhere in Ilomantsi
    // to go a few hours a week") still says the town is only where the person is.
    const leaning = (cue && cue.score >= LEANING && !PLACE_TOPICS.has(cue.topic)) || (learnedId !== undefined && learnedWeight >= LEARNED_LEANING && !PLACE_TOPICS.has(learnedId));
    const aboutPlaces = (topic === undefined && !leaning) || (topic !== undefined && PLACE_TOPICS.has(topic));
    const personal = u.entities.age !== undefined || u.entities.benefit !== undefined;
    // "I'm from India, lived in Espoo in 2022: was I a customer?", "am I in the target group? I live in Loimaa"
    // want the verdict, with the town as one of its facts: the eligibility reading is always the person's own case.
    if (topic === 'eligibility' && (personal || u.entities.year !== undefined || u.entities.immigrant || u.aboutSelf || u.selfNow || u.forSomeoneElse)) return undefined;
    // "Where do I go in Kajaani?", "when are they open in Kokkola?": a question about the offices
    // wants the place's contact even when it names no address or phone.
    // "Was Kuhmo in it, or did the TE office do everything?" names an office but asks about the town.
    const townAsked = topic === MUNICIPALITIES_ARTICLE && u.yesNo;
    if (topic === 'offices' || (u.asksContact && !townAsked && (topic === undefined || PLACE_TOPICS.has(topic)))) {
      const place = this.placeContext(match);
      return place ? { kind: 'contact', place } : undefined;
    }
    if (!aboutPlaces) return undefined;
    // The sentence's structure said the town is only where something happened ("the old TE office
    // in Kajaani stands empty, was it shut down?", "what came instead of the pilot here in Vörå?"): the topic
    // answers, and the town gets its own line under it (who serves it now and where to find them).
    if (topic !== undefined && topic !== MUNICIPALITIES_ARTICLE && u.ruledOut.has(MUNICIPALITIES_ARTICLE)) {
      const place = this.placeContext(match);
      return place ? { kind: 'contact', place } : undefined;
    }
    // "Where is the railway station in Kemi?", "weather tomorrow in Turku": the town is where the
    // thing is, not a question about the town.
    if (topic === undefined && u.offTopic) return undefined;
    // "Where can one swim in Borgå in winter?": no cue word, and the examples, which did read the sentence, see
    // nothing of the pilot, its places or today's services in it; only a yes/no question ("Kuhmo too?") may still ask about the town.
    if (topic === undefined && !u.aboutPilot && !u.yesNo && u.learned.size > 0 && placeVote(u.learned) < TOWN_UNASKED) return undefined;
    const phase = pilotPhase(this.deps.clock, this.deps.pilotData ?? getPilotData());
    // "Ii" is also a common word (Somali "me"): very short names count only in a question about municipalities,
    // whether or not the place is in the pilot data.
    const tooShortToTell = (name: string) => name.length < 3 && topic !== MUNICIPALITIES_ARTICLE;
    switch (match.kind) {
      case 'match':
        if (tooShortToTell(match.municipality.name.fi)) return undefined;
        return { kind: 'municipality', finding: this.inData(match.municipality) };
      case 'known_outside_data': {
        if (tooShortToTell(match.municipality.fi)) return undefined;
        const served = match.municipality.id ? employmentAreaFor(match.municipality.id, this.deps.pilotData ?? getPilotData()) : undefined;
        return { kind: 'municipality', finding: { status: 'unknown', name: match.municipality.fi, phase, ...(served && phase === 'ended' ? { employmentArea: served } : {}) } };
      }
      case 'suggest':
        // Fuzzy guesses only where the question is about municipalities in the first place.
        return topic === MUNICIPALITIES_ARTICLE || (u.aboutPilot && (topic === undefined || topic === 'pilot' || topic === 'eligibility')) ? { kind: 'municipality', finding: { status: 'suggest', candidates: match.candidates } } : undefined;
    }
  }

  private placeContext(match: Exclude<MatchResult, { kind: 'none' }>): PlaceContext | undefined {
    const data = this.deps.pilotData ?? getPilotData();
    if (match.kind === 'match') {
      const m = match.municipality;
      return { name: { fi: m.name.fi, ...(m.name.sv ? { sv: m.name.sv } : {}) }, employmentArea: employmentAreaFor(m, data)?.area };
    }
    if (match.kind === 'known_outside_data') {
      const id = match.municipality.id;
      const place = id ? municipalityById(id) : undefined;
      return { name: { fi: match.municipality.fi, ...(match.municipality.sv ? { sv: match.municipality.sv } : {}) }, employmentArea: place ? employmentAreaFor(place.id, data)?.area : undefined };
    }
    return undefined;
  }

  /** The stated facts for the model: no free text, only what the understanding step recognised. */
  private facts(u: Understanding, place?: PlaceContext): StatedFacts {
    const e = u.entities;
    const facts: StatedFacts = {};
    const m = e.municipality;
    if (m?.kind === 'match') facts.municipality = m.municipality.name.fi;
    else if (m?.kind === 'known_outside_data') facts.municipality = m.municipality.fi;
    const area = place?.employmentArea ?? (m?.kind === 'match' ? employmentAreaFor(m.municipality, this.deps.pilotData ?? getPilotData())?.area : undefined);
    if (area) facts.employmentArea = area.name.fi;
    if (e.age !== undefined) facts.age = e.age;
    if (e.under30 !== undefined) facts.under30 = e.under30;
    if (e.benefit) facts.benefit = { kela: 'Kela (työmarkkinatuki or peruspäiväraha)', fund: 'unemployment fund (ansiopäiväraha)', none: 'no unemployment benefit' }[e.benefit];
    if (e.immigrant) facts.immigrantBackground = true;
    if (e.year !== undefined) facts.year = e.year;
    if (e.date) facts.date = e.date;
    return facts;
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

/** What the example model gives the topics a town can be the question of. */
function placeVote(learned: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const id of PLACE_TOPICS) sum += learned.get(id) ?? 0;
  return sum;
}

/** The example model's strongest topic and its weight. */
function strongest(learned: ReadonlyMap<string, number>): [string | undefined, number] {
  let best: [string | undefined, number] = [undefined, 0];
  for (const [id, w] of learned) if (w > best[1]) best = [id, w];
  return best;
}

function startAction(article: Article | undefined): StartAction | undefined {
  const action = article?.action;
  return action && action !== 'municipalities' ? action : undefined;
}
