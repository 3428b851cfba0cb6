/**
 * Dialog transcripts with botbuilder-testing's DialogTestClient: the real MainDialog and
 * feature dialogs over MemoryStorage, with the turn language resolved as the bot does it.
 */
import { ConversationState, MemoryStorage, UserState, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { expect } from 'vitest';
import { CommandWords } from '../../bot/i18n/commandWords.js';
import { createTranslator, type Translator } from '../../bot/i18n/i18n.js';
import { LanguageService, type LanguageProfile, type LocalePreferenceStore } from '../../bot/language/languageService.js';
import { LanguageSwitchAdvisor, type LanguageSwitchMemory } from '../../bot/language/languageSwitch.js';
import type { Locale } from '../../bot/i18n/locales.js';
import type { FreeTextHandler, MenuEntry } from '../../bot/kernel/contracts.js';
import { LanguageDialog } from '../../dialogs/language/languageDialog.js';
import { MainDialog } from '../../dialogs/main/mainDialog.js';

export const translator: Translator = createTranslator();

/** A hand-written fake for the profile row store. */
export class FakePreferenceStore implements LocalePreferenceStore {
  readonly chosen: Array<{ channelUserId: string; locale: string }> = [];
  async setPreferredLocale(_channelId: string, channelUserId: string, locale: string): Promise<void> {
    this.chosen.push({ channelUserId, locale });
  }
  invalidate(): void {}
}

export interface DialogHarness {
  client: DialogTestClient;
  preferences: FakePreferenceStore;
  language: LanguageService;
  /** Sends a user message and returns every reply of the turn. */
  say(text: string | Partial<Activity>): Promise<Activity[]>;
}

export function createMainDialogHarness(options: {
  locale: Locale | string;
  features?: (language: LanguageService, conversationState: ConversationState) => MenuEntry[];
  freeText?: FreeTextHandler;
  /** Shared with dialogs built before the harness (the question dialog's conversation facts). */
  conversationState?: ConversationState;
}): DialogHarness {
  const storage = new MemoryStorage();
  const conversationState = options.conversationState ?? new ConversationState(storage);
  const userState = new UserState(storage);
  const preferences = new FakePreferenceStore();
  const language = new LanguageService(translator, userState.createProperty<LanguageProfile>('language'), preferences, 'fi');
  const resolveLanguage: Middleware = {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      context.activity.locale ??= options.locale;
      await language.resolve(context);
      await next();
      await userState.saveChanges(context, false);
    },
  };
  const languageSwitch = new LanguageSwitchAdvisor(language, conversationState.createProperty<LanguageSwitchMemory>('languageSwitch'));
  const main = new MainDialog({
    commands: new CommandWords(translator),
    menu: options.features?.(language, conversationState) ?? [],
    freeText: options.freeText,
    routes: {
      commands: { language: { dialog: new LanguageDialog(language) } },
      languageOffer: { advisor: languageSwitch },
    },
  });
  const client = new DialogTestClient('test', main, undefined, [resolveLanguage], conversationState);
  const say = async (input: string | Partial<Activity>) => {
    const activity: Partial<Activity> = typeof input === 'string' ? { type: 'message', text: input } : input;
    activity.locale ??= String(options.locale);
    const replies: Activity[] = [];
    const first = await client.sendActivity(activity);
    if (first) replies.push(first);
    for (let next = client.getNextReply() as Activity | undefined; next; next = client.getNextReply() as Activity | undefined) replies.push(next);
    return replies;
  };
  return { client, preferences, language, say };
}

/** A table-driven conversation: each row is [user says, expected bot replies (substrings or regexes)]. */
export type TranscriptRow = [string | Partial<Activity>, Array<string | RegExp>];

export async function playTranscript(harness: DialogHarness, rows: TranscriptRow[]): Promise<void> {
  for (const [userSays, expected] of rows) {
    const replies = await harness.say(userSays);
    const texts = replies.map((r) => r.text ?? '');
    for (const want of expected) {
      const found = texts.some((t) => (typeof want === 'string' ? t.includes(want) : want.test(t)));
      expect(found, `after "${typeof userSays === 'string' ? userSays : userSays.type}" expected a reply matching ${String(want)}; got ${JSON.stringify(texts)}`).toBe(true);
    }
  }
}

/** The suggested-action titles of the last reply that has any. */
export function lastSuggestions(replies: Activity[]): string[] {
  const withActions = [...replies].reverse().find((r) => r.suggestedActions?.actions?.length);
  return withActions?.suggestedActions?.actions.map((a) => String(a.title)) ?? [];
}
