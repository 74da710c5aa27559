/**
 * The verdict of a follow-up pair as a badge with colour, shape and word, so it reads without colour too, and what
 * a met verdict rests on when it is not a figure: <VerdictBadge verdict="missed" /> → ■ 未兑现 (red);
 * <VerdictBadge verdict="met" basis="statement" /> → ● 已兑现 按陈述完成.
 */
import type { FollowUpBasis, FollowUpVerdict } from '../../api/follow-up.api.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';

export const VERDICT_LOOK: Readonly<Record<FollowUpVerdict, { colour: 'green' | 'red' | 'yellow'; shape: string; hex: string }>> = {
  met: { colour: 'green', shape: '●', hex: '#1a7f37' },
  missed: { colour: 'red', shape: '■', hex: '#cf222e' },
  not_reported: { colour: 'yellow', shape: '▲', hex: '#9a6700' },
};

export function verdictKey(verdict: FollowUpVerdict): MessageKey {
  return `followUp.verdict.${verdict}` as MessageKey;
}

export function VerdictBadge({ verdict, basis }: { readonly verdict: FollowUpVerdict; readonly basis?: FollowUpBasis }) {
  const { t } = useI18n();
  const look = VERDICT_LOOK[verdict];
  const badge = (
    <span className={`badge badge-${look.colour}`}>
      <span aria-hidden="true">{look.shape} </span>
      {t(verdictKey(verdict))}
    </span>
  );
  // A target met by "12件民生实事全部完成" has no figure of its own: the reader must see it was not measured.
  if (basis !== 'statement') return badge;
  return (
    <span className="verdict-with-basis">
      {badge} <span className="verdict-basis">{t('followUp.byStatement')}</span>
    </span>
  );
}
