/**
 * The eligibility check: one question at a time, only the questions the rule still needs on
 * today's date (after the pilot: the municipality alone). Each question says why it is asked and
 * can be skipped or answered "I don't know"; "back" returns to the previous question. The answers
 * and the outcome are stored in the user's profile for the booking's coach matching.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import { municipalityNamed, type ConversationFacts } from '../../bot/conversations/conversationFacts.js';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizeCommandText } from '../../bot/i18n/commandWords.js';
import { tr, turnLanguage } from '../../bot/i18n/turnLanguage.js';
import { formatDate } from '../../bot/language/format.js';
import { recognizeChoice, recognizeYesNo } from '../../bot/language/recognizers.js';
import type { BenefitAnswer, EligibilityAnswers, EligibilityOutcome, QuestionId, YesNoUnknown } from '../../bot/pilot/eligibility.js';
import { mentionsIdentityCode, type EligibilityService } from '../../bot/pilot/eligibilityService.js';
import type { Municipality, NationalFallback } from '../../bot/pilot/pilotData.js';
import type { PilotDates } from '../../bot/pilot/pilotInfoService.js';
import type { DialogStart } from '../../bot/kernel/contracts.js';
import { renderResult, suggestionLabel } from '../../bot/pilot/render.js';
import { ask, choiceLabel, LocalizedPrompt, type LocalizedChoice, type LocalizedPromptResult } from '../prompts/localizedPrompt.js';

const ELIGIBILITY_DIALOG = 'eligibilityDialog';
const LOOP = 'eligibilityLoop';
const RESULT = 'eligibilityResult';
const PROMPT = 'eligibilityPrompt';
const QUESTION_DIALOGS: Record<QuestionId, string> = {
  municipality: 'eligibilityMunicipality',
  age: 'eligibilityAge',
  foreign_language: 'eligibilityForeignLanguage',
  benefit: 'eligibilityBenefit',
  unemployed_or_in_services: 'eligibilityUnemployed',
};
const ANSWER_FIELD: Record<QuestionId, keyof EligibilityAnswers> = {
  municipality: 'municipality',
  age: 'age',
  foreign_language: 'foreignLanguage',
  benefit: 'benefit',
  unemployed_or_in_services: 'unemployedOrInServices',
};

const C = {
  yes: 'yes',
  no: 'no',
  kela: 'kela',
  fund: 'fund',
  none: 'none',
  dontKnow: 'dont_know',
  skip: 'skip',
  back: 'back',
  noneOfThese: 'none_of_these',
  municipality: 'municipality:',
  book: 'book',
  info: 'info',
  menu: 'menu',
} as const;

export interface EligibilityDialogOptions {
  /** Answers already given (another dialog may know the municipality). */
  answers?: EligibilityAnswers;
}

export interface EligibilityDialogResult {
  outcome: EligibilityOutcome;
  checkId: string;
}

/** Where the check goes on from the result; a missing entry is not offered. */
export interface EligibilityNextDialogs {
  booking?: DialogStart;
  info?: DialogStart;
}

export interface EligibilityDialogDeps {
  service: EligibilityService;
  dates(): PilotDates;
  fallback(): NationalFallback;
  /** "back" words of every shipped locale, normalised (normalizeCommandText). */
  backWords: ReadonlySet<string>;
  next?: EligibilityNextDialogs;
  /** Remembers the municipality answered here, so booking and "talk to a person" do not ask it again. */
  facts?: ConversationFacts;
}

/** Dialog state between turns; plain JSON. */
interface CheckState {
  answers: EligibilityAnswers;
  /** Questions answered, in order, for "back". */
  history: QuestionId[];
  introduced?: boolean;
  retry?: boolean;
}

type QuestionOutcome = { kind: 'answered'; question: QuestionId; answers: EligibilityAnswers } | { kind: 'back' };

export class EligibilityDialog extends ComponentDialog {
  constructor(private readonly deps: EligibilityDialogDeps) {
    super(ELIGIBILITY_DIALOG);
    this.addDialog(new LocalizedPrompt(PROMPT));
    this.addDialog(new WaterfallDialog(LOOP, [this.nextQuestionStep.bind(this), this.afterAnswerStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(QUESTION_DIALOGS.municipality, [
        this.askMunicipalityStep.bind(this),
        this.readMunicipalityStep.bind(this),
        this.confirmMunicipalityStep.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(QUESTION_DIALOGS.age, [this.askAgeStep.bind(this), this.readAgeStep.bind(this)]));
    this.addDialog(new WaterfallDialog(QUESTION_DIALOGS.foreign_language, [this.askForeignLanguageStep.bind(this), this.readForeignLanguageStep.bind(this)]));
    this.addDialog(new WaterfallDialog(QUESTION_DIALOGS.benefit, [this.askBenefitStep.bind(this), this.readBenefitStep.bind(this)]));
    this.addDialog(new WaterfallDialog(QUESTION_DIALOGS.unemployed_or_in_services, [this.askUnemployedStep.bind(this), this.readUnemployedStep.bind(this)]));
    this.addDialog(new WaterfallDialog(RESULT, [this.showResultStep.bind(this), this.afterResultStep.bind(this)]));
    this.initialDialogId = LOOP;
  }

  // --- the loop: next question, or the result -------------------------------------------------

  private async nextQuestionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as Partial<CheckState> & EligibilityDialogOptions;
    const state: CheckState = { answers: options.answers ?? {}, history: options.history ?? [], introduced: options.introduced };
    if (!state.introduced) {
      const phase = this.deps.service.phase();
      const key = phase === 'running' || phase === 'extension' ? 'pilot:elig.intro.active' : phase === 'before' ? 'pilot:elig.intro.before' : 'pilot:elig.intro.ended';
      await this.say(step.context, key, this.dateArgs(step.context));
      state.introduced = true;
    }
    const question = this.deps.service.nextQuestion(state.answers);
    if (question === null) return step.replaceDialog(RESULT, state);
    vals(step).state = state;
    return step.beginDialog(QUESTION_DIALOGS[question], { ...state, retry: false } satisfies CheckState);
  }

  private async afterAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = vals(step).state as CheckState;
    const outcome = step.result as QuestionOutcome;
    if (outcome.kind === 'back') {
      const previous = state.history.pop();
      const answers = { ...state.answers };
      if (previous) delete answers[ANSWER_FIELD[previous]];
      return step.replaceDialog(LOOP, { ...state, answers } satisfies CheckState);
    }
    return step.replaceDialog(LOOP, { ...state, answers: outcome.answers, history: [...state.history, outcome.question] } satisfies CheckState);
  }

  // --- questions ------------------------------------------------------------------------------

  private async askMunicipalityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as CheckState;
    const during = this.pilotRunning();
    const promptKey = state.retry ? 'pilot:elig.q.municipalityRetry' : during ? 'pilot:elig.q.municipality' : 'pilot:elig.q.municipalityNow';
    return step.prompt(PROMPT, ask({ kind: 'text', promptKey, choices: this.commonChoices(state) }));
  }

  private async readMunicipalityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as CheckState;
    const text = (step.result as { text: string }).text;
    const common = await this.readCommon(step, state, 'municipality', text, { numbers: true });
    if (common) return common;
    const match = this.deps.service.matchMunicipality(text, turnLanguage(step.context).locale);
    switch (match.kind) {
      case 'match':
      case 'known_outside_data':
        return this.answered(step, state, 'municipality', { municipality: match });
      case 'suggest': {
        vals(step).candidates = match.candidates;
        const choices: LocalizedChoice[] = [
          ...match.candidates.map((m) => ({ value: `${C.municipality}${m.id}`, label: suggestionLabel(m, turnLanguage(step.context).locale) })),
          { value: C.noneOfThese, labelKey: 'pilot:elig.choices.noneOfThese' },
        ];
        return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: 'pilot:elig.q.didYouMean', retryKey: 'pilot:elig.q.choiceRetry', choices, allowFreeText: true }));
      }
      case 'none':
        return step.replaceDialog(QUESTION_DIALOGS.municipality, { ...state, retry: true } satisfies CheckState);
    }
  }

  private async confirmMunicipalityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as CheckState;
    const result = step.result as Exclude<LocalizedPromptResult, boolean>;
    const candidates = (vals(step).candidates ?? []) as Municipality[];
    const picked = result.choice?.startsWith(C.municipality) ? result.choice.slice(C.municipality.length) : undefined;
    if (picked) {
      const municipality = candidates.find((m) => m.id === picked);
      if (municipality) return this.answered(step, state, 'municipality', { municipality: { kind: 'match', municipality } });
    }
    if (result.choice === C.noneOfThese || candidates.length === 0) {
      return step.replaceDialog(QUESTION_DIALOGS.municipality, { ...state, retry: true } satisfies CheckState);
    }
    // Typed something else: read it as a new answer to the municipality question.
    const common = await this.readCommon(step, state, 'municipality', result.text, { numbers: true });
    if (common) return common;
    const match = this.deps.service.matchMunicipality(result.text, turnLanguage(step.context).locale);
    if (match.kind === 'match' || match.kind === 'known_outside_data') return this.answered(step, state, 'municipality', { municipality: match });
    return step.replaceDialog(QUESTION_DIALOGS.municipality, { ...state, retry: true } satisfies CheckState);
  }

  private async askAgeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as CheckState;
    return step.prompt(PROMPT, ask({ kind: 'text', promptKey: state.retry ? 'pilot:elig.q.ageRetry' : 'pilot:elig.q.age', choices: this.commonChoices(state) }));
  }

  private async readAgeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as CheckState;
    const text = (step.result as { text: string }).text;
    // "2" is a button number here; an age is 15 or more (EligibilityService.parseAge).
    const buttonNumber = /^\s*\d\s*$/u.test(text);
    const common = await this.readCommon(step, state, 'age', text, { numbers: buttonNumber });
    if (common) return common;
    const age = this.deps.service.parseAge(text);
    if (!age) return step.replaceDialog(QUESTION_DIALOGS.age, { ...state, retry: true } satisfies CheckState);
    return this.answered(step, state, 'age', { age });
  }

  private async askForeignLanguageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.askYesNo(step, 'pilot:elig.q.foreignLanguage');
  }

  private async readForeignLanguageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.readYesNo(step, 'foreign_language');
  }

  private async askBenefitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as CheckState;
    const choices: LocalizedChoice[] = [
      { value: C.kela, labelKey: 'pilot:elig.choices.kela' },
      { value: C.fund, labelKey: 'pilot:elig.choices.fund' },
      { value: C.none, labelKey: 'pilot:elig.choices.none' },
      ...this.commonChoices(state),
    ];
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: state.retry ? 'pilot:elig.q.choiceRetry' : 'pilot:elig.q.benefit', choices, allowFreeText: true }));
  }

  private async readBenefitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as CheckState;
    const result = step.result as Exclude<LocalizedPromptResult, boolean>;
    const byChoice: Record<string, BenefitAnswer> = { [C.kela]: 'kela', [C.fund]: 'fund', [C.none]: 'none' };
    if (result.choice && byChoice[result.choice]) return this.answered(step, state, 'benefit', { benefit: byChoice[result.choice] });
    const common = await this.readCommon(step, state, 'benefit', result.text, { numbers: true, choice: result.choice });
    if (common) return common;
    return step.replaceDialog(QUESTION_DIALOGS.benefit, { ...state, retry: true } satisfies CheckState);
  }

  private async askUnemployedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.askYesNo(step, 'pilot:elig.q.unemployed');
  }

  private async readUnemployedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.readYesNo(step, 'unemployed_or_in_services');
  }

  // --- result ---------------------------------------------------------------------------------

  private async showResultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as CheckState;
    const { locale, t } = turnLanguage(step.context);
    const { activity } = step.context;
    const user = { channelId: activity.channelId, channelUserId: activity.from?.id ?? activity.conversation.id };
    const finished = await this.deps.service.finish(user, locale, state.answers);
    const canBook = finished.result.outcome === 'eligible' && this.deps.next?.booking !== undefined;
    const messages = renderResult(finished.result, locale, t, { dates: this.deps.dates(), canBook, fallback: this.deps.fallback() });
    for (const text of messages) await this.send(step.context, text);
    await this.say(step.context, 'pilot:elig.stored');
    vals(step).result = { outcome: finished.result.outcome, checkId: finished.checkId } satisfies EligibilityDialogResult;

    const choices: LocalizedChoice[] = [];
    if (canBook) choices.push({ value: C.book, labelKey: 'pilot:elig.choices.book' });
    if (this.deps.next?.info) choices.push({ value: C.info, labelKey: 'pilot:menu.info' });
    if (choices.length === 0) return step.endDialog(vals(step).result);
    choices.push({ value: C.menu, labelKey: 'pilot:info.topics.menu' });
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: 'pilot:elig.whatNext', choices, allowFreeText: true, takesQuestions: true }));
  }

  private async afterResultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = (step.result as Exclude<LocalizedPromptResult, boolean>).choice;
    const target = choice === C.book ? this.deps.next?.booking : choice === C.info ? this.deps.next?.info : undefined;
    if (target) return step.replaceDialog(target.dialogId, target.options);
    return step.endDialog(vals(step).result);
  }

  // --- shared ---------------------------------------------------------------------------------

  private pilotRunning(): boolean {
    const phase = this.deps.service.phase();
    return phase === 'running' || phase === 'extension';
  }

  private commonChoices(state: CheckState): LocalizedChoice[] {
    return [
      { value: C.dontKnow, labelKey: 'pilot:elig.choices.dontKnow' },
      { value: C.skip, labelKey: 'pilot:elig.choices.skip' },
      ...(state.history.length > 0 ? [{ value: C.back, labelKey: 'pilot:elig.choices.back' }] : []),
    ];
  }

  private async askYesNo(step: WaterfallStepContext, promptKey: string): Promise<DialogTurnResult> {
    const state = step.options as CheckState;
    const choices: LocalizedChoice[] = [
      { value: C.yes, labelKey: 'common:choices.yes' },
      { value: C.no, labelKey: 'common:choices.no' },
      ...this.commonChoices(state),
    ];
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: state.retry ? 'pilot:elig.q.choiceRetry' : promptKey, choices, allowFreeText: true }));
  }

  private async readYesNo(step: WaterfallStepContext, question: 'foreign_language' | 'unemployed_or_in_services'): Promise<DialogTurnResult> {
    const state = step.options as CheckState;
    const result = step.result as Exclude<LocalizedPromptResult, boolean>;
    const field = ANSWER_FIELD[question];
    let answer: YesNoUnknown | undefined = result.choice === C.yes ? 'yes' : result.choice === C.no ? 'no' : undefined;
    if (!answer && !result.choice) {
      const yes = recognizeYesNo(result.text, turnLanguage(step.context).locale);
      if (yes !== undefined) answer = yes ? 'yes' : 'no';
    }
    if (answer) return this.answered(step, state, question, { [field]: answer });
    const common = await this.readCommon(step, state, question, result.text, { numbers: true, choice: result.choice });
    if (common) return common;
    return step.replaceDialog(QUESTION_DIALOGS[question], { ...state, retry: true } satisfies CheckState);
  }

  /**
   * "Back", "skip", "I don't know" and a typed identity code, the same for every question.
   * Returns undefined when the text is an answer to the question itself.
   */
  private async readCommon(
    step: WaterfallStepContext,
    state: CheckState,
    question: QuestionId,
    text: string,
    how: { numbers: boolean; choice?: string },
  ): Promise<DialogTurnResult | undefined> {
    if (mentionsIdentityCode(text)) {
      await this.say(step.context, 'pilot:elig.hetu');
      return step.replaceDialog(QUESTION_DIALOGS[question], { ...state, retry: false } satisfies CheckState);
    }
    let choice = how.choice;
    if (!choice && this.deps.backWords.has(normalizeCommandText(text))) choice = C.back;
    if (!choice && (how.numbers || !/\d/u.test(text))) {
      const common = this.commonChoices(state);
      const index = recognizeChoice(text, common.map((c) => choiceLabel(step.context, c)), turnLanguage(step.context).locale);
      if (index !== undefined && (how.numbers || !/^\s*\d+\s*$/u.test(text))) choice = common[index].value;
    }
    if (choice === C.back) {
      // Nothing to go back to on the first question: ask it again.
      if (state.history.length === 0) return step.replaceDialog(QUESTION_DIALOGS[question], { ...state, retry: false } satisfies CheckState);
      return step.endDialog({ kind: 'back' } satisfies QuestionOutcome);
    }
    if (choice === C.dontKnow || choice === C.skip) {
      const unknown: EligibilityAnswers = {
        municipality: { kind: 'unknown' },
        age: { kind: 'unknown' },
        foreignLanguage: 'unknown',
        benefit: 'unknown',
        unemployedOrInServices: 'unknown',
      };
      const field = ANSWER_FIELD[question];
      return this.answered(step, state, question, { [field]: unknown[field] });
    }
    return undefined;
  }

  private async answered(step: WaterfallStepContext, state: CheckState, question: QuestionId, patch: EligibilityAnswers): Promise<DialogTurnResult> {
    if (patch.municipality && patch.municipality.kind !== 'unknown') await this.deps.facts?.rememberMunicipality(step.context, municipalityNamed(patch.municipality));
    return step.endDialog({ kind: 'answered', question, answers: { ...state.answers, ...patch } } satisfies QuestionOutcome);
  }

  private dateArgs(context: TurnContext): Record<string, unknown> {
    const { locale } = turnLanguage(context);
    const d = this.deps.dates();
    const f = (date: Date) => formatDate(date, locale);
    return { start: f(d.start), plannedEnd: f(d.plannedEnd), end: f(d.end), areasSince: f(d.areasSince), areaCount: d.areaCount };
  }

  private async say(context: TurnContext, key: string, args: Record<string, unknown> = {}): Promise<void> {
    await this.send(context, String(tr(context)(key, args)));
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
