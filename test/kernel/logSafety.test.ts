import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LOG_CENSOR, QUOTED_CENSOR, safeError, safeLoggerOptions } from '../../bot/kernel/logSafety.js';

function captureLogger() {
  const lines: string[] = [];
  const dest = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const logger = pino(safeLoggerOptions({ level: 'info' }), dest);
  return { logger, output: () => lines.join('') };
}

describe('logger options', () => {
  it('never writes message text, names, contact details or credentials', () => {
    const { logger, output } = captureLogger();
    logger.info(
      {
        activity: { text: 'Minulla on masennus', from: { id: 'u-1', name: 'Matti Meikäläinen' }, value: { answer: 'yes' } },
        req: { method: 'POST', headers: { authorization: 'Bearer s3cret', cookie: 'sid=abc', host: 'bot.example' }, body: { text: 'hei' } },
        email: 'matti@example.fi',
        user: { phone: '0401234567', email: 'matti@example.fi' },
        conversation: { id: 'conv-1' },
      },
      'turn handled',
    );
    const out = output();
    for (const secret of ['masennus', 'Matti', 'answer', 's3cret', 'sid=abc', 'hei', 'matti@example.fi', '0401234567']) {
      expect(out).not.toContain(secret);
    }
    // What operators need to debug stays visible.
    for (const kept of ['u-1', 'conv-1', 'bot.example', 'POST', 'turn handled']) {
      expect(out).toContain(kept);
    }
    expect(out).toContain(LOG_CENSOR);
  });

  it('keeps error names and codes, which operators need, while hiding people\'s names', () => {
    const { logger, output } = captureLogger();
    logger.error({ err: { name: 'SlotTakenError', code: '23505' }, user: { name: 'Matti Meikäläinen' }, jobseekerName: 'Maija Mallikas' }, 'booking failed');
    const out = output();
    expect(out).toContain('SlotTakenError');
    expect(out).toContain('23505');
    expect(out).not.toContain('Matti');
    expect(out).not.toContain('Maija');
  });

  it('scrubs personal data that slips into a free-text log message', () => {
    const { logger, output } = captureLogger();
    logger.warn('lookup failed for 131052-308T, callback 040 123 4567');
    const out = output();
    expect(out).not.toContain('131052-308T');
    expect(out).not.toContain('4567');
    expect(out).toContain('[id-code]');
  });

  it('logs errors with their type, code and frames but a scrubbed message', () => {
    const { logger, output } = captureLogger();
    const err = Object.assign(new Error('no row for matti@example.fi'), { code: 'P2025' });
    logger.error({ err }, 'db');
    const line = JSON.parse(output()) as { err: { type: string; code: string; message: string; stack: string } };
    expect(line.err.type).toBe('Error');
    expect(line.err.code).toBe('P2025');
    expect(line.err.message).toBe('no row for [email]');
    expect(line.err.stack).toMatch(/^\s+at /);
    expect(line.err.stack).not.toContain('matti@example.fi');
  });
});

describe('safeError', () => {
  it.each([
    ['an Error', new TypeError('bad 131052-308T'), { type: 'TypeError', message: 'bad [id-code]' }],
    ['a thrown string', 'oops 0401234567', { type: 'string', message: 'oops [phone]' }],
    ['a thrown object', { text: 'private' }, { type: 'object', message: '' }],
    ['null', null, { type: 'null', message: '' }],
  ])('handles %s', (_label, input, expected) => {
    expect(safeError(input)).toMatchObject(expected);
    expect(JSON.stringify(safeError(input))).not.toContain('private');
  });

  it.each([
    ['JSON.parse of a message', () => JSON.parse('hei kaikki, minulla on masennus'), ['hei', 'masennus']],
    ['JSON.parse with quotes inside', () => JSON.parse('{"nimi": Matti Meikäläinen}'), ['nimi', 'Matti']],
    ['an apostrophe inside the value', () => JSON.parse("the dogs' food, Matti's note"), ['dogs', 'food', 'Matti', 'note']],
    [
      "Prisma's argument dump",
      () => {
        throw new Error('\nInvalid `prisma.appointment.create()` invocation:\n\n{\n  data: {\n    jobseekerName: "Matti Meikäläinen",\n    note: "Minulla on \\"masennus\\"",\n+   topic: String\n  }\n}\n\nArgument `topic` is missing.');
      },
      ['Matti', 'masennus'],
    ],
    ['PostgreSQL quoting the input', () => {
      throw new Error('invalid input syntax for type integer: "Matti Meikäläinen"');
    }, ['Matti']],
  ])('drops the quoted values in %s, which may be what someone wrote', (_label, fail, secrets) => {
    let message = '';
    try {
      fail();
    } catch (err) {
      message = JSON.stringify(safeError(err));
    }
    expect(message).toContain(QUOTED_CENSOR);
    for (const secret of secrets) expect(message).not.toContain(secret);
  });

  it('keeps the words around the quotes, apostrophes in words and backticked identifiers', () => {
    expect(safeError(new Error("A dialog with an id of 'booking' wasn't found.")).message).toBe(`A dialog with an id of ${QUOTED_CENSOR} wasn't found.`);
    expect(safeError(new Error('Argument `topic` is missing.')).message).toBe('Argument `topic` is missing.');
  });

  it('follows causes, scrubbing each', () => {
    const err = new Error('outer', { cause: new Error('inner matti@example.fi') });
    expect(safeError(err).cause?.message).toBe('inner [email]');
  });
});
