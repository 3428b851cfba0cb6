/**
 * The language offer never hijacks a dialog: no offer where the user types their own words (a
 * note, a name), and after an offer the message that caused it is kept: declined, it answers the
 * prompt it was typed at; accepted, it is answered in the new language.
 */
import type { Activity } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import { WaterfallDialog, type Dialog } from 'botbuilder-dialogs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BookingService } from '../../../bot/booking/bookingService.js';
import type { Locale } from '../../../bot/i18n/locales.js';
import { createMatcher } from '../../../bot/pilot/municipalityMatcher.js';
import { BookingDialog } from '../../../dialogs/booking/bookingDialog.js';
import { makeService, seedTestCoaches } from '../../booking/helpers.js';
import { questionSetup } from '../../knowledge/helpers.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { createMainDialogHarness, lastSuggestions, translator, type DialogHarness } from '../../support/dialogs.js';

const texts = (replies: Activity[]) => replies.map((r) => r.text ?? '');
const s = (locale: Locale, key: string, args?: Record<string, unknown>) => String(translator.t(locale)(key, args));
const OFFER = (locale: Locale) => s(locale, 'languageSwitch.offer');

describe('at the booking dialog (real database)', () => {
  let db: TestDatabase;
  let service: BookingService;
  const matcher = createMatcher();

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedTestCoaches(db.prisma);
    service = makeService(db.prisma).service;
  });
  afterAll(async () => db?.destroy());
  beforeEach(async () => {
    await db.prisma.outboxMessage.deleteMany();
    await db.prisma.appointment.deleteMany();
  });

  function harness(locale: Locale): DialogHarness {
    return createMainDialogHarness({
      locale,
      features: () => [{ id: 'booking', labelKey: 'booking:menu.book', dialog: new BookingDialog({ service, matchMunicipality: matcher }) }],
    });
  }

  /** Walks a Finnish booking up to the note prompt. */
  async function toNote(h: DialogHarness): Promise<void> {
    await h.say(s('fi', 'booking:menu.book'));
    await h.say(s('fi', 'booking:topic.plan'));
    await h.say(s('fi', 'booking:mode.in_person'));
    const slots = await h.say('Salo');
    await h.say(lastSuggestions(slots)[0]);
    await h.say('Leila Virtanen');
    await h.say(s('fi', 'booking:skip'));
    const note = await h.say('leila@example.fi');
    expect(texts(note)).toContain(s('fi', 'booking:note.prompt'));
  }

  it('takes a Finnish note that looks Estonian as the note: no offer, and it reaches the summary and the stored booking', async () => {
    const h = harness('fi');
    await toNote(h);
    const note = 'Etsin töitä kaupan alalta, minulla on merkonomin tutkinto.';
    const summary = await h.say(note);
    expect(texts(summary)).not.toContain(OFFER('et'));
    expect(texts(summary).join('\n')).toContain(s('fi', 'booking:summary.note', { note }));
    await h.say(s('fi', 'common:choices.yes'));
    const [row] = await db.prisma.appointment.findMany();
    expect(row).toMatchObject({ status: 'booked', note, locale: 'fi' });
  });

  it('takes a note written in another script as the note too', async () => {
    const h = harness('fi');
    await toNote(h);
    const note = 'Я ищу работу на складе, у меня есть водительские права.';
    const summary = await h.say(note);
    expect(texts(summary)).not.toContain(OFFER('ru'));
    expect(texts(summary).join('\n')).toContain(s('fi', 'booking:summary.note', { note }));
  });

  it('declined at a choice prompt: the booking stays where it was and goes on from there', async () => {
    const h = harness('fi');
    await h.say(s('fi', 'booking:menu.book'));
    const offer = await h.say('Jag vill prata om min plan för att hitta ett jobb');
    expect(texts(offer)).toEqual([OFFER('sv')]);
    const back = await h.say('nej');
    // The Swedish words are no topic, so the same question is asked again, in Finnish.
    expect(texts(back)).toContain(s('fi', 'booking:topic.prompt'));
    const mode = await h.say(s('fi', 'booking:topic.plan'));
    expect(texts(mode)).toContain(s('fi', 'booking:mode.prompt'));
    // Swedish is not offered again in this conversation.
    const again = await h.say('Jag vill hellre träffas på kontoret i Salo');
    expect(texts(again)).not.toContain(OFFER('sv'));
  });

  it('accepted at a choice prompt: the same question comes in the new language, and the booking goes on', async () => {
    const h = harness('fi');
    await h.say(s('fi', 'booking:menu.book'));
    expect(texts(await h.say('Jag vill prata om min plan för att hitta ett jobb'))).toEqual([OFFER('sv')]);
    const switched = await h.say('ja');
    expect(texts(switched)).toEqual([s('sv', 'language.changed'), s('sv', 'booking:topic.prompt')]);
    const mode = await h.say(s('sv', 'booking:topic.plan'));
    expect(texts(mode)).toContain(s('sv', 'booking:mode.prompt'));
  });
});

describe('at the main menu and the question prompt', () => {
  /** A stand-in for the booking dialog: says that it started. */
  function announcing(id: string): Dialog {
    return new WaterfallDialog(id, [
      async (step) => {
        await step.context.sendActivity(MessageFactory.text(`started ${id}`));
        return step.endDialog();
      },
    ]);
  }

  function wired(locale: Locale): DialogHarness {
    const setup = questionSetup({ dialogs: { booking: { dialogId: 'bookingDialog' } } });
    return createMainDialogHarness({ locale, features: () => [{ id: 'booking', labelKey: 'booking:menu.book', dialog: announcing('bookingDialog') }], freeText: setup.freeText });
  }

  it('an Arabic booking request, Arabic accepted: the request is understood in Arabic and booking starts', async () => {
    const h = wired('fi');
    const offer = await h.say('أريد حجز موعد مع المدرب');
    expect(texts(offer)).toEqual([OFFER('ar')]);
    const answer = await h.say('نعم');
    expect(texts(answer)[0]).toBe(s('ar', 'language.changed'));
    expect(texts(answer).join('\n')).not.toContain(s('ar', 'knowledge:notSure.text'));
    expect(texts(answer)).toContain('started bookingDialog');
  });

  it('an answer that is neither yes nor no asks once more, then the message typed is handled as usual', async () => {
    const h = wired('fi');
    expect(texts(await h.say('Jag behöver hjälp med att söka jobb'))).toEqual([OFFER('sv')]);
    const retry = await h.say('?');
    expect(texts(retry)).toEqual([s('sv', 'languageSwitch.retry')]);
    const handled = await h.say(s('fi', 'menu.help'));
    expect(texts(handled)).not.toContain(s('sv', 'languageSwitch.retry'));
  });

  it('a short or mixed message brings no offer in a Finnish chat', async () => {
    const h = wired('fi');
    for (const text of ['ansiopäiväraha mut oon 28']) {
      const replies = await h.say(text);
      expect(texts(replies), text).not.toContain(OFFER('et'));
    }
  });
});
