/**
 * Recognises a request to talk to a person ("can I talk to a human", "ihminen", "أريد التحدث مع
 * موظف") in every shipped locale, whatever language the bot is speaking: each locale's phrases are
 * in locales/{lng}/handoff.json (`request`). A phrase matches on word boundaries anywhere in a short
 * message, so "ihminen" matches "voinko puhua ihmisen kanssa" only through its own inflected forms.
 */
import type { Translator } from '../i18n/i18n.js';
import { normalizeCommandText, type CommandWords } from '../i18n/commandWords.js';

/** Longer messages are questions or stories, not a request for a person. */
const MAX_CHARS = 120;

export class PersonRequestRecognizer {
  private readonly phrases: string[] = [];

  constructor(translator: Translator) {
    const seen = new Set<string>();
    for (const locale of translator.shipped) {
      const list = translator.t(locale)('handoff:request', { returnObjects: true }) as unknown;
      if (!Array.isArray(list)) continue;
      for (const phrase of list) {
        const normalized = normalizeCommandText(String(phrase));
        if (normalized && !seen.has(normalized)) {
          seen.add(normalized);
          this.phrases.push(normalized);
        }
      }
    }
  }

  /** True when the message asks for a person. */
  recognize(text: string | undefined): boolean {
    if (!text) return false;
    const normalized = normalizeCommandText(text);
    if (!normalized || normalized.length > MAX_CHARS) return false;
    const padded = ` ${normalized} `;
    return this.phrases.some((p) => padded.includes(` ${p} `));
  }
}

/**
 * The words that matter while a jobseeker is with a coach: only a stop word ("stop", "lopeta",
 * "توقف", or the leave button's label) in any shipped locale ends the chat. "menu" and "cancel"
 * would end any other task, but here they would throw away a conversation with a person, so the
 * live chat recognises them in order to explain how to end it instead of relaying them.
 */
export class LiveChatWords {
  private readonly stops = new Set<string>();

  constructor(
    translator: Translator,
    private readonly commands: CommandWords,
  ) {
    for (const locale of translator.shipped) {
      const t = translator.t(locale);
      const list = t('handoff:live.stopWords', { returnObjects: true }) as unknown;
      for (const word of [...(Array.isArray(list) ? list : []), t('handoff:queue.leave')]) this.stops.add(normalizeCommandText(String(word)));
    }
  }

  /** True when the message asks to end the live chat or leave the queue. */
  isStop(text: string | undefined): boolean {
    return !!text && this.stops.has(normalizeCommandText(text));
  }

  /** True when the message is a "menu" or "cancel" command that is not also a stop word. */
  isHeldCommand(text: string | undefined): boolean {
    const command = this.commands.recognize(text);
    return (command === 'menu' || command === 'cancel') && !this.isStop(text);
  }
}
