/**
 * Decides the language of each turn: the user's explicit choice (kept in their profile),
 * otherwise the channel's locale on first contact, otherwise the default. The channel sends
 * activity.locale on every turn; it never overrides a choice the user made.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Translator } from '../i18n/i18n.js';
import { isRtl, toSupportedLocale, type Locale } from '../i18n/locales.js';
import { setTurnLanguage, type TurnLanguage } from '../i18n/turnLanguage.js';

/** Where an explicit choice is recorded beyond conversation state (the user's profile row). */
export interface LocalePreferenceStore {
  setPreferredLocale(channelId: string, channelUserId: string, locale: string): Promise<void>;
  invalidate(channelId: string, conversationId: string): void;
}

/** The event the widget page listens for, so that its chrome follows a change made in the chat. */
export const LANGUAGE_EVENT = 'omabotti.language';
/** Channels that show the widget page (our own Direct Line, and Azure's Direct Line and Web Chat). */
const PAGE_CHANNELS: readonly string[] = ['directline', 'webchat'];

export interface LanguageProfile {
  locale?: Locale;
  /** True once the user has chosen the language themselves. */
  explicit?: boolean;
}

export class LanguageService {
  constructor(
    private readonly translator: Translator,
    private readonly profile: StatePropertyAccessor<LanguageProfile>,
    private readonly conversations: LocalePreferenceStore,
    private readonly defaultLocale: Locale,
  ) {}

  get shipped(): Locale[] {
    return this.translator.shipped;
  }

  private shippedOrUndefined(value: string | undefined): Locale | undefined {
    const locale = toSupportedLocale(value);
    return locale && this.translator.shipped.includes(locale) ? locale : undefined;
  }

  /** Resolves and sets the turn's language. Call once at the start of every turn. */
  async resolve(context: TurnContext): Promise<TurnLanguage> {
    const profile = await this.profile.get(context, {});
    let locale = profile.locale && this.translator.shipped.includes(profile.locale) ? profile.locale : undefined;
    if (!locale) {
      locale = this.shippedOrUndefined(context.activity.locale) ?? this.defaultLocale;
      await this.profile.set(context, { locale, explicit: false });
    }
    return this.apply(context, locale);
  }

  /** The user's explicit choice: stored in state and in their profile row, effective at once. */
  async choose(context: TurnContext, locale: Locale): Promise<TurnLanguage> {
    await this.profile.set(context, { locale, explicit: true });
    const { channelId, from, conversation } = context.activity;
    if (from?.id) await this.conversations.setPreferredLocale(channelId, from.id, locale);
    this.conversations.invalidate(channelId, conversation.id);
    const language = this.apply(context, locale);
    // Sent before the replies in the new language, so the page's header, placeholder, picker,
    // direction and Web Chat's own strings change with the conversation, without a reload.
    if (PAGE_CHANNELS.includes(channelId)) {
      await context.sendActivity({ type: 'event', name: LANGUAGE_EVENT, value: { locale, dir: isRtl(locale) ? 'rtl' : 'ltr' } });
    }
    return language;
  }

  /** The fixed translator of any shipped locale (the default's for others). */
  translatorFor(locale: Locale): TFunction {
    return this.translator.t(locale);
  }

  /** The best language for a turn whose state could not be read (used when apologising). */
  fallbackFor(context: TurnContext): TurnLanguage {
    const locale = this.shippedOrUndefined(context.activity?.locale) ?? this.defaultLocale;
    return { locale, t: this.translator.t(locale) };
  }

  private apply(context: TurnContext, locale: Locale): TurnLanguage {
    const language = { locale, t: this.translator.t(locale) };
    setTurnLanguage(context, language);
    return language;
  }
}
