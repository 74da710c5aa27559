/**
 * Word's automatic paragraph numbers, which are not in the text of document.xml: reads word/numbering.xml (and the
 * numbering of paragraph styles in word/styles.xml) and counts as the paragraphs go, so that a heading numbered
 * "chineseCounting, %1、" reads "一、2023年工作回顾" and the next "二、…".
 */
import * as cheerio from 'cheerio';
import { checkNestingDepth } from '../nesting-depth.ts';

interface XmlNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
}

interface Level {
  readonly format: string;
  readonly text: string;
  readonly start: number;
  readonly suffix: string;
}

/** A paragraph's numbering reference: w:numPr's numId and ilvl. */
export interface NumberingReference {
  readonly numId: string;
  readonly level: number;
}

/** Counts numbered paragraphs and gives each its label. */
export class DocxNumbering {
  private readonly counters = new Map<string, number[]>();

  private constructor(
    /** numId → its levels (from the abstract numbering it points to, with level overrides). */
    private readonly numbers: ReadonlyMap<string, readonly (Level | undefined)[]>,
    /** Paragraph style id → the numbering that style gives its paragraphs. */
    private readonly styles: ReadonlyMap<string, NumberingReference>,
  ) {}

  /** Reads numbering.xml and styles.xml (either may be missing). */
  static parse(numberingXml: string | undefined, stylesXml: string | undefined): DocxNumbering {
    const numbers = new Map<string, (Level | undefined)[]>();
    if (numberingXml) {
      checkNestingDepth(numberingXml, 'xml');
      const $ = cheerio.load(numberingXml, { xml: true });
      const abstracts = new Map<string, (Level | undefined)[]>();
      for (const abstract of $('w\\:abstractNum').toArray() as unknown as XmlNode[]) {
        const levels: (Level | undefined)[] = [];
        for (const level of childrenNamed(abstract, 'w:lvl')) {
          const index = Number.parseInt(level.attribs?.['w:ilvl'] ?? '', 10);
          if (Number.isInteger(index) && index >= 0 && index < 9) levels[index] = readLevel(level);
        }
        abstracts.set(abstract.attribs?.['w:abstractNumId'] ?? '', levels);
      }
      for (const num of $('w\\:num').toArray() as unknown as XmlNode[]) {
        const abstractId = childrenNamed(num, 'w:abstractNumId')[0]?.attribs?.['w:val'] ?? '';
        const levels = [...(abstracts.get(abstractId) ?? [])];
        for (const override of childrenNamed(num, 'w:lvlOverride')) {
          const index = Number.parseInt(override.attribs?.['w:ilvl'] ?? '', 10);
          const base = levels[index];
          if (!Number.isInteger(index) || index < 0 || index > 8) continue;
          const replaced = childrenNamed(override, 'w:lvl')[0];
          const start = Number.parseInt(childrenNamed(override, 'w:startOverride')[0]?.attribs?.['w:val'] ?? '', 10);
          if (replaced) levels[index] = readLevel(replaced);
          else if (base && Number.isInteger(start)) levels[index] = { ...base, start };
        }
        numbers.set(num.attribs?.['w:numId'] ?? '', levels);
      }
    }
    const styles = new Map<string, NumberingReference>();
    if (stylesXml) {
      checkNestingDepth(stylesXml, 'xml');
      const $ = cheerio.load(stylesXml, { xml: true });
      for (const style of $('w\\:style').toArray() as unknown as XmlNode[]) {
        const reference = referenceIn(childrenNamed(style, 'w:pPr')[0]);
        if (reference) styles.set(style.attribs?.['w:styleId'] ?? '', reference);
      }
    }
    return new DocxNumbering(numbers, styles);
  }

  /** The label of a paragraph ("一、", "（二）", "3.") from its w:pPr, counting it; undefined when not numbered. */
  labelFor(paragraphProperties: XmlNode | undefined): string | undefined {
    const styleId = childrenNamed(paragraphProperties, 'w:pStyle')[0]?.attribs?.['w:val'];
    const direct = referenceIn(paragraphProperties);
    const styled = styleId === undefined ? undefined : this.styles.get(styleId);
    const reference = direct ?? styled;
    if (!reference || reference.numId === '0') return undefined;
    const levels = this.numbers.get(reference.numId);
    const level = levels?.[reference.level];
    if (!levels || !level) return undefined;
    const counters = this.counters.get(reference.numId) ?? [];
    for (let index = 0; index <= reference.level; index += 1) {
      if (counters[index] === undefined) counters[index] = (levels[index]?.start ?? 1) - (index === reference.level ? 1 : 0);
    }
    counters[reference.level] = (counters[reference.level] as number) + 1;
    counters.length = reference.level + 1; // deeper levels start again
    this.counters.set(reference.numId, counters);
    if (level.format === 'none') return undefined;
    const label =
      level.format === 'bullet'
        ? bulletText(level.text)
        : level.text.replace(/%([1-9])/g, (_, digit: string) => {
            const index = Number(digit) - 1;
            return formatNumber(counters[index] ?? levels[index]?.start ?? 1, levels[index]?.format ?? 'decimal');
          });
    if (label.length === 0) return undefined;
    // Word puts a tab after the number; in running text a Chinese label needs nothing, others a space.
    if (level.suffix === 'nothing' || /[、．.）)：:]$/.test(label)) return label;
    return `${label} `;
  }
}

function readLevel(level: XmlNode): Level {
  const value = (name: string): string | undefined => childrenNamed(level, name)[0]?.attribs?.['w:val'];
  const start = Number.parseInt(value('w:start') ?? '1', 10);
  return { format: value('w:numFmt') ?? 'decimal', text: value('w:lvlText') ?? '', start: Number.isInteger(start) ? start : 1, suffix: value('w:suff') ?? 'tab' };
}

function referenceIn(paragraphProperties: XmlNode | undefined): { numId: string; level: number } | undefined {
  const numbering = childrenNamed(paragraphProperties, 'w:numPr')[0];
  const numId = childrenNamed(numbering, 'w:numId')[0]?.attribs?.['w:val'];
  if (numId === undefined) return undefined;
  const level = Number.parseInt(childrenNamed(numbering, 'w:ilvl')[0]?.attribs?.['w:val'] ?? '0', 10);
  return { numId, level: Number.isInteger(level) && level >= 0 && level < 9 ? level : 0 };
}

/** A bullet's own character, or "•" for symbol-font characters in the private use area. */
function bulletText(text: string): string {
  return /^[\ue000-\uf8ff]*$/.test(text) ? '•' : text;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Formats a counter as Word does for the common formats: 3 → "三" (chineseCounting), "③", "c", "iii". */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCounting(value);
    case 'ideographTraditional':
      return HEAVENLY_STEMS.charAt((value - 1) % 10) || String(value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? CIRCLED.charAt(value - 1) : String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
    case 'decimalZero':
      return String(value).padStart(2, '0');
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = String.fromCharCode(97 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      const roman = toRoman(value);
      return format === 'upperRoman' ? roman.toUpperCase() : roman;
    }
    default:
      return String(value);
  }
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999). */
function chineseCounting(value: number): string {
  if (value <= 0 || value > 9999) return String(value);
  const units = ['', '十', '百', '千'];
  const digits = String(value).split('').map(Number);
  let text = '';
  let zero = false;
  digits.forEach((digit, index) => {
    const unit = units[digits.length - 1 - index] ?? '';
    if (digit === 0) {
      zero = text.length > 0;
      return;
    }
    if (zero) text += '零';
    zero = false;
    text += (digit === 1 && unit === '十' && text.length === 0 ? '' : CHINESE_DIGITS.charAt(digit)) + unit;
  });
  return text;
}

function toRoman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let rest = value;
  let text = '';
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      text += letters;
      rest -= amount;
    }
  }
  return text;
}

function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return (node?.children ?? []).filter((child) => child.type === 'tag' && child.name === name);
}
