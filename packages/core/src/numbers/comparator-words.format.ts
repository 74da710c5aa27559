/**
 * A target's comparator as words around its value: '>=' → '不少于2万亩' / 'at least 20,000 mu'; 'at_least_class'
 * → 'Ⅲ类及以上' / 'Ⅲ类 or better'. Never a bare '>=' or 'at_least_class' on screen.
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
    '~': { before: '约', after: '' },
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

/**
 * @example comparatorWords('>=', 'zh') // { before: '不少于', after: '' }
 * @example comparatorWords('at_most_class', 'en') // { before: '', after: ' or worse' }
 */
export function comparatorWords(comparator: string | null | undefined, locale: DisplayLocale): ComparatorWords {
  return (comparator ? WORDS[locale][comparator] : undefined) ?? NONE;
}

/**
 * A comparator and an already formatted value as one phrase.
 * @example phraseWithComparator('<=', '5%', 'zh') // '不超过5%'
 */
export function phraseWithComparator(comparator: string | null | undefined, valueText: string, locale: DisplayLocale): string {
  const { before, after } = comparatorWords(comparator, locale);
  return `${before}${valueText}${after}`;
}
