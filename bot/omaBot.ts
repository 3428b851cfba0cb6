/** The bot: resolves the turn's language, records the conversation, and runs the main dialog. */
import {
  ActionTypes,
  ActivityHandler,
  MessageFactory,
  TurnContext,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import type { ConversationRepository } from './conversations/conversationRepository.js';
import type { LanguageService } from './language/languageService.js';
import { isLocale } from './i18n/locales.js';
import { tr, turnLanguage } from './i18n/turnLanguage.js';
import { DEFAULT_SERVICE_NAME } from './config.js';
import type { Logger } from './kernel/log.js';
import { beginTurnLogging, turnLogger } from './observability/correlation.js';
import type { Metrics } from './observability/metrics.js';
import { CRISIS_RESOURCES, detectCrisis } from './privacy/safety.js';

export interface OmaBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  /** The root dialog (the main menu); the bot knows it only as a dialog. */
  mainDialog: Dialog;
  language: LanguageService;
  conversations: ConversationRepository;
  logger: Logger;
  /** Shown in the welcome, e.g. "Salo". */
  municipalityName: string;
  metrics?: Metrics;
  /** Longer messages get a polite request for a shorter one (MAX_MESSAGE_CHARS). */
  maxMessageChars?: number;
  /** The user is typing: a coach in a live chat with them sees it. */
  onUserTyping?(channelId: string, conversationId: string): Promise<void>;
  /** A message the bot answered itself (the crisis reply) still reaches a coach in a live chat with the user. */
  relayToLiveChat?(channelId: string, conversationId: string, text: string, locale: string): Promise<void>;
}

interface ConversationFlags {
  welcomed?: boolean;
}

export class OmaBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly flags: StatePropertyAccessor<ConversationFlags>;

  constructor(private readonly deps: OmaBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.flags = deps.conversationState.createProperty<ConversationFlags>('flags');

    this.onMessage(async (context, next) => {
      const text = typeof context.activity.text === 'string' ? context.activity.text : '';
      if (deps.maxMessageChars !== undefined && text.length > deps.maxMessageChars) {
        await context.sendActivity(MessageFactory.text(String(tr(context)('privacy:tooLong', { max: deps.maxMessageChars }))));
      } else if (detectCrisis(text)) {
        // Emergency and crisis-line numbers come first; the task in progress waits for the next message.
        await this.safetyReply(context);
        await this.relayToLiveChat(context, text);
      } else {
        await this.runMainDialog(context);
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== botId);
      if (joined) await this.welcome(context);
      await next();
    });

    this.onTyping(async (context, next) => {
      const { channelId, conversation } = context.activity;
      if (deps.onUserTyping && channelId && conversation?.id) {
        try {
          await deps.onUserTyping(channelId, conversation.id);
        } catch (err) {
          // A lost typing indicator costs nothing; never an apology for it.
          turnLogger(context, deps.logger).warn({ err }, 'typing relay failed');
        }
      }
      await next();
    });

    // The web widget's language picker sends { name: 'setLanguage', value: 'sv' }.
    this.onEvent(async (context, next) => {
      const { name, value } = context.activity;
      if (name === 'setLanguage' && isLocale(value) && deps.language.shipped.includes(value)) {
        const { t } = await deps.language.choose(context, value);
        await context.sendActivity(MessageFactory.text(t('language.changed')));
        // A prompt ignores events, so ask the open question again, now in the new language.
        const dialogs = new DialogSet(this.dialogState);
        dialogs.add(deps.mainDialog);
        const dc = await dialogs.createContext(context);
        if (dc.activeDialog) await dc.repromptDialog();
        else await dc.beginDialog(deps.mainDialog.id);
      }
      await next();
    });

    this.onDialog(async (context, next) => {
      // Each writes only when its document changed; when both did, they go out together.
      await Promise.all([deps.conversationState.saveChanges(context, false), deps.userState.saveChanges(context, false)]);
      await next();
    });
  }

  async run(context: TurnContext): Promise<void> {
    // The turn's logger (request id + conversation id) for everything below: turnLogger(context).
    const log = beginTurnLogging(context, this.deps.logger);
    const endTimer = this.deps.metrics?.startTurn(context.activity?.channelId, context.activity?.type);
    const started = performance.now();
    try {
      // Both state documents in one database round trip (SqlStorage joins same-tick reads).
      if (context.activity.from?.id && context.activity.conversation?.id && context.activity.channelId) {
        await Promise.all([this.deps.userState.load(context), this.deps.conversationState.load(context)]);
      }
      await this.deps.language.resolve(context);
      await this.recordConversation(context);
      await super.run(context);
    } finally {
      endTimer?.();
      log.debug({ ms: Math.round((performance.now() - started) * 10) / 10 }, 'turn');
    }
  }

  /**
   * Continue the active dialog, or begin at the main menu. This is the core of the SDK's runDialog
   * without its memory scopes, which this bot does not use and whose settings scope copies all of
   * process.env on every turn.
   */
  private async runMainDialog(context: TurnContext): Promise<void> {
    const dialogs = new DialogSet(this.dialogState);
    dialogs.add(this.deps.mainDialog);
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.deps.mainDialog.id);
  }

  /** No invoke (card actions, sign-in, search) is used: a client error, not the SDK's 501. */
  protected async onInvokeActivity(_context: TurnContext): Promise<InvokeResponse> {
    return { status: 400, body: { error: 'BadRequest', message: 'This bot handles no invoke activities.' } };
  }

  private async relayToLiveChat(context: TurnContext, text: string): Promise<void> {
    const { channelId, conversation } = context.activity;
    if (!this.deps.relayToLiveChat || !channelId || !conversation?.id) return;
    try {
      await this.deps.relayToLiveChat(channelId, conversation.id, text, turnLanguage(context).locale);
    } catch (err) {
      turnLogger(context, this.deps.logger).error({ err }, 'live chat relay failed');
    }
  }

  private async safetyReply(context: TurnContext): Promise<void> {
    const helpline = CRISIS_RESOURCES.helplines[0];
    const text = String(tr(context)('privacy:safety.reply', { emergency: CRISIS_RESOURCES.emergencyNumber, helpline: helpline.organisation, phone: helpline.phone }));
    const message = MessageFactory.text(text, text);
    message.suggestedActions = {
      to: [],
      actions: [
        { type: ActionTypes.Call, title: CRISIS_RESOURCES.emergencyNumber, value: `tel:${CRISIS_RESOURCES.emergencyNumber}` },
        { type: ActionTypes.Call, title: helpline.phone, value: `tel:${helpline.tel}` },
      ],
    };
    await context.sendActivity(message);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const flags = await this.flags.get(context, {});
    if (flags.welcomed) return;
    await this.flags.set(context, { ...flags, welcomed: true });
    const t = tr(context);
    const named = this.deps.municipalityName && this.deps.municipalityName !== DEFAULT_SERVICE_NAME;
    await context.sendActivity(MessageFactory.text(named ? t('welcome.intro', { municipality: this.deps.municipalityName }) : t('welcome.introGeneric')));
    await context.sendActivity(MessageFactory.text(t('privacy.short')));
    await this.runMainDialog(context);
  }

  private async recordConversation(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (!activity.conversation?.id || !activity.channelId) return;
    try {
      await this.deps.conversations.touch({
        channelId: activity.channelId,
        conversationId: activity.conversation.id,
        channelUserId: activity.from?.id,
        locale: activity.locale,
        reference: TurnContext.getConversationReference(activity),
      });
    } catch (err) {
      // Bookkeeping must never cost the user their answer.
      turnLogger(context, this.deps.logger).error({ err }, 'conversation record failed');
      this.deps.metrics?.errors.inc({ kind: 'storage' });
    }
  }
}
