import { describe, expect, it } from 'vitest';
import {
  type CalendarEvent,
  appointmentUid,
  buildFeed,
  buildInvite,
  escapeText,
  foldLine,
} from '../../bot/kernel/ics.js';

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Unfolds and splits iCalendar text the way a calendar client reads it. */
function parseIcs(text: string): Property[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const lines = unfolded.split('\r\n');
  expect(lines.pop()).toBe('');
  return lines.map((line) => {
    let i = 0;
    let quoted = false;
    for (; i < line.length; i++) {
      if (line[i] === '"') quoted = !quoted;
      else if (line[i] === ':' && !quoted) break;
    }
    // Semicolons inside a quoted parameter value do not separate parameters.
    const [name, ...paramParts] = line.slice(0, i).match(/(?:"[^"]*"|[^;])+/g) ?? [''];
    const params = Object.fromEntries(
      paramParts.map((p) => {
        const eq = p.indexOf('=');
        return [p.slice(0, eq), p.slice(eq + 1).replace(/^"(.*)"$/, '$1')];
      }),
    );
    return { name, params, value: line.slice(i + 1) };
  });
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function props(text: string, name: string): Property[] {
  return parseIcs(text).filter((p) => p.name === name);
}

function one(text: string, name: string): Property {
  const found = props(text, name);
  expect(found, name).toHaveLength(1);
  return found[0];
}

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

const event: CalendarEvent = {
  uid: appointmentUid('clx42', 'bot.example.org'),
  sequence: 0,
  start: new Date('2026-12-07T07:00:00Z'),
  end: new Date('2026-12-07T07:45:00Z'),
  stamp: new Date('2026-11-25T10:11:12.345Z'),
  summary: 'OMA-valmentaja: työnhaku',
  description: 'Kieli: arabia; tulkki: kyllä, tarvitaan\nHuom: tuo CV mukaan \\ kiitos',
  location: 'Porrassalmenkatu 9, 50100 Mikkeli',
  url: 'https://meet.example.org/oma/clx42',
  organizer: { email: 'noreply@bot.example.org', name: 'OMA-botti' },
  attendees: [
    { email: 'liisa.demo@example.org', name: 'Liisa (demo)', role: 'REQ-PARTICIPANT' },
    { email: 'asiakas@example.com', name: 'Virtanen, Matti; Jr', role: 'OPT-PARTICIPANT' },
  ],
};

describe('appointment invite', () => {
  const request = buildInvite('REQUEST', event);

  it.each([
    ['METHOD', 'REQUEST'],
    ['VERSION', '2.0'],
    ['UID', 'appointment-clx42@bot.example.org'],
    ['SEQUENCE', '0'],
    ['DTSTAMP', '20261125T101112Z'],
    ['DTSTART', '20261207T070000Z'],
    ['DTEND', '20261207T074500Z'],
    ['STATUS', 'CONFIRMED'],
    ['URL', 'https://meet.example.org/oma/clx42'],
    ['ORGANIZER', 'mailto:noreply@bot.example.org'],
  ])('has %s:%s', (name, value) => {
    expect(one(request, name).value).toBe(value);
  });

  it('round-trips text fields through escaping', () => {
    expect(unescapeText(one(request, 'SUMMARY').value)).toBe(event.summary);
    expect(unescapeText(one(request, 'DESCRIPTION').value)).toBe(event.description);
    expect(unescapeText(one(request, 'LOCATION').value)).toBe(event.location);
  });

  it('lists organizer and attendees with names a calendar can show', () => {
    expect(one(request, 'ORGANIZER').params.CN).toBe('OMA-botti');
    const attendees = props(request, 'ATTENDEE');
    expect(attendees.map((a) => [a.value, a.params.CN, a.params.ROLE])).toEqual([
      ['mailto:liisa.demo@example.org', 'Liisa (demo)', 'REQ-PARTICIPANT'],
      ['mailto:asiakas@example.com', 'Virtanen, Matti; Jr', 'OPT-PARTICIPANT'],
    ]);
  });

  it('nests one VEVENT in one VCALENDAR, with CRLF line endings only', () => {
    expect(parseIcs(request).filter((p) => p.name === 'BEGIN').map((p) => p.value)).toEqual(['VCALENDAR', 'VEVENT']);
    expect(request.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(request.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps the UID and raises SEQUENCE across reschedule and cancel', () => {
    const rescheduled = buildInvite('REQUEST', {
      ...event,
      sequence: 1,
      start: new Date('2026-12-08T08:00:00Z'),
      end: new Date('2026-12-08T08:45:00Z'),
    });
    const cancelled = buildInvite('CANCEL', { ...event, sequence: 2 });
    const versions = [request, rescheduled, cancelled];
    expect(new Set(versions.map((v) => one(v, 'UID').value)).size).toBe(1);
    expect(versions.map((v) => Number(one(v, 'SEQUENCE').value))).toEqual([0, 1, 2]);
    expect(one(rescheduled, 'DTSTART').value).toBe('20261208T080000Z');
    expect(one(cancelled, 'METHOD').value).toBe('CANCEL');
    expect(one(cancelled, 'STATUS').value).toBe('CANCELLED');
  });

  it.each<[string, Partial<CalendarEvent>]>([
    ['a negative sequence', { sequence: -1 }],
    ['an end before the start', { end: new Date('2026-12-07T06:00:00Z') }],
    ['an attendee address with a line break', { attendees: [{ email: 'a@example.org\r\nX-EVIL:1' }] }],
    ['a URL with a line break', { url: 'https://example.org/\r\nX-EVIL:1' }],
    ['no organizer', { organizer: undefined }],
  ])('refuses %s', (_, change) => {
    expect(() => buildInvite('REQUEST', { ...event, ...change })).toThrow(RangeError);
  });

  it.each([
    ['a/b', 'bot.example.org'],
    ['42', 'bot example.org'],
  ])('refuses a UID built from %s @ %s', (id, host) => {
    expect(() => appointmentUid(id, host)).toThrow(RangeError);
  });
});

describe('text escaping', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b;c', 'a\\,b\\;c'],
    ['back\\slash', 'back\\\\slash'],
    ['line1\nline2', 'line1\\nline2'],
    ['line1\r\nline2\rline3', 'line1\\nline2\\nline3'],
    ['tab\tand bell\u0007', 'tab\tand bell'],
    ['ääkköset ja العربية', 'ääkköset ja العربية'],
  ])('%j becomes %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('line folding', () => {
  it.each([
    ['ASCII', 'DESCRIPTION:' + 'x'.repeat(300)],
    ['Finnish', 'DESCRIPTION:' + 'Hyvää päivää, tässä on pitkä kuvaus ääkkösillä. '.repeat(8)],
    ['Arabic', 'DESCRIPTION:' + 'موعد مع المدرب الشخصي في مكتب التوظيف '.repeat(8)],
    ['emoji (4-byte)', 'DESCRIPTION:' + '📅🙂'.repeat(60)],
    ['exactly 75 octets', 'SUMMARY:' + 'y'.repeat(67)],
  ])('%s: every physical line is at most 75 octets and unfolding restores the text', (_, line) => {
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(75);
    // A split UTF-8 sequence would decode to U+FFFD.
    for (const p of physical) expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
    expect(physical.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('does not fold a line that fits', () => {
    expect(foldLine('SUMMARY:' + 'y'.repeat(67))).not.toContain('\r\n');
    expect(foldLine('SUMMARY:' + 'y'.repeat(68))).toContain('\r\n ');
  });

  it('folds long fields in whole invites', () => {
    const ics = buildInvite('REQUEST', { ...event, description: 'Tulkki tarvitaan (arabia). '.repeat(20) + 'ملاحظة: '.repeat(30) });
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unescapeText(one(ics, 'DESCRIPTION').value)).toContain('ملاحظة: ملاحظة:');
  });
});

describe('coach feed', () => {
  const events: CalendarEvent[] = [1, 2, 3].map((n) => ({
    ...event,
    uid: appointmentUid(`a${n}`, 'bot.example.org'),
    sequence: n - 1,
    start: new Date(Date.UTC(2026, 11, 6 + n, 7)),
    end: new Date(Date.UTC(2026, 11, 6 + n, 8)),
    status: n === 3 ? 'CANCELLED' : 'CONFIRMED',
  }));
  const feed = buildFeed(events, { calendarName: 'OMA: Liisa (demo), Mikkeli', refreshMinutes: 30 });

  it('publishes every event with its own UID under a calendar name', () => {
    expect(one(feed, 'METHOD').value).toBe('PUBLISH');
    expect(unescapeText(one(feed, 'X-WR-CALNAME').value)).toBe('OMA: Liisa (demo), Mikkeli');
    expect(one(feed, 'REFRESH-INTERVAL').value).toBe('PT30M');
    expect(props(feed, 'UID').map((p) => p.value)).toEqual([
      'appointment-a1@bot.example.org',
      'appointment-a2@bot.example.org',
      'appointment-a3@bot.example.org',
    ]);
    expect(props(feed, 'STATUS').map((p) => p.value)).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    expect(props(feed, 'BEGIN').filter((p) => p.value === 'VEVENT')).toHaveLength(3);
  });

  it('is a valid empty calendar when the coach has no appointments', () => {
    const empty = buildFeed([], { calendarName: 'OMA' });
    expect(parseIcs(empty).map((p) => p.name)).not.toContain('VEVENT');
    expect(one(empty, 'END').value).toBe('VCALENDAR');
  });
});
