/**
 * A message's language is detected once per turn: the language-switch advisor, the answer to a
 * language offer and the question service (which picks the one other locale to search from it)
 * share the turn's detection instead of each detecting the same text again.
 */
import type { Activity } from 'botbuilder';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as detect from '../../bot/language/detect.js';
import { questionSetup } from '../knowledge/helpers.js';
import { createMainDialogHarness, translator } from '../support/dialogs.js';

vi.mock('../../bot/language/detect.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../bot/language/detect.js')>();
  return { ...real, detectLanguage: vi.fn(real.detectLanguage) };
});

const detections = vi.mocked(detect.detectLanguage);
const texts = (replies: Activity[]) => replies.map((r) => r.text ?? '');

/** How often each text was detected since the last reset. */
function perText(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [text] of detections.mock.calls) counts.set(text, (counts.get(text) ?? 0) + 1);
  return counts;
}

describe('language detection once per turn', () => {
  beforeEach(() => {
    detections.mockClear();
  });

  function harness() {
    const { freeText } = questionSetup();
    return createMainDialogHarness({ locale: 'fi', freeText });
  }

  it('a question opening the conversation: detected once, for the offer check and the answer alike', async () => {
    const h = harness();
    const replies = await h.say('mikä on työkokeilu');
    expect(texts(replies).join(' ')).toMatch(/työkokeilu/i);
    expect(perText()).toEqual(new Map([['mikä on työkokeilu', 1]]));
  });

  it('a question later in the conversation: detected once', async () => {
    const h = harness();
    await h.say('mikä on työkokeilu');
    detections.mockClear();
    await h.say('kuka on työvalmentaja');
    expect(perText()).toEqual(new Map([['kuka on työvalmentaja', 1]]));
  });

  it('a question in another language: detected once for the offer, and once more only in the turn that answers it', async () => {
    const h = harness();
    const question = 'What does the personal coach do for me?';
    const offer = await h.say(question);
    expect(texts(offer)).toContain(String(translator.t('en')('languageSwitch.offer')));
    expect(perText()).toEqual(new Map([[question, 1]]));

    detections.mockClear();
    const answered = await h.say('yes');
    expect(answered.length).toBeGreaterThan(1);
    // "yes" is read as yes without detection; the question handed back is detected once in this turn.
    for (const [text, n] of perText()) expect(n, text).toBe(1);
    expect([...perText().keys()]).toContain(question);
  });
});
