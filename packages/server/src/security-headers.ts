/**
 * Security headers on every answer — the web app's pages and assets, JSON, errors: a Content-Security-Policy fitted
 * to the built web app (its own scripts only, no inline script; inline styles for ECharts' SVG and React's style
 * props; images from this origin or data: URLs, as ECharts draws them), no framing, no type sniffing, no referrer
 * sent elsewhere. A route that sets a stricter policy keeps it (the evidence download's `sandbox`).
 * Example: GET / → content-security-policy: default-src 'self'; script-src 'self'; …; frame-ancestors 'none'.
 */
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
    return payload;
  });
}
