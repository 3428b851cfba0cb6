/**
 * Decides what a message means for the conversation's language, so dialogs don't need to know
 * how languages are detected:
 * - "kieli", "change the language please"         -> open the language menu;
 * - "in English", "suomeksi", "به فارسی"           -> switch at once;
 * - a message written in another shipped language -> offer to switch, in that language.
 * An offer the user has declined is not made again for that language in the same conversation.
 *
 * The offer is a question on top of whatever the user was doing, not a dialog of its own: the
 * message that caused it is kept here, and once the user has said yes or no it is handed back to
 * the dialog underneath as if it had just been typed. So declining leaves the user exactly where
 * they were with their text as the answer, and accepting answers that text in the new language.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { isLanguageCommand, parseLanguageRequest } from './commands.js';
import { switchSuggestionFrom } from './detect.js';
import { recognizeYesNo } from './recognizers.js';
import { detectedLanguage } from './turnDetection.js';
import type { LanguageService } from './languageService.js';
import type { Locale } from '../i18n/locales.js';
import { turnLanguage, type TurnLanguage } from '../i18n/turnLanguage.js';

/** Kept in conversation state. */
export interface LanguageSwitchMemory {
  /** Languages the user said no to in this conversation. */
  declined?: Locale[];
  /** Labels of the buttons the bot showed last: tapping one ("ma 7.12. klo 10.30") is no reason to switch. */
  offered?: string[];
  /** The offer on screen, with the message that caused it. */
  pending?: PendingOffer;
}

export interface PendingOffer {
  locale: Locale;
  /** The message that showed the language: answered once the offer is settled. */
  text: string;
  /** Answers that were neither yes nor no. */
  attempts: number;
}

const WATCHING = Symbol('languageSwitchWatching');

export type LanguageIntent =
  | { kind: 'menu' }
  | { kind: 'switch'; locale: Locale }
  | { kind: 'offer'; locale: Locale };

export class LanguageSwitchAdvisor {
  constructor(
    private readonly language: LanguageService,
    private readonly memory: StatePropertyAccessor<LanguageSwitchMemory>,
  ) {}

  /** What the message asks of the language, if anything. Call only for the user's own typed text. */
  async read(context: TurnContext, text: string | undefined): Promise<LanguageIntent | undefined> {
    const message = text?.trim();
    if (!message) return undefined;
    if (isLanguageCommand(message)) return { kind: 'menu' };
    const requested = parseLanguageRequest(message);
    if (requested && this.language.shipped.includes(requested)) return { kind: 'switch', locale: requested };

    const current = turnLanguage(context).locale;
    const { declined = [], offered = [] } = await this.memory.get(context, {});
    const folded = message.toLocaleLowerCase();
    if (offered.some((label) => label.toLocaleLowerCase() === folded)) return undefined;
    // A yes or a no ("yes", "نعم") answers the question on screen; it is no reason to switch.
    if (recognizeYesNo(message, current) !== undefined) return undefined;
    const suggested = switchSuggestionFrom(detectedLanguage(context, message), current);
    if (!suggested || !this.language.shipped.includes(suggested)) return undefined;
    if (declined.includes(suggested)) return undefined;
    return { kind: 'offer', locale: suggested };
  }

  /** Remembers the offer just made, with the message that caused it. */
  async holdOffer(context: TurnContext, offer: PendingOffer): Promise<void> {
    const memory = await this.memory.get(context, {});
    await this.memory.set(context, { ...memory, pending: offer });
  }

  /** The offer waiting for the user's answer, if any. */
  async pendingOffer(context: TurnContext): Promise<PendingOffer | undefined> {
    return (await this.memory.get(context, {})).pending;
  }

  /** Forgets the offer on screen (answered, replaced by a command, or given up). */
  async dropOffer(context: TurnContext): Promise<void> {
    const memory = await this.memory.get(context, {});
    if (memory.pending) await this.memory.set(context, { ...memory, pending: undefined });
  }

  /**
   * The user's answer to an offer of `locale`: yes or no in either language, or a message written
   * in the offered language, which says yes as clearly as the button; undefined when it is neither.
   */
  answerTo(context: TurnContext, text: string, locale: Locale): boolean | undefined {
    const answer = recognizeYesNo(text, locale) ?? recognizeYesNo(text, turnLanguage(context).locale);
    if (answer !== undefined) return answer;
    return switchSuggestionFrom(detectedLanguage(context, text), turnLanguage(context).locale) === locale ? true : undefined;
  }

  /** Remembers the button labels this turn shows, so that tapping one later is read as an answer. */
  watchReplies(context: TurnContext): void {
    if (context.turnState.get(WATCHING)) return;
    context.turnState.set(WATCHING, { cleared: false });
    context.onSendActivities(async (ctx, activities, next) => {
      const messages = activities.filter((a) => a.type === 'message');
      if (messages.length > 0) {
        const state = ctx.turnState.get(WATCHING) as { cleared: boolean };
        const memory = await this.memory.get(ctx, {});
        const labels = messages.flatMap((m) => (m.suggestedActions?.actions ?? []).map((a) => String(a.title ?? a.value ?? '')).filter(Boolean));
        const offered = state.cleared ? [...(memory.offered ?? []), ...labels] : labels;
        state.cleared = true;
        await this.memory.set(ctx, { ...memory, offered: offered.slice(-40) });
      }
      return next();
    });
  }

  /** The user said no to `locale`: don't offer it again in this conversation. */
  async decline(context: TurnContext, locale: Locale): Promise<void> {
    const memory = await this.memory.get(context, {});
    const declined = memory.declined ?? [];
    if (!declined.includes(locale)) await this.memory.set(context, { ...memory, declined: [...declined, locale] });
  }

  /** Switches the conversation (and the user's profile) to `locale` from this turn on. */
  async accept(context: TurnContext, locale: Locale): Promise<TurnLanguage> {
    return this.language.choose(context, locale);
  }

  /** The translator of a language other than the turn's, for asking in that language. */
  translatorFor(locale: Locale): TFunction {
    return this.language.translatorFor(locale);
  }
}
