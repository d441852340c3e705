import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from './config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers: `Auto-Submitted` on an automatic answer, `In-Reply-To` to thread it. */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Real SMTP when configured; otherwise each message lands in `<dataDir>/mail` as an .eml file
 * that any mail client opens, so development never needs a mail server and never mails anyone.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: config.mailFrom, ...mail });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const dir = join(config.dataDir, 'mail');
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: config.mailFrom, ...mail });
      mkdirSync(dir, { recursive: true });
      const safe = mail.to.replace(/[^a-z0-9@._-]/gi, '_');
      writeFileSync(join(dir, `${Date.now()}-${safe}.eml`), info.message as Buffer);
    },
  };
}
