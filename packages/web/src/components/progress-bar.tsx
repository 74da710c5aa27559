/**
 * Actual progress against 序时进度 (expected by elapsed time): a filled bar with a marker where it should be by now.
 * <ProgressBar actual="40" expected="55.3" /> reads "实际进度 40%，序时进度 55.3%".
 */
import { useI18n } from '../i18n/i18n.context.tsx';
import { formatPercent } from '../format/quantity.format.ts';

function clampPercent(value: string | null | undefined): number {
  const number = value === null || value === undefined ? 0 : Number(value);
  return Number.isFinite(number) ? Math.max(0, Math.min(100, number)) : 0;
}

export function ProgressBar({ actual, expected }: { readonly actual?: string | null; readonly expected?: string | null }) {
  const { t } = useI18n();
  const actualText = actual ? formatPercent(actual) : '—';
  const expectedText = expected ? formatPercent(expected) : '—';
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clampPercent(actual)}
        aria-valuetext={`${t('commitments.actual')} ${actualText}，${t('commitments.expected')} ${expectedText}`}
        aria-label={t('commitments.progress')}
      >
        <div className="progress-fill" style={{ width: `${clampPercent(actual)}%` }} />
        {expected ? <div className="progress-expected" style={{ left: `${clampPercent(expected)}%` }} /> : null}
      </div>
      <div className="progress-legend">
        <span>
          {t('commitments.actual')} <strong>{actualText}</strong>
        </span>
        <span>
          <span className="progress-expected-key" aria-hidden="true" /> {t('commitments.expected')} <strong>{expectedText}</strong>
        </span>
      </div>
    </div>
  );
}
