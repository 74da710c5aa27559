/**
 * Which compression a client accepts, from its Accept-Encoding header (RFC 9110 §12.5.3): the highest q-value
 * among br and gzip, br on a tie; q=0 refuses; "*" stands for any encoding not named.
 * Example: `preferredEncoding('gzip, deflate, br, zstd')` → 'br'; `preferredEncoding('gzip;q=0, br;q=0')` → undefined.
 */
export type ContentEncoding = 'br' | 'gzip';

const SUPPORTED: readonly ContentEncoding[] = ['br', 'gzip'];

export function preferredEncoding(header: string | string[] | undefined): ContentEncoding | undefined {
  if (header === undefined) return undefined;
  const weights = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (name === '') continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: ContentEncoding | undefined;
  let bestWeight = 0;
  for (const encoding of SUPPORTED) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}
