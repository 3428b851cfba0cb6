/**
 * Information about the employment pilot in short messages, with suggested actions to go deeper:
 * what it is, who it is for, what you get, where and when, and "useful today": which employment
 * area serves my municipality now, how to register and how to reach a coach.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type Dialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnLanguage } from '../../bot/i18n/turnLanguage.js';
import { mentionsIdentityCode } from '../../bot/pilot/eligibilityService.js';
import type { Municipality } from '../../bot/pilot/pilotData.js';
import { INFO_TOPICS, type InfoTopic, type PilotInfoService } from '../../bot/pilot/pilotInfoService.js';
import { renderDuringPilot, renderServed, renderTopic, suggestionLabel } from '../../bot/pilot/render.js';
import { ask, LocalizedPrompt, type LocalizedChoice, type LocalizedPromptResult } from '../prompts/localizedPrompt.js';

export const PILOT_INFO_DIALOG = 'pilotInfoDialog';
const TOPIC = 'pilotInfoTopic';
const TODAY = 'pilotInfoToday';
const PROMPT = 'pilotInfoPrompt';

const C = {
  topic: 'topic:',
  eligibility: 'eligibility',
  menu: 'menu',
  municipality: 'municipality:',
  noneOfThese: 'none_of_these',
} as const;

export interface PilotInfoOptions {
  /** The topic to show first; "what" when absent. */
  topic?: InfoTopic;
  /** Only ask "what next?" (the topic was just shown). */
  shown?: boolean;
  /** For "today": the place typed, or re-ask after an unrecognised one. */
  text?: string;
  retry?: boolean;
}

export interface PilotInfoDialogDeps {
  service: PilotInfoService;
  /** The eligibility check, offered as a suggested action. */
  eligibility?: Dialog;
}

export class PilotInfoDialog extends ComponentDialog {
  constructor(private readonly deps: PilotInfoDialogDeps) {
    super(PILOT_INFO_DIALOG);
    this.addDialog(new LocalizedPrompt(PROMPT));
    if (deps.eligibility) this.addDialog(deps.eligibility);
    this.addDialog(new WaterfallDialog(TOPIC, [this.showTopicStep.bind(this), this.routeStep.bind(this), this.doneStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(TODAY, [this.askMunicipalityStep.bind(this), this.showServedStep.bind(this), this.confirmMunicipalityStep.bind(this)]),
    );
    this.initialDialogId = TOPIC;
  }

  private async showTopicStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as PilotInfoOptions;
    const topic = options.topic ?? 'what';
    if (topic === 'today' && !options.shown) return step.replaceDialog(TODAY, {} satisfies PilotInfoOptions);
    const { locale, t } = turnLanguage(step.context);
    if (!options.shown && topic !== 'today') {
      for (const text of renderTopic(topic, this.deps.service.overview(), locale, t)) await this.send(step.context, text);
    }
    vals(step).topic = topic;
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: options.retry ? 'pilot:info.retry' : 'pilot:info.prompt', choices: this.choices(topic), allowFreeText: true }));
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as Exclude<LocalizedPromptResult, boolean>;
    const choice = result.choice;
    if (choice === C.menu) return step.endDialog();
    if (choice === C.eligibility && this.deps.eligibility) return step.beginDialog(this.deps.eligibility.id);
    if (choice?.startsWith(C.topic)) return step.replaceDialog(TOPIC, { topic: choice.slice(C.topic.length) as InfoTopic } satisfies PilotInfoOptions);
    // A place name typed here: where is it served now?
    if (!mentionsIdentityCode(result.text) && this.deps.service.servedIn(result.text, turnLanguage(step.context).locale).kind !== 'unrecognised') {
      return step.replaceDialog(TODAY, { text: result.text } satisfies PilotInfoOptions);
    }
    return step.replaceDialog(TOPIC, { topic: vals(step).topic as InfoTopic, shown: true, retry: true } satisfies PilotInfoOptions);
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  private async askMunicipalityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as PilotInfoOptions;
    const service = this.deps.service;
    if (service.phase() !== 'ended') {
      // During the pilot the answer depends on customer status, not on the place.
      const { locale, t } = turnLanguage(step.context);
      for (const text of renderDuringPilot(service.dates(), service.nationalFallback(), locale, t)) await this.send(step.context, text);
      return step.replaceDialog(TOPIC, { topic: 'today', shown: true } satisfies PilotInfoOptions);
    }
    if (options.text) return step.next({ text: options.text });
    return step.prompt(
      PROMPT,
      ask({
        kind: 'text',
        promptKey: options.retry ? 'pilot:today.retry' : 'pilot:today.prompt',
        choices: [{ value: C.menu, labelKey: 'pilot:info.topics.other' }],
      }),
    );
  }

  private async showServedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = (step.result as { text: string }).text;
    const { locale, t } = turnLanguage(step.context);
    if (String(t('pilot:info.topics.other')).toLowerCase() === text.trim().toLowerCase()) {
      return step.replaceDialog(TOPIC, { topic: 'today', shown: true } satisfies PilotInfoOptions);
    }
    if (mentionsIdentityCode(text)) {
      await this.send(step.context, String(t('pilot:elig.hetu')));
      return step.replaceDialog(TODAY, {} satisfies PilotInfoOptions);
    }
    const served = this.deps.service.servedIn(text, locale);
    if (served.kind === 'unrecognised') return step.replaceDialog(TODAY, { retry: true } satisfies PilotInfoOptions);
    if (served.kind === 'suggest') {
      vals(step).candidates = served.candidates;
      const choices: LocalizedChoice[] = [
        ...served.candidates.map((m) => ({ value: `${C.municipality}${m.id}`, label: suggestionLabel(m, locale) })),
        { value: C.noneOfThese, labelKey: 'pilot:elig.choices.noneOfThese' },
      ];
      return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: 'pilot:elig.q.didYouMean', retryKey: 'pilot:elig.q.choiceRetry', choices }));
    }
    for (const message of renderServed(served, locale, t, this.deps.service.dates())) await this.send(step.context, message);
    return step.replaceDialog(TOPIC, { topic: 'today', shown: true } satisfies PilotInfoOptions);
  }

  private async confirmMunicipalityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = (step.result as Exclude<LocalizedPromptResult, boolean>).choice;
    const candidates = (vals(step).candidates ?? []) as Municipality[];
    const picked = choice?.startsWith(C.municipality) ? candidates.find((m) => `${C.municipality}${m.id}` === choice) : undefined;
    if (!picked) return step.replaceDialog(TODAY, { retry: true } satisfies PilotInfoOptions);
    const { locale, t } = turnLanguage(step.context);
    const served = this.deps.service.servedIn({ kind: 'match', municipality: picked });
    if (served.kind !== 'suggest') for (const message of renderServed(served, locale, t, this.deps.service.dates())) await this.send(step.context, message);
    return step.replaceDialog(TOPIC, { topic: 'today', shown: true } satisfies PilotInfoOptions);
  }

  private choices(current: InfoTopic): LocalizedChoice[] {
    return [
      ...INFO_TOPICS.filter((topic) => topic !== current).map((topic) => ({ value: `${C.topic}${topic}`, labelKey: `pilot:info.topics.${topic}` })),
      ...(this.deps.eligibility ? [{ value: C.eligibility, labelKey: 'pilot:menu.eligibility' }] : []),
      { value: C.menu, labelKey: 'pilot:info.topics.menu' },
    ];
  }

  private async send(context: TurnContext, text: string): Promise<void> {
    const message = MessageFactory.text(text);
    message.locale = turnLanguage(context).locale;
    await context.sendActivity(message);
  }
}

function vals(step: WaterfallStepContext): Record<string, unknown> {
  return step.values as Record<string, unknown>;
}
