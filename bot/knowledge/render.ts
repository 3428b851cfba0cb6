/**
 * Turns a QuestionService answer into what the user sees: message texts in the turn's language
 * and the suggested actions under them. Pure, so transcripts and the dialog share it.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import type { Locale } from '../i18n/locales.js';
import { markdownLink } from '../kernel/markdown.js';
import { formatDate } from '../language/format.js';
import { getPilotData, type EmploymentArea, type Municipality, type PilotData } from '../pilot/pilotData.js';
import { nameInSentence } from '../pilot/places.js';
import type { Article, KnowledgeBase } from './knowledgeBase.js';
import type { Answer, AnswerContext, MunicipalityFinding, PlaceContext, ServedBy, StartAction } from './questionService.js';

/** The same shape as LocalizedChoice in dialogs/prompts. */
export interface ReplyChoice {
  value: string;
  labelKey?: string;
  label?: string;
  labelArgs?: Record<string, unknown>;
}

export interface RenderedAnswer {
  messages: string[];
  choices: ReplyChoice[];
}

export const CHOICE = {
  article: 'article:',
  municipality: 'municipality:',
  start: 'start:',
  menu: 'menu',
} as const;

const MAX_FOLLOW_UPS = 3;

/** The i18next namespace holding article titles, so topic buttons follow a language change. */
const ARTICLE_TITLES_NS = 'knowledgeArticles';

/** Makes every article title a translation (knowledgeArticles:<id>) in each locale. */
export function registerArticleTitles(i18n: I18n, kb: KnowledgeBase): void {
  for (const locale of kb.locales) {
    const titles = Object.fromEntries(kb.articles(locale).map((a) => [a.id, a.title]));
    i18n.addResourceBundle(locale, ARTICLE_TITLES_NS, titles, true, true);
  }
}

/** A button for an article, labelled in whatever language the turn is in when it is shown. */
function articleChoice(a: Article): ReplyChoice {
  return { value: CHOICE.article + a.id, labelKey: `${ARTICLE_TITLES_NS}:${a.id}`, labelArgs: { defaultValue: a.title } };
}

const START_LABELS: Record<StartAction, string> = {
  eligibility: 'knowledge:actions.startEligibility',
  booking: 'knowledge:actions.startBooking',
  privacy: 'knowledge:actions.startPrivacy',
};

// Known public references, named in the user's language; anything else is shown as written.
const PUBLIC_SOURCE_KEYS: Array<[RegExp, string]> = [
  [/^Laki 1269\/2020/, 'law1269'],
  [/^Laki 380\/2023/, 'law380'],
  [/^Laki 189\/2001/, 'law189'],
  [/^HE 17\/2022/, 'he17'],
  [/^HE 43\/2021/, 'he43'],
  [/^Kela$/, 'kela'],
  [/^pohjoismainen työvoimapalvelumalli/, 'nordicModel'],
  [/GDPR/, 'gdpr'],
];

// Where a public reference can be read; a citation with an address becomes a link.
const PUBLIC_SOURCE_URLS: Array<[RegExp, string]> = [
  [/^Laki 1269\/2020/, 'https://www.finlex.fi/fi/lainsaadanto/2020/1269'],
  [/^Laki 380\/2023/, 'https://www.finlex.fi/fi/lainsaadanto/2023/380'],
  [/^Laki 189\/2001/, 'https://www.finlex.fi/fi/lainsaadanto/2001/189'],
  [/^Työttömyysturvalaki 1290\/2002/, 'https://www.finlex.fi/fi/lainsaadanto/2002/1290'],
  [/^HE 17\/2022/, 'https://www.eduskunta.fi/FI/vaski/HallituksenEsitys/Sivut/HE_17+2022.aspx'],
  [/^HE 43\/2021/, 'https://www.eduskunta.fi/FI/vaski/HallituksenEsitys/Sivut/HE_43+2021.aspx'],
  [/^Kela\b/, 'https://www.kela.fi/'],
  [/GDPR/, 'https://eur-lex.europa.eu/eli/reg/2016/679/oj'],
  [/^Työmarkkinatori/, 'https://tyomarkkinatori.fi/'],
];

/** The address a reference names in its own text ("… (tem.fi/paatos?decisionId=884)"), if any. */
function sourceUrl(source: string): string | undefined {
  const ref = source.replace(/^public:/, '');
  const known = PUBLIC_SOURCE_URLS.find(([re]) => re.test(ref));
  if (known) return known[1];
  const written = /\b(https?:\/\/[^\s)]+|(?:[a-z0-9-]+\.)+(?:fi|ax|com|org|eu)\/[^\s):]*)/i.exec(ref);
  if (!written) return undefined;
  return written[1].startsWith('http') ? written[1] : `https://${written[1]}`;
}

/** A citation as the user sees it: its name, as a link where the source has an address. */
function citation(source: string, t: TFunction): string {
  const name = sourceName(source, t);
  const url = sourceUrl(source);
  return url ? markdownLink(name, url) : name;
}

/** A source id ("seed:003_….txt", "public:Laki 380/2023") in plain words. */
function sourceName(source: string, t: TFunction): string {
  const seed = /^seed:(\d{3})_/.exec(source);
  if (seed) {
    const key = `knowledge:sources.seed${seed[1]}`;
    const name = String(t(key, { defaultValue: '' }));
    return name || String(t('knowledge:sources.seedOther', { number: seed[1] }));
  }
  const ref = source.replace(/^public:/, '');
  const known = PUBLIC_SOURCE_KEYS.find(([re]) => re.test(ref));
  return known ? String(t(`knowledge:sources.${known[1]}`)) : ref;
}

function sourcesLine(articles: readonly Article[], t: TFunction, locale?: Locale): string {
  const names = [...new Set(articles.flatMap((a) => a.sources).map((s) => citation(s, t)))];
  const line = String(t('knowledge:answer.sources', { sources: names.join('; ') }));
  // The oldest check date is the one the reader must know about.
  const checked = articles.map((a) => a.checked).filter((d): d is string => d !== undefined).sort()[0];
  return checked && locale ? `${line} ${String(t('knowledge:answer.checked', { date: isoDay(checked, locale) }))}` : line;
}

/** For "where is the office in X" and "X's phone number": who serves X and where its contacts are, or plainly that the bot has none. */
function placeLine(place: PlaceContext, ctx: RenderContext): string {
  const { t, locale } = ctx;
  const data = ctx.pilotData ?? getPilotData();
  const municipality = locale === 'sv' && place.name.sv ? place.name.sv : place.name.fi;
  const fallback = { fallbackName: data.nationalFallback.name, fallbackUrl: data.nationalFallback.url };
  const area = place.employmentArea;
  if (!area) return String(t('knowledge:place.unknown', { municipality, ...fallback }));
  const vars = { municipality, area: employmentAreaName(area, locale), ...fallback };
  return area.contactUrl ? String(t('knowledge:place.contact', { ...vars, url: area.contactUrl })) : String(t('knowledge:place.noUrl', vars));
}

function withPlace(text: string, context: AnswerContext | undefined, ctx: RenderContext): string {
  return context?.place ? `${text}\n\n${placeLine(context.place, ctx)}` : text;
}

export interface RenderContext {
  t: TFunction;
  locale: Locale;
  /** Whether a dialog for the action is wired in (booking, eligibility, privacy). */
  canStart(action: StartAction): boolean;
  /** Looks up an article in the answer's locale, for follow-up titles. */
  article(id: string): Article | undefined;
  pilotData?: PilotData;
}

export function renderAnswer(answer: Answer, ctx: RenderContext): RenderedAnswer {
  const { t } = ctx;
  switch (answer.kind) {
    case 'article': {
      const a = answer.article;
      // "Which municipalities?" lists the areas from the pilot data rather than a copy in the article.
      const listed = a.action === 'municipalities' ? `\n\n${pilotAreasLine(ctx)}` : '';
      return {
        messages: [`${withPlace(`${a.short}${listed}`, answer.context, ctx)}\n\n${sourcesLine([a], t, ctx.locale)}`],
        choices: [...startChoice(answer.start, ctx), ...followUps(a, ctx), menuChoice()],
      };
    }
    case 'generated': {
      const titles = answer.cited.map((a) => `“${a.title}”`).join(', ');
      return {
        messages: [`${withPlace(answer.text, answer.context, ctx)}\n\n${String(t('knowledge:answer.basedOn', { titles }))} ${sourcesLine(answer.cited, t, ctx.locale)}`],
        choices: [...startChoice(answer.start, ctx), ...followUps(answer.cited[0], ctx), menuChoice()],
      };
    }
    case 'clarify':
      return {
        messages: [String(t('knowledge:clarify.text'))],
        choices: [...answer.options.map(articleChoice), menuChoice()],
      };
    case 'notSure': {
      const text = String(t('knowledge:notSure.text'));
      return {
        messages: [answer.saved ? `${text}\n\n${String(t('knowledge:notSure.saved'))}` : text],
        choices: [...answer.closest.map(articleChoice), coachChoice(ctx), menuChoice()],
      };
    }
    case 'declined': {
      const text = String(t('knowledge:declined.text'));
      return {
        messages: [answer.saved ? `${text}\n\n${String(t('knowledge:notSure.saved'))}` : text],
        choices: [coachChoice(ctx), menuChoice()],
      };
    }
    case 'municipality':
      return renderMunicipality(answer.finding, answer.article, ctx, answer.context?.yesNo === true, answer.context?.today === true);
  }
}

function startChoice(action: StartAction | undefined, ctx: RenderContext): ReplyChoice[] {
  return action && ctx.canStart(action) ? [{ value: CHOICE.start + action, labelKey: START_LABELS[action] }] : [];
}

/** Booking with a coach: the booking dialog when it is wired in, otherwise the booking article. */
function coachChoice(ctx: RenderContext): ReplyChoice {
  return ctx.canStart('booking')
    ? { value: CHOICE.start + 'booking', labelKey: START_LABELS.booking }
    : { value: CHOICE.article + 'booking', labelKey: START_LABELS.booking };
}

function menuChoice(): ReplyChoice {
  return { value: CHOICE.menu, labelKey: 'knowledge:actions.menu' };
}

function followUps(article: Article | undefined, ctx: RenderContext): ReplyChoice[] {
  if (!article) return [];
  return article.followUps
    .slice(0, MAX_FOLLOW_UPS)
    .map((id) => ctx.article(id))
    .filter((a): a is Article => a !== undefined)
    .map(articleChoice);
}

function municipalityName(m: Municipality, locale: Locale): string {
  return nameInSentence(m.id, m.name, locale);
}

function localName(name: { fi: string; sv?: string; en?: string }, locale: Locale): string {
  if (locale === 'sv' && name.sv) return name.sv;
  if (locale === 'en' && name.en) return name.en;
  return name.fi;
}

/** The confirmed pilot areas of the data, with how many municipalities each had. */
function pilotAreasLine(ctx: RenderContext): string {
  const data = ctx.pilotData ?? getPilotData();
  const areas = data.pilotAreas
    .filter((area) => area.status === 'confirmed')
    .map((area) => {
      // Only members a source confirms: Pori's area also lists neighbours that applied or were interested.
      const count = data.municipalities.filter((m) => m.pilotAreaId === area.id && m.status === 'confirmed').length;
      const name = localName(area.name, ctx.locale);
      return count > 1 ? `${name} (${count})` : name;
    });
  return String(ctx.t('knowledge:municipality.listed', { areas: areas.join(', ') }));
}

function isoDay(date: string, locale: Locale): string {
  return formatDate(new Date(`${date}T12:00:00Z`), locale);
}

function renderMunicipality(finding: MunicipalityFinding, article: Article, ctx: RenderContext, yesNo = false, today = false): RenderedAnswer {
  const { t, locale } = ctx;
  const data = ctx.pilotData ?? getPilotData();
  const p = data.period;
  const dates = {
    start: isoDay(p.start.date, locale),
    end: isoDay(p.extendedEnd.date, locale),
    since: isoDay(p.employmentAreasSince.date, locale),
    count: p.employmentAreasSince.areaCount,
  };
  const after = [...followUps(article, ctx), menuChoice()];
  const fallback = { fallbackName: data.nationalFallback.name, fallbackUrl: data.nationalFallback.url };

  if (finding.status === 'suggest') {
    return {
      messages: [String(t('knowledge:municipality.suggest'))],
      choices: [...finding.candidates.map((m) => ({ value: CHOICE.municipality + m.id, label: municipalityName(m, locale) })), menuChoice()],
    };
  }
  // Who serves the town since the employment areas took over, when the bot knows it.
  const servedLine = (municipality: string, served: ServedBy | undefined) =>
    served && finding.phase === 'ended'
      ? String(t(served.certainty === 'stated' ? 'knowledge:municipality.servedBy' : 'knowledge:municipality.servedByInferred', {
          municipality,
          employmentArea: employmentAreaName(served.area, locale),
          // No sourced address for the area: Työmarkkinatori lists every area's services.
          url: served.area.contactUrl ?? fallback.fallbackUrl,
        }))
      : undefined;

  if (finding.status === 'unknown') {
    const served = servedLine(finding.name, finding.employmentArea);
    // "I live in Rovaniemi, which area serves me now?" is answered by the area alone: whether the bot can
    // confirm the town's part in the pilot is not what was asked.
    if (today && served) return { messages: [served], choices: after };
    const lines = [String(t('knowledge:municipality.unknown', { municipality: finding.name, ...dates }))];
    lines.push(served ?? String(t(finding.phase === 'ended' ? 'knowledge:municipality.unknownNow' : 'knowledge:municipality.unknownDuring', { ...dates, ...fallback })));
    return { messages: [lines.join(' ')], choices: after };
  }

  const name = municipalityName(finding.municipality, locale);
  const area = localName(finding.area.name, locale);
  const lines: string[] = [];
  const vars = { municipality: name, area, ...dates };
  const served = servedLine(name, finding.employmentArea);
  // Asked about today, the answer starts with who serves the town now; the pilot's part follows.
  const servedFirst = today && served !== undefined;
  if (servedFirst) lines.push(served);
  // "Yes" only answers a yes/no question ("was Salo in it?"), never "what is the phone number".
  const yes = yesNo && !servedFirst && finding.status === 'inPilot' && finding.phase !== 'before' ? `${String(t('knowledge:municipality.yes'))} ` : '';
  if (finding.status === 'uncertain') lines.push(String(t('knowledge:municipality.uncertain', vars)));
  else if (finding.phase === 'ended') lines.push(yes + String(t('knowledge:municipality.inPilot', vars)));
  else if (finding.phase === 'before') lines.push(String(t('knowledge:municipality.planned', vars)));
  else lines.push(yes + String(t('knowledge:municipality.inPilotNow', vars)));

  if (finding.phase === 'ended') {
    lines.push(String(t('knowledge:municipality.ended', vars)));
    if (!servedFirst) lines.push(served ?? String(t('knowledge:municipality.unknownNow', { ...dates, ...fallback })));
  }
  const sources = [...new Set([...finding.municipality.source, ...(finding.employmentArea?.area.source ?? [])])].map((s) => citation(s, t));
  return { messages: [`${lines.join(' ')}\n\n${String(t('knowledge:answer.sources', { sources: sources.join('; ') }))}`], choices: after };
}

function employmentAreaName(area: EmploymentArea, locale: Locale): string {
  return localName(area.name, locale);
}
