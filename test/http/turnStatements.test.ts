/**
 * What a turn waits for on the database, counted at the driver (Prisma's statements included): a
 * knowledge question the bot is not sure about reads the state once and writes it once; the
 * transcript and the knowledge-gap row are written after the reply. To prove the reply does not
 * wait for them, every other statement is held until the reply has arrived.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, expectReplies, startTestApp, type RunningApp } from '../support/app.js';
import { translator } from '../support/dialogs.js';

const STATE = /"BotState"/;

let running: RunningApp;
let seen: string[] = [];
let holding = false;
const held: Array<() => void> = [];

function observe(text: string): void | Promise<void> {
  seen.push(text.replace(/\s+/g, ' ').trim());
  if (!holding || STATE.test(text)) return;
  return new Promise<void>((release) => held.push(release));
}

function releaseHeld(): void {
  holding = false;
  for (const release of held.splice(0)) release();
}

beforeAll(async () => {
  running = await startTestApp({}, { manualJobs: true, onStatement: observe });
});
afterAll(async () => {
  releaseHeld();
  await running?.stop();
});

describe('one turn on the database', () => {
  it('waits for one state read and one state write; the transcript and the gap row follow the reply', async () => {
    const t = translator.t('fi');
    const conversation = 'statements-1';
    // The first turn also records the conversation row; the measured turn is a later one.
    await expectReplies(running.baseUrl, activity({ type: 'conversationUpdate', locale: 'fi', membersAdded: [{ id: 'user-s1' }, { id: 'bot' }] }, conversation, 'user-s1'));
    await expectReplies(running.baseUrl, activity({ type: 'message', text: 'Mikä on OMA-valmentaja?', locale: 'fi' }, conversation, 'user-s1'));
    await running.app.transcripts.flush();

    seen = [];
    holding = true;
    const replies = await expectReplies(running.baseUrl, activity({ type: 'message', text: 'Saanko asumistukea kesällä?', locale: 'fi' }, conversation, 'user-s1'));
    const duringTurn = seen.slice();
    const heldDuringTurn = held.length;
    releaseHeld();

    // The user got the full "not sure" answer, which promises the question is saved.
    expect(replies.map((r) => r.text ?? '').some((x) => x.startsWith(String(t('knowledge:notSure.text'))) && x.includes(String(t('knowledge:notSure.saved'))))).toBe(
      true,
    );
    const state = duringTurn.filter((s) => STATE.test(s));
    expect(state.filter((s) => s.startsWith('SELECT'))).toHaveLength(1);
    expect(state.filter((s) => /^(INSERT|UPDATE)/.test(s))).toHaveLength(1);
    expect(state).toHaveLength(2);
    // Anything else that started during the turn was still held when the reply arrived.
    expect(duringTurn.length - state.length).toBe(heldDuringTurn);

    // And after the reply, what was held is stored.
    await running.app.transcripts.flush();
    await running.app.features.knowledge.gaps.flush();
    const prisma = running.app.db.prisma;
    const rows = await prisma.transcriptMessage.findMany({ where: { conversationId: conversation }, orderBy: { seq: 'asc' } });
    expect(rows.some((r) => r.direction === 'inbound' && r.text === 'Saanko asumistukea kesällä?')).toBe(true);
    expect(rows.at(-1)?.direction).toBe('outbound');
    const gaps = await prisma.knowledgeGap.findMany({ where: { question: 'Saanko asumistukea kesällä?' } });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ locale: 'fi', kind: 'not_sure' });
  });
});
