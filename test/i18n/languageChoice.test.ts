/**
 * The language choice over real HTTP and a real database: stored in the user's profile row,
 * kept across turns and conversations whatever locale the channel sends, and never written
 * by the channel's locale alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, expectReplies, startTestApp, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';

const s = (locale: string, key: string) => String(translator.t(locale)(key));

describe('the language choice', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => {
    await running?.stop();
  });

  const say = (text: string, locale: string, conversation: string, user: string) =>
    expectReplies(running.baseUrl, activity({ type: 'message', text, locale }, conversation, user));
  const user = (channelUserId: string) =>
    running.app.db.prisma.user.findUnique({ where: { channelId_channelUserId: { channelId: 'test', channelUserId } } });

  it('is stored in the profile, and activity.locale never overrides it', async () => {
    const picker = await say('kieli', 'fi-FI', 'lang-1', 'lang-user');
    expect(picker.map((r) => r.text)).toContain(s('fi', 'language.prompt'));
    const changed = await say('Svenska', 'fi-FI', 'lang-1', 'lang-user');
    expect(changed[0].text).toBe(s('sv', 'language.changed'));

    const row = await user('lang-user');
    expect(row?.locale).toBe('sv');
    expect(row?.localeChosenAt).toBeInstanceOf(Date);

    // The channel keeps sending another locale: the bot stays in Swedish…
    const help = await say('hjälp', 'en-US', 'lang-1', 'lang-user');
    expect(help.map((r) => r.text)).toContain(s('sv', 'help.text'));
    // …also in a new conversation of the same user.
    const later = await say('help', 'en-US', 'lang-2', 'lang-user');
    expect(later.map((r) => r.text)).toContain(s('sv', 'help.text'));
    expect((await user('lang-user'))?.locale).toBe('sv');
  });

  it('follows the channel locale for a user who has not chosen, without storing it as a choice', async () => {
    const replies = await say('help', 'en-GB', 'lang-3', 'lang-user-2');
    expect(replies.map((r) => r.text)).toContain(s('en', 'help.text'));
    const row = await user('lang-user-2');
    expect(row).not.toBeNull();
    expect(row?.locale).toBeNull();
    expect(row?.localeChosenAt).toBeNull();
  });

  it('switches on a typed request ("på svenska") and stores that too', async () => {
    const replies = await say('på svenska', 'fi', 'lang-4', 'lang-user-3');
    expect(replies[0].text).toBe(s('sv', 'language.changed'));
    expect((await user('lang-user-3'))?.locale).toBe('sv');
  });

  it("stores the widget picker's choice (a setLanguage event) and re-asks the open question in it", async () => {
    await say('What does the coach do?', 'en', 'lang-6', 'lang-user-5');
    const replies = await expectReplies(running.baseUrl, activity({ type: 'event', name: 'setLanguage', value: 'fa', locale: 'en' }, 'lang-6', 'lang-user-5'));
    expect(replies.map((r) => r.text)).toEqual([s('fa', 'language.changed'), s('fa', 'knowledge:prompt.more')]);
    expect((await user('lang-user-5'))?.locale).toBe('fa');
  });

  it('ignores a setLanguage event for a language it does not ship', async () => {
    const replies = await expectReplies(running.baseUrl, activity({ type: 'event', name: 'setLanguage', value: 'xx', locale: 'en' }, 'lang-7', 'lang-user-6'));
    expect(replies).toEqual([]);
    expect((await user('lang-user-6'))?.locale ?? null).toBeNull();
  });

  it('answers right-to-left locales with their locale on every message', async () => {
    const replies = await say('مساعدة', 'ar', 'lang-5', 'lang-user-4');
    expect(replies.map((r) => r.text)).toContain(s('ar', 'help.text'));
    for (const r of replies) expect(r.locale).toBe('ar');
  });
});
