/**
 * Sends a reminder as a plain-text email through the configured SMTP server (nodemailer); throws when the server
 * refuses or cannot be reached, so the delivery is retried.
 * Example: `await createEmailSender({ url: 'smtp://127.0.0.1:2525', from: 'duixian <d@localhost>' })({ to: 'jyj@cb.gov.cn', subject: '逾期未报：…', text: '…' })`.
 */
import nodemailer from 'nodemailer';
import type { SmtpConfig } from './delivery.config.ts';

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export type EmailSender = (message: EmailMessage) => Promise<void>;

// A reminder waits for the next pass rather than holding a request for nodemailer's default two minutes.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

export function createEmailSender(config: SmtpConfig): EmailSender {
  const transport = config.url
    ? nodemailer.createTransport({ url: config.url, ...TIMEOUTS } as Parameters<typeof nodemailer.createTransport>[0])
    : nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.port === 465,
        ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
        ...TIMEOUTS,
      });
  return async (message) => {
    await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
  };
}
