/**
 * A target's comparator as words around its value, as a work report writes them: '>=' → '不少于2万亩' / 'at least
 * 20,000 mu', and for a rate '不低于90%'; '~' → '6%左右' / 'about 6%'; 'at_least_class' → 'Ⅲ类及以上' / 'Ⅲ类 or
 * better'. Never a bare '>=', '≥', '~' or 'at_least_class' on screen.
 */
import type { DisplayLocale } from './rounded-amount.format.ts';

/** The words written before and after a value for one comparator; both empty for '=' or none. */
export interface ComparatorWords {
  readonly before: string;
  readonly after: string;
}

const WORDS: Readonly<Record<DisplayLocale, Readonly<Record<string, ComparatorWords>>>> = {
  zh: {
    '>=': { before: '不少于', after: '' },
    '<=': { before: '不超过', after: '' },
    '>': { before: '超过', after: '' },
    '<': { before: '低于', after: '' },
    '~': { before: '', after: '左右' },
    at_least_class: { before: '', after: '及以上' },
    at_most_class: { before: '', after: '及以下' },
  },
  en: {
    '>=': { before: 'at least ', after: '' },
    '<=': { before: 'at most ', after: '' },
    '>': { before: 'more than ', after: '' },
    '<': { before: 'less than ', after: '' },
    '~': { before: 'about ', after: '' },
    at_least_class: { before: '', after: ' or better' },
    at_most_class: { before: '', after: ' or worse' },
  },
};

const NONE: ComparatorWords = { before: '', after: '' };

/** The review queue stores "about" as '≈', extraction as '~': the same words. */
const SAME_AS: Readonly<Record<string, string>> = { '≈': '~' };

/** Units of a rate or level, of which a report says 不低于 (not lower), not 不少于 (not fewer). */
const RATE_UNITS = new Set(['%', '‰', 'pp', '个百分点']);

/**
 * `unit`, when known, picks 不低于 over 不少于 for a rate.
 * @example comparatorWords('>=', 'zh') // { before: '不少于', after: '' }
 * @example comparatorWords('>=', 'zh', '%') // { before: '不低于', after: '' }
 * @example comparatorWords('at_most_class', 'en') // { before: '', after: ' or worse' }
 */
export function comparatorWords(comparator: string | null | undefined, locale: DisplayLocale, unit?: string | null): ComparatorWords {
  if (!comparator) return NONE;
  const key = SAME_AS[comparator] ?? comparator;
  if (key === '>=' && locale === 'zh' && unit && RATE_UNITS.has(unit)) return { before: '不低于', after: '' };
  return WORDS[locale][key] ?? NONE;
}

/**
 * A comparator and an already formatted value as one phrase.
 * @example phraseWithComparator('<=', '5%', 'zh') // '不超过5%'
 * @example phraseWithComparator('~', '6%', 'zh') // '6%左右'
 */
export function phraseWithComparator(comparator: string | null | undefined, valueText: string, locale: DisplayLocale, unit?: string | null): string {
  const { before, after } = comparatorWords(comparator, locale, unit);
  return `${before}${valueText}${after}`;
}
