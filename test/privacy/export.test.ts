/** "Show my data": the readable summary, the short-lived JSON download, and the menu path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import type { Feature } from '../../bot/kernel/contracts.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { join, say, type Person } from './helpers.js';

const clock = new FixedClock(new Date());
let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp({ EXPORT_LINK_MINUTES: '15' }, { clock });
});
afterAll(async () => {
  await running?.stop();
});

const anna: Person = { userId: 'u-anna-export', conversationId: 'c-anna-export', name: 'Anna Esimerkki', locale: 'en-US' };
const bert: Person = { userId: 'u-bert-export', conversationId: 'c-bert-export', name: 'Bert Other', locale: 'en-US' };

/** The link's path on our server (PUBLIC_BASE_URL is not known before an ephemeral port is bound). */
function linkPath(text: string): string {
  const m = /https?:\/\/[^/\s]+(\/privacy\/export\/[A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no export link in: ${text}`);
  return m[1];
}

describe('show my data', () => {
  let path = '';

  it('replies with a readable summary and a link that expires', async () => {
    const base = running.baseUrl;
    await join(base, anna);
    await say(base, anna, 'My phone number is 040 123 4567, can you call me about the pilot?');
    await join(base, bert);
    await say(base, bert, 'Bert writes something private');

    const replies = await say(base, anna, 'show my data');
    const summary = replies[0].text ?? '';
    expect(summary).toMatch(/^This is what is stored about you:/);
    expect(summary).toMatch(/Profile: created on .+, language not chosen/);
    expect(summary).toMatch(/Conversations: 1, messages: \d+/);
    const link = replies[1].text ?? '';
    expect(link).toContain('The link works for 15 minutes');
    path = linkPath(link);
    const stored = await running.app.db.prisma.dataExportToken.findMany();
    expect(stored).toHaveLength(1);
    // Only a hash of the token is stored.
    expect(path).not.toContain(stored[0].hash);
  });

  it('downloads everything stored about the user as JSON, and nothing about anyone else', async () => {
    const res = await fetch(`${running.baseUrl}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="oma-botti-my-data\.json"/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const raw = await res.text();
    const data = JSON.parse(raw) as {
      profile: { channelUserId: string };
      conversations: Array<{ conversationId: string }>;
      transcript: Array<{ direction: string; text: string | null }>;
      botState: Array<{ key: string }>;
      features: Record<string, unknown>;
    };
    expect(data.profile.channelUserId).toBe(anna.userId);
    expect(data.conversations.map((c) => c.conversationId)).toEqual([anna.conversationId]);
    expect(data.transcript.filter((m) => m.direction === 'inbound').map((m) => m.text)).toContain('My phone number is [phone], can you call me about the pilot?');
    expect(data.botState.map((s) => s.key)).toEqual(expect.arrayContaining([`test/conversations/${anna.conversationId}/`]));
    // Every feature with personal data has its part, even if empty.
    const providers = Object.values(running.app.features).flatMap((f: Feature) => f.personalData ?? []).map((p) => p.name);
    expect(Object.keys(data.features).sort()).toEqual([...providers].sort());
    expect(raw).not.toContain(bert.userId);
    expect(raw).not.toContain('Bert writes');
  });

  it('refuses the link once it has expired, and unknown or malformed links', async () => {
    clock.advance(16 * 60_000);
    expect((await fetch(`${running.baseUrl}${path}`)).status).toBe(410);
    expect((await fetch(`${running.baseUrl}/privacy/export/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${running.baseUrl}/privacy/export/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it('is reachable from the menu in Finnish, with the privacy notice link', async () => {
    const base = running.baseUrl;
    const kalle: Person = { userId: 'u-kalle', conversationId: 'c-kalle', name: 'Kalle', locale: 'fi-FI' };
    const welcome = await join(base, kalle);
    expect(welcome.at(-1)?.suggestedActions?.actions.map((a) => a.title)).toEqual(expect.arrayContaining(['Omat tiedot ja tietosuoja', 'Anna palautetta']));
    const asked = await say(base, kalle, 'Omat tiedot ja tietosuoja');
    expect(asked.at(-1)?.text).toBe('Mitä haluat tehdä?');
    expect(asked.at(-1)?.suggestedActions?.actions.map((a) => a.title)).toEqual(['Näytä tietoni', 'Poista tietoni', 'Tietosuojaseloste']);
    const notice = await say(base, kalle, 'Tietosuojaseloste');
    expect(notice[0].text).toMatch(/^Koko tietosuojaseloste on täällä: http.*\/privacy\?lang=fi$/);
    const shown = await say(base, kalle, 'Omat tiedot ja tietosuoja');
    const summary = await say(base, kalle, 'Näytä tietoni');
    expect(shown.at(-1)?.text).toBe('Mitä haluat tehdä?');
    expect(summary[0].text).toMatch(/^Sinusta on tallennettu nämä tiedot:/);
  });
});
