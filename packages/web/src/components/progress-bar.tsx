/**
 * Actual progress against 序时进度 (expected by elapsed time): a filled bar with a marker where it should be by now,
 * filled in the schedule status's colour (a 慢序时 bar is yellow, not green).
 * <ProgressBar actual="40" expected="55.3" colour="yellow" /> reads "实际进度 40%，序时进度 55.3%".
 */
import { useI18n } from '../i18n/i18n.context.tsx';
import { formatPercent } from '../format/quantity.format.ts';
import type { WarningColour } from './status-badge.tsx';

function clampPercent(value: string | null | undefined): number {
  const number = value === null || value === undefined ? 0 : Number(value);
  return Number.isFinite(number) ? Math.max(0, Math.min(100, number)) : 0;
}

export interface ProgressBarProps {
  readonly actual?: string | null;
  readonly expected?: string | null;
  /** The schedule status colour; without one the bar is neutral grey-blue rather than a reassuring green. */
  readonly colour?: WarningColour | null | undefined;
}

export function ProgressBar({ actual, expected, colour }: ProgressBarProps) {
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
        <div className={`progress-fill progress-fill-${colour ?? 'none'}`} style={{ width: `${clampPercent(actual)}%` }} />
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
