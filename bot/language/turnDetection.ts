/**
 * The language a message is written in, detected at most once per turn. Several steps of a turn
 * look at the same text (the language-switch advisor, the answer to a language offer, the
 * question service choosing where else to search), and each used to detect it again.
 */
import type { TurnContext } from 'botbuilder';
import { detectLanguage, type Detection } from './detect.js';

const KEY = Symbol('omabotti.detectedLanguage');

/** Detects `text`'s language, or returns what this turn already detected for the same text. */
export function detectedLanguage(context: TurnContext, text: string): Detection {
  const key = text.trim();
  let memo = context.turnState.get(KEY) as Map<string, Detection> | undefined;
  if (!memo) {
    // A map, not one value: a turn that settles a language offer reads the answer and then the
    // message that caused the offer, two texts.
    memo = new Map();
    context.turnState.set(KEY, memo);
  }
  let detection = memo.get(key);
  if (!detection) {
    detection = detectLanguage(key);
    memo.set(key, detection);
  }
  return detection;
}
