import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Clock } from '../kernel/clock.js';

/**
 * Stamps each outgoing activity with the bot's clock before the transcript logger and the channel
 * see it. Without this the transcript logger stamps with its own `new Date()` and the Web Chat
 * channel with the business clock; a page reading history and then live activities would order
 * them by two different clocks and could show an old menu under the newest prompt.
 */
export function sendTimestamps(clock: Clock): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      context.onSendActivities(async (_ctx, activities: Partial<Activity>[], nextSend) => {
        for (const activity of activities) if (!activity.timestamp) activity.timestamp = clock.now();
        return nextSend();
      });
      await next();
    },
  };
}
