/**
 * A local SMTP receiver for tests: it accepts every message and keeps it raw, so a test can read what the server's
 * mail delivery sent (reminders, 催办) without a real mail server.
 * Example: const smtp = await startSmtpReceiver(); … smtp.messages[0].to // ['zhujian@example.test']; await smtp.close().
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpReceiver {
  readonly port: number;
  /** Every message accepted, in order: its recipients and its raw text. */
  readonly messages: { to: string[]; raw: string }[];
  close(): Promise<void>;
}

/** Starts the receiver on 127.0.0.1 at a free port. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
