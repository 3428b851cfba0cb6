/**
 * Tapping a button the bot showed is an answer, not a sign of another language: a Finnish time
 * label such as "ma 7.12.2026 klo 10.30" reads like Somali to the detector, and offering to
 * switch there would derail a booking. Typing in another language still gets the offer.
 */
import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { languageSwitchSuggestion } from '../../bot/language/detect.js';
import { ask, LocalizedPrompt, type LocalizedPromptResult } from '../../dialogs/prompts/localizedPrompt.js';
import { createMainDialogHarness, lastSuggestions } from '../support/dialogs.js';

const TIMES = ['ma 7.12.2026 klo 10.30', 'to 10.12. klo 13.00'];

class PickTimeDialog extends ComponentDialog {
  constructor() {
    super('pickTime');
    this.addDialog(new LocalizedPrompt('timePrompt'));
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step: WaterfallStepContext): Promise<DialogTurnResult> =>
          step.prompt('timePrompt', ask({ kind: 'choice', promptKey: 'menu.prompt', choices: TIMES.map((label, i) => ({ value: `slot-${i}`, label })) })),
        async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
          const result = step.result as Exclude<LocalizedPromptResult, boolean>;
          await step.context.sendActivity(MessageFactory.text(`picked ${result.choice}`));
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'steps';
  }
}

function harness() {
  return createMainDialogHarness({ locale: 'fi', features: () => [{ id: 'pickTime', labelKey: 'menu.help', dialog: new PickTimeDialog() }] });
}

describe('language-switch offers and the bot\'s own buttons', () => {
  it('the labels really do look like other languages to the detector', () => {
    expect(TIMES.map((t) => languageSwitchSuggestion(t, 'fi')).some((l) => l !== null && l !== 'fi')).toBe(true);
  });

  it.each(TIMES.map((label, i) => [label, i] as const))('tapping "%s" picks that time without a switch offer', async (label, index) => {
    const h = harness();
    await h.say({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'user' }] });
    const opened = await h.say('1');
    expect(lastSuggestions(opened)).toEqual(TIMES);
    const replies = await h.say(label);
    expect(replies.map((r) => r.text)).toContain(`picked slot-${index}`);
    expect(replies.some((r) => /English|Af-Soomaali|Somali|Soomaali/i.test(r.text ?? ''))).toBe(false);
  });

  it('still offers to switch when the user types a sentence in another language at the same question', async () => {
    const h = harness();
    await h.say({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'user' }] });
    await h.say('1');
    const replies = await h.say('Could you please tell me what the coach does?');
    expect(replies.map((r) => r.text ?? '').join('\n')).toMatch(/continue in English/i);
  });
});
