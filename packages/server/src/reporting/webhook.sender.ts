/**
 * Posts a reminder as JSON to the configured webhook, in the text-message shape 钉钉 and 企业微信 group robots both
 * accept ({ msgtype: 'text', text: { content } }), with the reminder's facts beside it for other receivers.
 * Example: POST { msgtype: 'text', text: { content: '逾期未报：新建幼儿园3所\n…' }, duixian: { kind: 'overdue', … } }.
 */

export interface WebhookMessage {
  readonly content: string;
  readonly facts: Record<string, unknown>;
}

/** Posts to the address the delivery was queued for (the configured one at that time). */
export type WebhookSender = (url: string, message: WebhookMessage) => Promise<void>;

const TIMEOUT_MS = 10_000;

export function createWebhookSender(): WebhookSender {
  return async (url, message) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ msgtype: 'text', text: { content: message.content }, duixian: message.facts }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    // Drain the body so the connection is released; robots answer with a small JSON.
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}`);
  };
}
