/**
 * The coach's email carries a Finnish translation of the jobseeker's note when an LLM is configured:
 * the real `openai` client over real HTTP to an OpenAI-compatible server started here, and the email
 * received by a real SMTP server. A failing model leaves the note as written.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { OUTBOX_JOB } from '../../bot/notifications/feature.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { completion, startChatModelServer, type ChatModelServer, type ChatReply, type ChatRequest } from '../support/chatModelServer.js';
import { enqueue, insertAppointment, insertCoach, startSmtp, type SmtpSink } from './helpers.js';

const NOW = new Date('2026-12-01T08:00:00Z');
const STARTS = new Date('2026-12-07T08:00:00Z');
const NOTE = 'أريد أن أتحدث عن التجربة العملية. رقمي 0401234567';

let answer: () => ChatReply = () => ({ status: 500, body: {} });
let llm: ChatModelServer;
let requests: ChatRequest[] = [];
let smtp: SmtpSink;
let running: RunningApp;

beforeAll(async () => {
  llm = await startChatModelServer(() => answer());
  requests = llm.requests;
  smtp = await startSmtp();
  running = await startTestApp(
    {
      SMTP_URL: smtp.url,
      OPENAI_BASE_URL: llm.baseUrl,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_MODEL: 'test-model',
      OPENAI_TIMEOUT_MS: '3000',
    },
    { clock: new FixedClock(NOW), manualJobs: true },
  );
});

afterAll(async () => {
  await running?.stop();
  await smtp?.stop();
  await llm?.close();
});

beforeEach(() => {
  requests.length = 0;
  smtp.received.length = 0;
});

async function bookWithNote(coachId: string) {
  const prisma = running.app.db.prisma;
  await insertCoach(prisma, coachId);
  const a = await insertAppointment(prisma, coachId, STARTS, { locale: 'ar', meetingLanguage: 'fi', interpreterNeeded: true, interpreterLanguage: 'ar', note: NOTE, jobseekerName: 'Sara' });
  await enqueue(prisma, 'coach.booked', a.id, { sequence: 0 }, NOW);
  await running.app.jobs.runOnce(OUTBOX_JOB);
  expect(smtp.received).toHaveLength(1);
  return smtp.received[0];
}

it('adds the Finnish translation under the note as written, and sends the model only the redacted note as data', async () => {
  answer = () => completion(JSON.stringify({ finnish: 'Haluan puhua työkokeilusta. Numeroni [phone]' }));
  const mail = await bookWithNote('llm-coach-a');

  expect(mail.text).toContain(`Asiakkaan viesti (arabia): ${NOTE}`);
  expect(mail.text).toContain('Viesti suomeksi (konekäännös): Haluan puhua työkokeilusta. Numeroni [phone]');
  expect(mail.html).toContain('Viesti suomeksi (konekäännös)');

  expect(requests).toHaveLength(1);
  const [system, user] = requests[0].messages;
  expect(system.role).toBe('system');
  expect(system.content).toContain('Arabic');
  expect(system.content).not.toContain('التجربة');
  expect(user.role).toBe('user');
  expect(user.content).toContain('التجربة العملية');
  expect(user.content).toContain('[phone]');
  expect(JSON.stringify(requests[0])).not.toContain('0401234567');
});

it('sends the email with the note alone when the model fails', async () => {
  answer = () => ({ status: 500, body: { error: { message: 'boom' } } });
  const mail = await bookWithNote('llm-coach-b');
  expect(requests.length).toBeGreaterThan(0);
  expect(mail.text).toContain(`Asiakkaan viesti (arabia): ${NOTE}`);
  expect(mail.text).not.toContain('Viesti suomeksi');
});
