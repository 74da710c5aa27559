/**
 * A figure written the Chinese way with its exact value on hover and for screen readers:
 * <Figure value="2198000000" unit="元" /> shows 21.98亿元, title "2,198,000,000元".
 */
import { formatQuantity } from '../format/quantity.format.ts';
import { useI18n } from '../i18n/i18n.context.tsx';

export interface FigureProps {
  readonly value: string;
  readonly unit: string;
  readonly className?: string;
}

export function Figure({ value, unit, className }: FigureProps) {
  const { locale } = useI18n();
  const { short, exact } = formatQuantity(value, unit, locale);
  const isSame = short === exact;
  return (
    <data
      className={['figure', className].filter(Boolean).join(' ')}
      value={value}
      title={isSame ? undefined : exact}
      aria-label={isSame ? undefined : `${short}（${exact}）`}
    >
      {short}
    </data>
  );
}
