/**
 * Command words (help, cancel, menu, language, show my data, delete my data) from every shipped
 * locale, so a user can type "help" or "apua" whatever language the bot is speaking.
 */
import type { Translator } from './i18n.js';

export type Command = 'help' | 'cancel' | 'menu' | 'language' | 'showData' | 'deleteData';
/** Each command's word list: common.json, except the privacy rights in privacy.json. */
const COMMAND_KEYS: Record<Command, string> = {
  help: 'commands.help',
  cancel: 'commands.cancel',
  menu: 'commands.menu',
  language: 'commands.language',
  showData: 'privacy:commands.showData',
  deleteData: 'privacy:commands.deleteData',
};

export function normalizeCommandText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export class CommandWords {
  private readonly words = new Map<string, Command>();

  constructor(translator: Translator) {
    for (const locale of translator.shipped) {
      const t = translator.t(locale);
      for (const [command, key] of Object.entries(COMMAND_KEYS) as [Command, string][]) {
        const list = t(key, { returnObjects: true }) as unknown;
        if (!Array.isArray(list)) continue;
        for (const word of list) this.words.set(normalizeCommandText(String(word)), command);
      }
    }
  }

  /** The command the whole message amounts to, if any ("apua", "Help!", "alkuun"). */
  recognize(text: string | undefined): Command | undefined {
    if (!text) return undefined;
    const normalized = normalizeCommandText(text);
    if (normalized.length === 0 || normalized.length > 40) return undefined;
    return this.words.get(normalized);
  }
}
