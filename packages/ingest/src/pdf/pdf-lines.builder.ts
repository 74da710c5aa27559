/**
 * Builds a page's lines: text items trimmed into runs, grouped by baseline, left to right, and split into fragments at
 * wide gaps (table cells, columns). Example: items "一般公共预算收入" and "21.98" on one baseline → one line, two fragments.
 */
import { isCjk } from '../text/is-cjk.ts';
import { median, minOf, maxOf } from './layout-math.ts';
import type { Fragment, Line, Run } from './pdf-layout.model.ts';
import { normalizeGlyphs } from './pdf-glyphs.ts';
import type { PdfPage } from './pdf-pages.ts';

/** Gap between runs, in ems, that splits a line into fragments (table cells, columns). */
const FRAGMENT_GAP_EM = 0.9;

/** Items trimmed into runs, grouped into lines by baseline, left to right. */
export function buildLines(page: PdfPage): Line[] {
  const runs: Run[] = [];
  for (const item of page.items) {
    if (item.vertical) continue;
    const text = normalizeGlyphs(item.str);
    if (text.trim().length === 0) continue;
    const fontSize = item.fontSize > 0 ? item.fontSize : item.height > 0 ? item.height : 10;
    const width = item.width > 0 ? item.width : fontSize * text.length * 0.5;
    const perChar = width / text.length;
    // A normalized item of another length maps as a whole; otherwise each part maps character by character.
    if (text.length !== item.str.length) {
      const trimmed = text.trim();
      runs.push({ page: page.number, item, text: trimmed, start: 0, end: item.str.length, x0: item.x, x1: item.x + width, y: item.y, fontSize });
      continue;
    }
    for (const part of splitAtLayoutSpaces(text)) {
      runs.push({
        page: page.number,
        item,
        text: part.text,
        start: part.start,
        end: part.start + part.text.length,
        x0: item.x + perChar * part.start,
        x1: item.x + perChar * (part.start + part.text.length),
        y: item.y,
        fontSize,
      });
    }
  }
  runs.sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: Run[][] = [];
  let current: Run[] = [];
  let baseline = Number.NaN;
  for (const run of runs) {
    if (current.length > 0 && Math.abs(run.y - baseline) <= 0.35 * Math.min(run.fontSize, (current[0] as Run).fontSize)) {
      current.push(run);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [run];
    baseline = run.y;
  }
  if (current.length > 0) lines.push(current);
  return lines.map((line) => {
    line.sort((a, b) => a.x0 - b.x0);
    const fontSize = median(line.map((run) => run.fontSize));
    return { page: page.number, y: median(line.map((run) => run.y)), fontSize, fragments: splitFragments(line, fontSize) };
  });
}

function splitFragments(runs: readonly Run[], fontSize: number): Fragment[] {
  const fragments: Fragment[] = [];
  let current: Run[] = [];
  for (const run of runs) {
    const previous = current[current.length - 1];
    // Parts of one item are one run of text in the file: never cells apart.
    if (previous && previous.item !== run.item && run.x0 - previous.x1 > FRAGMENT_GAP_EM * Math.max(fontSize, run.fontSize) * 1) {
      fragments.push(makeFragment(current));
      current = [];
    }
    current.push(run);
  }
  if (current.length > 0) fragments.push(makeFragment(current));
  return fragments;
}

export function makeFragment(runs: readonly Run[]): Fragment {
  let text = '';
  runs.forEach((run, index) => {
    const previous = runs[index - 1];
    if (previous && needsSpace(previous, run)) text += ' ';
    text += run.text;
  });
  return {
    runs,
    x0: minOf(runs, (run) => run.x0),
    x1: maxOf(runs, (run) => run.x1),
    y: median(runs.map((run) => run.y)),
    fontSize: median(runs.map((run) => run.fontSize)),
    text,
  };
}

/**
 * The parts of an item's string without the spaces a layout engine puts between Chinese and Latin or digits
 * ("全年将 87.8%的" → "全年将", "87.8%的"), which the writer did not type; spaces between Latin words stay.
 */
function splitAtLayoutSpaces(text: string): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  const pattern = /[\s\u00a0]+/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const before = text.charAt(match.index - 1);
    const after = text.charAt(match.index + match[0].length);
    const atEdge = match.index === 0 || match.index + match[0].length === text.length;
    if (!atEdge && !isCjk(before) && !isCjk(after)) continue;
    if (match.index > start) parts.push({ text: text.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  if (start < text.length) parts.push({ text: text.slice(start), start });
  return parts;
}

/** A word space between two runs: a visible gap, and Latin letters or digits on both sides (never between Chinese). */
export function needsSpace(previous: Run, next: Run): boolean {
  if (previous.item === next.item) return false; // the space between them was left out on purpose
  const gap = next.x0 - previous.x1;
  if (gap < 0.2 * Math.min(previous.fontSize, next.fontSize)) return false;
  return !isCjk(previous.text.charAt(previous.text.length - 1)) && !isCjk(next.text.charAt(0));
}
