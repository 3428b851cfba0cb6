/**
 * Proactive messages (reminders, booking updates) to a conversation from its stored reference.
 * A stored reference must not pin a process: a channel served by this server itself (the web
 * widget's Direct Line) registers a resolver so each instance delivers through its own loopback
 * serviceUrl.
 */
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from '../kernel/log.js';

export type ServiceUrlResolver = (reference: Partial<ConversationReference>) => string | undefined;

/** Runs a proactive turn with a self-hosted channel's own credentials (its loopback listener needs no Azure AD token). */
export type ContinueConversation = (reference: ConversationReference, logic: (context: TurnContext) => Promise<void>) => Promise<void>;

export class ProactiveMessenger {
  private readonly resolvers: Array<{ resolve: ServiceUrlResolver; continueConversation?: ContinueConversation }> = [];

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string | undefined,
    private readonly logger: Logger,
  ) {}

  /** Lets a self-hosted channel say where its conversations are reached from this process. */
  registerServiceUrlResolver(resolver: ServiceUrlResolver, continueConversation?: ContinueConversation): void {
    this.resolvers.push({ resolve: resolver, continueConversation });
  }

  /** Sends activities into the conversation; resolves false (and logs) if delivery failed. */
  async send(stored: Partial<ConversationReference>, activities: Array<Partial<Activity>>): Promise<boolean> {
    const reference = { ...stored } as ConversationReference;
    let own: ContinueConversation | undefined;
    for (const { resolve, continueConversation } of this.resolvers) {
      const url = resolve(reference);
      if (url) {
        reference.serviceUrl = url;
        own = continueConversation;
        break;
      }
    }
    try {
      // Caught here: the adapter would hand a failure to onTurnError, which swallows it (and
      // sends an apology to the same unreachable conversation), so the caller would see success.
      let failure: unknown;
      const logic = async (context: TurnContext) => {
        try {
          await context.sendActivities(activities);
        } catch (err) {
          failure = err;
        }
      };
      if (own) await own(reference, logic);
      else await this.adapter.continueConversationAsync(this.appId ?? '', reference, logic);
      if (failure) throw failure;
      return true;
    } catch (err) {
      this.logger.warn({ err, conversationId: reference.conversation?.id }, 'proactive message failed');
      return false;
    }
  }
}
