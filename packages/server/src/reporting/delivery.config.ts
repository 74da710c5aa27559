/**
 * Where reminders go besides the in-app bell, read from the environment: email through an SMTP server
 * (DUIXIAN_SMTP_URL, or DUIXIAN_SMTP_HOST / _PORT / _USER / _PASS, with DUIXIAN_SMTP_FROM) and a webhook
 * (DUIXIAN_WEBHOOK_URL, a 钉钉 or 企业微信 robot's address). Either may be absent: then that channel is off.
 * Example: { DUIXIAN_SMTP_URL: 'smtp://duban:pw@mail.cb.gov.cn:587', DUIXIAN_SMTP_FROM: '督查室 <duban@cb.gov.cn>' }
 * → { smtp: { url: 'smtp://duban:pw@mail.cb.gov.cn:587', from: '督查室 <duban@cb.gov.cn>' } }.
 */

export interface SmtpConfig {
  /** A full smtp:// or smtps:// URL (user and password inside), or host and port. */
  readonly url?: string;
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly pass?: string;
  readonly from: string;
}

export interface DeliveryConfig {
  readonly smtp?: SmtpConfig;
  readonly webhookUrl?: string;
}

const DEFAULT_FROM = 'duixian <duixian@localhost>';

export function readDeliveryConfig(env: Readonly<Record<string, string | undefined>>): DeliveryConfig {
  const from = env['DUIXIAN_SMTP_FROM'] || DEFAULT_FROM;
  const url = env['DUIXIAN_SMTP_URL'];
  const host = env['DUIXIAN_SMTP_HOST'];
  let smtp: SmtpConfig | undefined;
  if (url) smtp = { url, from };
  else if (host) {
    const port = Number(env['DUIXIAN_SMTP_PORT'] || 587);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`DUIXIAN_SMTP_PORT: '${env['DUIXIAN_SMTP_PORT']}' is not a port`);
    smtp = {
      host,
      port,
      from,
      ...(env['DUIXIAN_SMTP_USER'] ? { user: env['DUIXIAN_SMTP_USER'] } : {}),
      ...(env['DUIXIAN_SMTP_PASS'] ? { pass: env['DUIXIAN_SMTP_PASS'] } : {}),
    };
  }
  const webhookUrl = env['DUIXIAN_WEBHOOK_URL'];
  return { ...(smtp ? { smtp } : {}), ...(webhookUrl ? { webhookUrl } : {}) };
}
