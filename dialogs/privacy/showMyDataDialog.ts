/** "Show my data": a readable summary and a short-lived link to everything as JSON. */
import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnLanguage } from '../../bot/i18n/turnLanguage.js';
import { isLocale, NATIVE_NAMES } from '../../bot/i18n/locales.js';
import { formatDate, formatTime } from '../../bot/language/format.js';
import type { PrivacyActions } from '../../bot/privacy/privacyActions.js';
import { turnLogger } from '../../bot/observability/correlation.js';

const SHOW_MY_DATA_DIALOG = 'showMyDataDialog';
const STEPS = 'showMyDataSteps';

export class ShowMyDataDialog extends ComponentDialog {
  constructor(private readonly actions: PrivacyActions) {
    super(SHOW_MY_DATA_DIALOG);
    this.addDialog(new WaterfallDialog(STEPS, [this.showSummaryStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async showSummaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const { locale, t } = turnLanguage(context);
    const { activity } = context;
    let summary;
    try {
      summary = await this.actions.showMyData({ channelId: activity.channelId, channelUserId: activity.from?.id, conversationId: activity.conversation.id });
    } catch (err) {
      turnLogger(context).error({ err }, 'privacy: export failed');
      await context.sendActivity(MessageFactory.text(String(t('privacy:show.failed'))));
      return step.endDialog();
    }
    const lines: string[] = [];
    if (summary.profile) {
      const language = summary.profile.locale && isLocale(summary.profile.locale) ? NATIVE_NAMES[summary.profile.locale] : String(t('privacy:show.languageNotChosen'));
      lines.push(String(t('privacy:show.profile', { date: formatDate(summary.profile.createdAt, locale), language })));
    } else {
      lines.push(String(t('privacy:show.noProfile')));
    }
    lines.push(String(t('privacy:show.conversations', { conversations: summary.conversations, messages: summary.messages })));
    for (const f of summary.features) {
      // Each feature names its own data; one without a label is listed by its name.
      const label = f.labelKey ? String(t(f.labelKey)) : f.name;
      lines.push(String(t('privacy:show.feature', { label, count: f.count })));
    }
    await context.sendActivity(MessageFactory.text(String(t('privacy:show.summary', { lines: lines.map((l) => `- ${l}`).join('\n') }))));
    await context.sendActivity(
      MessageFactory.text(String(t('privacy:show.link', { url: summary.link.url, minutes: summary.link.minutes, time: formatTime(summary.link.expiresAt, locale) }))),
    );
    return step.endDialog();
  }
}
