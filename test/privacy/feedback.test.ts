/**
 * The feedback channel (law 306/2019): the accessibility page's form and the chat dialog store the
 * message, a job emails it to the operator through a real SMTP server on loopback (retrying while
 * it refuses), and the admin endpoint lists it, escaped nowhere because it is JSON, audited.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from '../support/app.js';
import { join, say, type Person } from './helpers.js';

interface Mail {
  to: string[];
  raw: string;
}

const ADMIN = 'admin-token-for-feedback-tests-0123456789';
const mails: Mail[] = [];
let refuse = false;
let smtp: SMTPServer;
let running: RunningApp;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        if (refuse) {
          const err = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 });
          callback(err);
          return;
        }
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  running = await startTestApp(
    { SMTP_URL: `smtp://127.0.0.1:${port}`, FEEDBACK_EMAIL: 'palaute@salo.example', ADMIN_TOKEN: ADMIN, OUTBOX_MAX_ATTEMPTS: '5' },
    { manualJobs: true },
  );
});

afterAll(async () => {
  await running?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

function decodeQuotedPrintable(raw: string): string {
  return Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

describe('feedback form on the accessibility page', () => {
  it('stores the message and redirects back with a thank-you', async () => {
    const form = new URLSearchParams({ lang: 'fi', page: '/accessibility', topic: 'accessibility', message: 'Painikkeet ovat liian pieniä <b>mobiilissa</b>', contact: 'leena@example.org' });
    const res = await fetch(`${running.baseUrl}/feedback`, { method: 'POST', body: form, redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/accessibility?lang=fi&sent=1#feedback');
    const rows = await running.app.db.prisma.feedback.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ topic: 'accessibility', message: 'Painikkeet ovat liian pieniä <b>mobiilissa</b>', contact: 'leena@example.org', locale: 'fi', page: '/accessibility', emailedAt: null });

    const page = await (await fetch(`${running.baseUrl}/accessibility?lang=fi&sent=1`)).text();
    expect(page).toContain('Kiitos! Palautteesi on vastaanotettu.');
  });

  it('answers a bad form with 400 and the form again, the user text escaped', async () => {
    const evil = `<img src=x onerror=alert(1)>${'x'.repeat(4100)}`;
    const res = await fetch(`${running.baseUrl}/feedback`, { method: 'POST', body: new URLSearchParams({ lang: 'en', topic: 'other', message: evil }) });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Please write your feedback (at most 4000 characters).');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(await running.app.db.prisma.feedback.count()).toBe(1);

    const empty = await fetch(`${running.baseUrl}/feedback`, { method: 'POST', body: new URLSearchParams({ lang: 'en', topic: 'other', message: '   ' }) });
    expect(empty.status).toBe(400);
  });

  it('emails the operator, retrying while the mail server refuses', async () => {
    refuse = true;
    await running.app.jobs.runOnce('feedback-delivery');
    let row = (await running.app.db.prisma.feedback.findMany())[0];
    expect(row).toMatchObject({ attempts: 1, emailedAt: null });
    expect(mails).toHaveLength(0);

    refuse = false;
    await running.app.jobs.runOnce('feedback-delivery');
    row = (await running.app.db.prisma.feedback.findMany())[0];
    expect(row.emailedAt).not.toBeNull();
    expect(row.attempts).toBe(2);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['palaute@salo.example']);
    const body = decodeQuotedPrintable(mails[0].raw);
    expect(body).toContain('Content-Type: text/plain');
    expect(body).not.toContain('text/html');
    expect(body).toContain('Painikkeet ovat liian pieniä <b>mobiilissa</b>');
    expect(body).toContain('Reply to: leena@example.org');

    // Delivered once: another run sends nothing more.
    await running.app.jobs.runOnce('feedback-delivery');
    expect(mails).toHaveLength(1);
  });

  it('lists feedback for the operator behind the admin token, and audits the view', async () => {
    expect((await fetch(`${running.baseUrl}/api/admin/feedback`)).status).toBe(401);
    expect((await fetch(`${running.baseUrl}/api/admin/feedback`, { headers: { authorization: `Bearer ${ADMIN}x` } })).status).toBe(401);
    const res = await fetch(`${running.baseUrl}/api/admin/feedback`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { feedback: Array<{ message: string }> };
    expect(body.feedback.map((f) => f.message)).toContain('Painikkeet ovat liian pieniä <b>mobiilissa</b>');
    const audit = await running.app.db.prisma.auditLog.findMany({ where: { action: 'feedback.list' } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actor).toBe('admin');
  });
});

describe('feedback in the chat', () => {
  it('asks topic, message and an optional contact, and keeps the contact only in its own field', async () => {
    const base = running.baseUrl;
    const ahmed: Person = { userId: 'u-ahmed', conversationId: 'c-ahmed', name: 'Ahmed', locale: 'en-US' };
    await join(base, ahmed);
    expect((await say(base, ahmed, 'Give feedback')).at(-1)?.text).toBe('What is your feedback about?');
    expect((await say(base, ahmed, 'Privacy')).at(-1)?.text).toBe('Please write your feedback in one message.');
    expect((await say(base, ahmed, 'The privacy notice should say who sees my answers.')).at(-1)?.text).toBe('Would you like an answer?');
    expect((await say(base, ahmed, 'yes')).at(-1)?.text).toBe('Write the email address or phone number where we can answer you.');
    const thanks = await say(base, ahmed, 'ahmed.h@example.org');
    expect(thanks[0].text).toBe('Thank you! Your feedback has been passed on to the service team.');

    const row = await running.app.db.prisma.feedback.findFirstOrThrow({ where: { topic: 'privacy' } });
    expect(row).toMatchObject({ message: 'The privacy notice should say who sees my answers.', contact: 'ahmed.h@example.org', locale: 'en', page: '/chat' });
    await running.app.transcripts.flush();
    const transcript = await running.app.db.prisma.transcriptMessage.findMany({ where: { conversationId: ahmed.conversationId } });
    expect(transcript.some((m) => m.text === '[email]')).toBe(true);
    expect(JSON.stringify(transcript)).not.toContain('ahmed.h@example.org');
  });
});

describe('feedback given in the chat is part of the user\'s data', () => {
  it('is stored redacted and linked to the user, shown in "show my data", exported, and erased by "delete my data"', async () => {
    const base = running.baseUrl;
    const prisma = running.app.db.prisma;
    const leena: Person = { userId: 'u-leena', conversationId: 'c-leena', name: 'Leena', locale: 'en-US' };
    await join(base, leena);
    await say(base, leena, 'Give feedback');
    await say(base, leena, 'Something else');
    await say(base, leena, 'I am Leena Virtanen, 131052-308T, call me on 040 765 4321. The chat was helpful.');
    await say(base, leena, 'yes');
    expect((await say(base, leena, 'leena.virtanen@example.org'))[0].text).toBe('Thank you! Your feedback has been passed on to the service team.');

    // Stored like the transcript stores the message: no identity code or phone number.
    const row = await prisma.feedback.findFirstOrThrow({ where: { conversationId: leena.conversationId } });
    expect(row).toMatchObject({ channelId: 'test', channelUserId: leena.userId, contact: 'leena.virtanen@example.org' });
    expect(row.message).toBe('I am Leena Virtanen, [id-code], call me on [phone]. The chat was helpful.');

    // "Show my data" counts it, and the download holds it.
    const shown = (await say(base, leena, 'show my data')).map((r) => r.text).join('\n');
    expect(shown).toContain('Feedback: 1');
    const url = /https?:\/\/\S+\/privacy\/export\/(\S+)/.exec(shown)?.[1];
    expect(url).toBeTruthy();
    const exported = (await (await fetch(`${base}/privacy/export/${url}`)).json()) as { features: { feedback: Array<{ message: string; contact: string }> } };
    expect(exported.features.feedback).toEqual([expect.objectContaining({ message: row.message, contact: 'leena.virtanen@example.org', topic: 'other' })]);

    // Someone else's feedback and the anonymous form's stay.
    const others = (await prisma.feedback.count()) - 1;
    expect(others).toBeGreaterThan(0);

    // "Delete my data" says feedback goes too, and it does: no row holds her name or address.
    const confirm = await say(base, leena, 'delete my data');
    expect(confirm.at(-1)?.text).toContain('the feedback you gave in the chat');
    await say(base, leena, 'yes');
    expect(await prisma.feedback.count({ where: { conversationId: leena.conversationId } })).toBe(0);
    const left = await prisma.feedback.findMany();
    expect(JSON.stringify(left)).not.toContain('Leena Virtanen');
    expect(JSON.stringify(left)).not.toContain('leena.virtanen@example.org');
    expect(left).toHaveLength(others);
  });
});
