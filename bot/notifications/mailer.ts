/** Sends email through nodemailer over SMTP (SMTP_URL); without it, mail stays in the outbox. */
import nodemailer, { type Transporter } from 'nodemailer';
import type { RenderedMail } from './render.js';

export interface OutgoingMail extends RenderedMail {
  /** The outbox row's stable Message-ID, so a repeat is recognisable. */
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A delivery failure with a short code for the outbox row (never message content). */
export class MailDeliveryError extends Error {
  constructor(readonly code: string) {
    super(`mail delivery failed: ${code}`);
    this.name = 'MailDeliveryError';
  }
}

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // One connection per message: a restarted SMTP server never leaves a stale pooled socket.
    this.transport = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as never);
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        ...(mail.ics ? { icalEvent: { method: mail.ics.method, filename: mail.ics.filename, content: mail.ics.content } } : {}),
      });
    } catch (err) {
      const e = err as { code?: string; responseCode?: number };
      throw new MailDeliveryError(String(e.responseCode ?? e.code ?? 'ESEND').slice(0, 40));
    }
  }

  close(): void {
    this.transport.close();
  }
}

export function createMailer(config: { SMTP_URL?: string; MAIL_FROM: string }): Mailer | undefined {
  return config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : undefined;
}
