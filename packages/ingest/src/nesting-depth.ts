/**
 * Measures how deeply the elements of an XML or HTML source nest, in one pass over its tags, before any parser sees
 * it: the parsers slow down with depth (HTML's scope checks walk the open elements; 100,000 nested elements took
 * minutes) and the readers walk the tree recursively. Example: `'<div><div>正文</div></div>'` → depth 2;
 * `'<div>'.repeat(100_000)` → NestingError('too-deep') as soon as the count passes 1000.
 */
import { ReaderError } from './reader-error.ts';

/** Deepest nesting read: real reports nest a few dozen levels (tables in tables, list in list); 1000 is far past that. */
export const MAX_NESTING_DEPTH = 1000;

/** A source nested past MAX_NESTING_DEPTH; readDocument turns it into IngestError('too-deep'). */
export class NestingError extends ReaderError<'too-deep'> {
  override readonly name = 'NestingError';
}

/** HTML elements that never hold others (no end tag). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** HTML elements whose end tag may be left out: the next sibling closes them, so they do not pile up. */
const OPTIONAL_END = new Set([
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
  'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body',
]);
/** HTML elements skipped to their end tag: text, not markup (script, style …), or SVG and MathML, where "<path/>"
 *  closes itself as it never does in HTML. */
const SKIPPED = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'plaintext', 'svg', 'math']);

const isNameStart = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 58;

/**
 * Throws NestingError when elements nest deeper than `limit`; otherwise returns the deepest nesting seen. Linear in the
 * source: each character is looked at a bounded number of times. For HTML, elements whose end tag may be omitted are
 * not counted, so sloppy pages with unclosed <p> or <li> are not refused.
 * @example checkNestingDepth('<w:body><w:p><w:r/></w:p></w:body>', 'xml') // 2
 */
export function checkNestingDepth(source: string, syntax: 'xml' | 'html', limit = MAX_NESTING_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let at = source.indexOf('<');
  while (at >= 0 && at < source.length) {
    const next = source.charCodeAt(at + 1);
    let end: number;
    if (source.startsWith('<!--', at)) {
      end = closeOf(source, '-->', at + 4);
    } else if (source.startsWith('<![CDATA[', at)) {
      end = closeOf(source, ']]>', at + 9);
    } else if (next === 33 /* ! */ || next === 63 /* ? */) {
      end = closeOf(source, '>', at + 2);
    } else if (next === 47 /* / */) {
      end = closeOf(source, '>', at + 2);
      if (depth > 0 && isNameStart(source.charCodeAt(at + 2)) && (syntax === 'xml' || isCounted(tagName(source, at + 2)))) depth -= 1;
    } else if (isNameStart(next)) {
      const name = tagName(source, at + 1);
      end = closeOf(source, '>', at + 1);
      // "<w:r/>" closes itself in XML; in HTML "<div/>" is an open div.
      const selfClosing = syntax === 'xml' && end > 0 && source.charCodeAt(end - 2) === 47;
      if (syntax === 'html' && SKIPPED.has(name) && end > 0) {
        // Script and style text may hold "<div>" in strings: skip to the element's end tag.
        const closing = new RegExp(`</${name}`, 'gi');
        closing.lastIndex = end;
        const close = closing.exec(source);
        end = close ? closeOf(source, '>', close.index) : -1;
      } else if (!selfClosing && (syntax === 'xml' || isCounted(name))) {
        depth += 1;
        if (depth > deepest) deepest = depth;
        if (depth > limit) throw new NestingError('too-deep', `elements nest more than ${limit} levels deep`);
      }
    } else {
      end = at + 1;
    }
    if (end < 0) break;
    at = source.indexOf('<', end);
  }
  return deepest;
}

function isCounted(name: string): boolean {
  return !VOID.has(name) && !OPTIONAL_END.has(name);
}

/** The tag name starting at `from`, lower-cased (HTML names are case-insensitive; XML ones are only compared to HTML's). */
function tagName(source: string, from: number): string {
  let end = from;
  while (end < source.length && !/[\s/>]/.test(source[end] ?? '>') && end - from < 64) end += 1;
  return source.slice(from, end).toLowerCase();
}

/** The position just past `close` at or after `from`, or -1 when the source ends first. */
function closeOf(source: string, close: string, from: number): number {
  const found = source.indexOf(close, from);
  return found < 0 ? -1 : found + close.length;
}
