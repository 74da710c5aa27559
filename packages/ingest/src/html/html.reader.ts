/**
 * Reads the main article text of an HTML page, leaving out menus, scripts, headers and footers, with tables as rows
 * and cells: `<nav>首页</nav><article><p>支出<b>21.98亿元</b></p></article>` → "支出21.98亿元", each character mapped to
 * its offset in the decoded page source.
 */
import * as cheerio from 'cheerio';
import type { Table } from '@duixian/core';
import { TextBuilder, type SourceRange } from '../offset-map.ts';
import type { ReaderResult } from '../reader-result.ts';
import { TableRecorder, captionBefore } from '../table-recorder.ts';
import { isCjk } from '../text/is-cjk.ts';
import { checkNestingDepth } from '../nesting-depth.ts';

interface ElementNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: ElementNode[];
  parent?: ElementNode | null;
  sourceCodeLocation?: { startOffset: number; endOffset: number } | null;
}

const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'nav', 'footer', 'aside', 'form', 'button',
  'select', 'textarea', 'input', 'head', 'title', 'meta', 'link', 'object', 'embed', 'audio', 'video', 'map',
]);
const DROPPED_ROLES = /^(navigation|banner|contentinfo|complementary|search|menu|menubar|toolbar)$/i;
const BOILERPLATE = /(^|[-_\s])(nav|navbar|navigation|menu|menus|footer|foot|sidebar|side|breadcrumbs?|crumbs?|share|sharing|comments?|copyright|toolbar|related|ads?|advert|advertisement|banner|topbar|top-bar|login|search|pager|pagination|social|subscribe|cookie)([-_\s]|$)/i;
const MAIN_HINT = /(^|[-_\s])(article|content|main|post|entry|detail|text|body|zoom|trs_editor|con|zw|wenzhang|news_content)([-_\s]|$)/i;
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt',
  'dd', 'blockquote', 'pre', 'figure', 'figcaption', 'caption', 'address', 'hr', 'table', 'tr', 'center', 'body',
]);

export function readHtml(source: string): ReaderResult {
  // Before parsing: HTML's parser slows down with depth and the walks below recurse (NestingError past the limit).
  checkNestingDepth(source, 'html');
  const $ = cheerio.load(source, { sourceCodeLocationInfo: true } as Parameters<typeof cheerio.load>[1]);
  const body = ($('body')[0] ?? $.root()[0]) as unknown as ElementNode;
  removeBoilerplate(body, false);
  const root = chooseMainElement(body);
  const walker = new HtmlTextWalker(source);
  const title = root === body ? undefined : titleBefore(root);
  if (title) walker.walk({ type: 'tag', name: 'div', children: [title] });
  walker.walk(root);
  return walker.finish();
}

const TITLE_HINT = /(^|[-_\s])(title|tit|bt|headline|article-title)([-_\s]|$)/i;

/**
 * The article's title when the page sets it apart from the article's body: the last heading (h1–h3, or an element
 * whose class or id says title) among the elements before the body's container, up to two levels up.
 */
function titleBefore(root: ElementNode): ElementNode | undefined {
  let node: ElementNode | undefined = root;
  for (let level = 0; level < 2 && node?.parent; level += 1) {
    const siblings: ElementNode[] = node.parent.children ?? [];
    const before = siblings.slice(0, siblings.indexOf(node)).filter((sibling) => sibling.type === 'tag');
    for (let index = before.length - 1; index >= 0 && index >= before.length - 3; index -= 1) {
      const candidate = before[index] as ElementNode;
      const length = textLength(candidate);
      const isTitle = /^h[1-3]$/.test(candidate.name ?? '') || TITLE_HINT.test(`${candidate.attribs?.class ?? ''} ${candidate.attribs?.id ?? ''}`);
      if (isTitle && length >= 4 && length <= 100) return candidate;
    }
    node = node.parent;
  }
  return undefined;
}

function removeBoilerplate(node: ElementNode, insideArticle: boolean): void {
  const children = node.children ?? [];
  node.children = children.filter((child) => {
    if (child.type === 'comment' || child.type === 'directive') return false;
    if (child.type !== 'tag' && child.type !== 'script' && child.type !== 'style') return true;
    const name = (child.name ?? '').toLowerCase();
    if (DROPPED_TAGS.has(name)) return false;
    if (name === 'header' && !insideArticle) return false;
    const attribs = child.attribs ?? {};
    if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return false;
    if (/display\s*:\s*none/i.test(attribs.style ?? '')) return false;
    if (DROPPED_ROLES.test(attribs.role ?? '')) return false;
    const marker = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
    if (BOILERPLATE.test(marker) && !MAIN_HINT.test(marker)) return false;
    removeBoilerplate(child, insideArticle || name === 'article' || name === 'main');
    return true;
  });
}

/** The element holding the article: <article> or <main> when present, else the block with the most paragraph text. */
function chooseMainElement(body: ElementNode): ElementNode {
  const all: ElementNode[] = [];
  collectElements(body, all);
  const total = textLength(body);
  const byTag = (tag: string) => all.filter((element) => element.name === tag);
  for (const candidates of [byTag('article'), byTag('main'), all.filter((e) => e.attribs?.role === 'main')]) {
    const best = maxBy(candidates, textLength);
    if (best && textLength(best) >= Math.max(20, total * 0.3)) return best;
  }
  // Score each container by the text of the paragraphs directly inside it (readability's idea, kept small).
  const scores = new Map<ElementNode, number>();
  for (const element of all) {
    if (element.name !== 'p' && !(element.name === 'div' && hasDirectText(element))) continue;
    const length = textLength(element) - linkTextLength(element) * 2;
    if (length <= 0) continue;
    const parent = element.parent;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grandparent = parent?.parent;
    if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + length / 2);
  }
  let best: ElementNode | undefined;
  let bestScore = 0;
  for (const [element, score] of scores) {
    const hint = MAIN_HINT.test(`${element.attribs?.class ?? ''} ${element.attribs?.id ?? ''}`) ? 1.25 : 1;
    if (score * hint > bestScore) {
      best = element;
      bestScore = score * hint;
    }
  }
  return best && bestScore >= total * 0.4 ? best : body;
}

function collectElements(node: ElementNode, into: ElementNode[]): void {
  for (const child of node.children ?? []) {
    if (child.type === 'tag') {
      into.push(child);
      collectElements(child, into);
    }
  }
}

function maxBy<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = -Infinity;
  for (const item of items) {
    const value = score(item);
    if (value > bestScore) {
      best = item;
      bestScore = value;
    }
  }
  return best;
}

const lengthCache = new WeakMap<ElementNode, number>();
function textLength(node: ElementNode): number {
  if (node.type === 'text') return (node.data ?? '').replace(/\s+/g, '').length;
  const cached = lengthCache.get(node);
  if (cached !== undefined) return cached;
  let length = 0;
  for (const child of node.children ?? []) length += textLength(child);
  lengthCache.set(node, length);
  return length;
}

function linkTextLength(node: ElementNode): number {
  if (node.type === 'tag' && node.name === 'a') return textLength(node);
  let length = 0;
  for (const child of node.children ?? []) if (child.type === 'tag') length += linkTextLength(child);
  return length;
}

function hasDirectText(node: ElementNode): boolean {
  return (node.children ?? []).some((child) => child.type === 'text' && (child.data ?? '').trim().length > 10);
}

interface Char {
  readonly char: string;
  readonly source: SourceRange;
}

/** Walks the chosen element, collapsing white space as a browser does and breaking lines at blocks. */
class HtmlTextWalker {
  private readonly builder = new TextBuilder('text');
  private readonly tables: Table[] = [];
  private pendingBreak = false;
  private pendingSpace: Char | undefined;
  /** Whether the pending white space holds a line break: between Chinese characters that is no space at all. */
  private pendingNewline = false;

  constructor(private readonly source: string) {}

  walk(node: ElementNode): void {
    for (const child of node.children ?? []) {
      if (child.type === 'text') {
        for (const char of this.charsOf(child)) this.emit(char);
        continue;
      }
      if (child.type !== 'tag') continue;
      const name = (child.name ?? '').toLowerCase();
      if (name === 'br') {
        this.lineBreak();
        continue;
      }
      if (name === 'table' && isDataTable(child)) {
        this.readTable(child);
        continue;
      }
      const block = BLOCK_TAGS.has(name) || name === 'td' || name === 'th';
      if (block) this.lineBreak();
      this.walk(child);
      if (block) this.lineBreak();
    }
  }

  finish(): ReaderResult {
    this.builder.trimTrailingSeparator();
    const { text, offsetMap } = this.builder.finish();
    return { text, offsetMap, tables: this.tables, problems: [] };
  }

  private lineBreak(): void {
    this.pendingBreak = true;
    this.pendingSpace = undefined;
    this.pendingNewline = false;
  }

  private emit(char: Char): void {
    if (/^[\s\u00a0]$/.test(char.char) && char.char !== '\u3000') {
      if (this.builder.offset > 0 && !this.pendingBreak && this.builder.lastChar !== '\n') {
        this.pendingSpace ??= char;
        if (char.char === '\n' || char.char === '\r') this.pendingNewline = true;
      }
      return;
    }
    if (this.pendingBreak) {
      if (this.builder.offset > 0 && this.builder.lastChar !== '\n') this.builder.appendSeparator('\n');
      this.pendingBreak = false;
      this.pendingSpace = undefined;
      this.pendingNewline = false;
    }
    if (this.pendingSpace) {
      // A line break in the source next to a Chinese character is not a word gap; a typed space is kept.
      if (!this.pendingNewline || (!isCjk(this.builder.lastChar) && !isCjk(char.char))) this.builder.append(' ', this.pendingSpace.source);
      this.pendingSpace = undefined;
      this.pendingNewline = false;
    }
    this.builder.append(char.char, char.source);
  }

  private readTable(table: ElementNode): void {
    this.lineBreak();
    if (this.builder.offset > 0 && this.builder.lastChar !== '\n') this.builder.appendSeparator('\n');
    this.pendingBreak = false;
    const captionNode = findChild(table, 'caption');
    const captionText = captionNode ? this.plainText(captionNode).trim() : '';
    const caption = captionText.length > 0 ? captionText : captionBefore(this.builder.finish().text);
    const recorder = new TableRecorder(this.builder);
    const occupied = new Map<string, true>();
    const rows = rowsOf(table);
    rows.forEach((row, rowIndex) => {
      recorder.startRow();
      let column = 0;
      for (const cell of (row.children ?? []).filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th'))) {
        while (occupied.has(`${rowIndex}:${column}`)) {
          recorder.addCell([]);
          column += 1;
        }
        recorder.addCell(this.cellPieces(cell));
        const colspan = clampSpan(cell.attribs?.colspan);
        const rowspan = clampSpan(cell.attribs?.rowspan);
        for (let r = 0; r < rowspan; r += 1) for (let c = 0; c < colspan; c += 1) occupied.set(`${rowIndex + r}:${column + c}`, true);
        column += 1;
        for (let extra = 1; extra < colspan; extra += 1) {
          recorder.addCell([]);
          column += 1;
        }
      }
      recorder.endRow();
    });
    const result = recorder.finish(`table-${this.tables.length + 1}`, caption);
    if (result) this.tables.push(result);
    this.pendingBreak = true;
  }

  private cellPieces(cell: ElementNode): { text: string; source: SourceRange }[] {
    const chars: Char[] = [];
    const visit = (node: ElementNode): void => {
      for (const child of node.children ?? []) {
        if (child.type === 'text') chars.push(...this.charsOf(child));
        else if (child.type === 'tag') {
          if (child.name === 'br' || BLOCK_TAGS.has(child.name ?? '')) chars.push({ char: ' ', source: sourceOf(child) });
          visit(child);
        }
      }
    };
    visit(cell);
    const pieces: { text: string; source: SourceRange }[] = [];
    let previous = '';
    for (const char of chars) {
      const isSpace = /^[\s\u00a0]$/.test(char.char);
      if (isSpace) {
        if (previous === ' ' || previous === '') continue;
        previous = ' ';
        pieces.push({ text: ' ', source: char.source });
        continue;
      }
      if (previous === ' ' && pieces.length > 1) {
        const before = pieces[pieces.length - 2]?.text ?? '';
        if (isCjk(before) || isCjk(char.char)) pieces.pop();
      }
      previous = char.char;
      pieces.push({ text: char.char, source: char.source });
    }
    return pieces;
  }

  private plainText(node: ElementNode): string {
    return this.cellPieces(node).map((piece) => piece.text).join('');
  }

  /** The characters of a text node with their source offsets, decoding entities ("&amp;" maps to all five chars). */
  private charsOf(node: ElementNode): Char[] {
    const data = node.data ?? '';
    const location = node.sourceCodeLocation;
    if (!location) return Array.from(data, (char) => ({ char, source: { kind: 'text', start: 0, end: 0 } }));
    const raw = this.source.slice(location.startOffset, location.endOffset);
    const chars: Char[] = [];
    let r = 0;
    let d = 0;
    while (d < data.length) {
      const char = data.charAt(d);
      if (raw.charAt(r) === char) {
        chars.push({ char, source: { kind: 'text', start: location.startOffset + r, end: location.startOffset + r + 1 } });
        r += 1;
        d += 1;
        continue;
      }
      if (raw.charAt(r) === '\r') {
        // "\r\n" in the source is "\n" in the DOM.
        r += raw.charAt(r + 1) === '\n' && char === '\n' ? 1 : 0;
        if (char === '\n' && raw.charAt(r) !== '\n') {
          chars.push({ char, source: { kind: 'text', start: location.startOffset + r, end: location.startOffset + r + 1 } });
          r += 1;
          d += 1;
        }
        continue;
      }
      // An entity: the raw text up to its ';' (or the next character that is in the data) makes this character.
      const entity = /^&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/i.exec(raw.slice(r));
      const rawLength = entity ? entity[0].length : 1;
      const decodedLength = char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) <= 0xdbff ? 2 : 1;
      const start = location.startOffset + r;
      chars.push({ char: data.slice(d, d + decodedLength), source: { kind: 'text', start, end: start + rawLength } });
      r += rawLength;
      d += decodedLength;
    }
    return chars;
  }
}

function sourceOf(node: ElementNode): SourceRange {
  const location = node.sourceCodeLocation;
  return location ? { kind: 'text', start: location.startOffset, end: location.startOffset } : { kind: 'text', start: 0, end: 0 };
}

function findChild(node: ElementNode, name: string): ElementNode | undefined {
  return (node.children ?? []).find((child) => child.type === 'tag' && child.name === name);
}

function rowsOf(table: ElementNode): ElementNode[] {
  const rows: ElementNode[] = [];
  for (const child of table.children ?? []) {
    if (child.type !== 'tag') continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') rows.push(...rowsOf(child));
  }
  return rows;
}

/** A table of data, not one used for page layout: no nested table, no cell holding a long passage. */
function isDataTable(table: ElementNode): boolean {
  let nested = false;
  let longCell = false;
  const visit = (node: ElementNode, depth: number): void => {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue;
      if (child.name === 'table' && depth > 0) nested = true;
      if ((child.name === 'td' || child.name === 'th') && textLength(child) > 200) longCell = true;
      visit(child, depth + 1);
    }
  };
  visit(table, 0);
  return !nested && !longCell && rowsOf(table).length > 0;
}

function clampSpan(value: string | undefined): number {
  const span = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(span) && span > 1 ? Math.min(span, 50) : 1;
}
