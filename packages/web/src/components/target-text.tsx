/**
 * A commitment's target as words: <TargetText target={{ value: '92', unit: '%', comparator: '>=' }} /> shows
 * '不少于92%' ('at least 92%'); a graded target { value: 'Ⅲ类', comparator: 'at_least_class' } shows 'Ⅲ类及以上'.
 */
import { comparatorWords } from '@duixian/core';
import { useI18n } from '../i18n/i18n.context.tsx';
import { Figure } from './figure.tsx';

export interface TargetTextProps {
  readonly target: { readonly value: string; readonly unit: string; readonly comparator?: string };
}

export function TargetText({ target }: TargetTextProps) {
  const { locale } = useI18n();
  const { before, after } = comparatorWords(target.comparator, locale, target.unit);
  return (
    <>
      {before}
      <Figure value={target.value} unit={target.unit} />
      {after}
    </>
  );
}
