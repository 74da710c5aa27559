/**
 * One region's cell of the league table opened: each target of year Y beside the result of year Y+1, as the two
 * sentences of the reports with the figures highlighted, and the verdict with its arithmetic in words.
 * Example: #/league/2030?region=990101&verdict=missed → 城镇调查失业率: "…城镇调查失业率5.5%以内…" / "…平均为5.6%…" 未兑现.
 */
import { FOLLOW_UP_VERDICTS, getFollowUp, type FollowUpFigureView, type FollowUpPairView, type FollowUpVerdict } from '../../api/follow-up.api.ts';
import { useApi } from '../../api/use-api.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { HighlightedSentence } from './highlighted-sentence.tsx';
import { sourceHref } from './source-link.tsx';
import { VerdictBadge, verdictKey } from './verdict-badge.tsx';

/** The target in words with its qualifier: 5%左右 stays as written in Chinese; in English, "about 5%". */
function targetWords(figure: FollowUpFigureView, t: (key: MessageKey, values?: Record<string, string | number>) => string, locale: string): string {
  if (locale === 'zh' || !figure.comparator) return figure.text;
  return t(`league.comparator.${figure.comparator}` as MessageKey, { text: figure.text });
}

/** The verdict's arithmetic in words: core's Chinese explanation, or the same facts in English. */
function explain(pair: FollowUpPairView, t: (key: MessageKey, values?: Record<string, string | number>) => string, locale: string): string {
  if (locale === 'zh') return pair.explanation;
  if (pair.basis === 'statement') return t('league.explain.statement', { target: targetWords(pair.target, t, locale), result: pair.result?.text ?? '' });
  return t(`league.explain.${pair.verdict}` as MessageKey, { target: targetWords(pair.target, t, locale), result: pair.result?.text ?? '' });
}

function PairCard({ pair, lastYear, thisYear }: { readonly pair: FollowUpPairView; readonly lastYear: number; readonly thisYear: number }) {
  const { t, locale } = useI18n();
  return (
    <li className="card league-pair">
      <div className="league-pair-head">
        <h3>{pair.metric}</h3>
        <VerdictBadge verdict={pair.verdict} basis={pair.basis} />
      </div>
      <p className="meta">{t('league.targetSentence', { year: lastYear })}</p>
      <p>
        <HighlightedSentence sentence={pair.target.sentence} figure={pair.target.source} />{' '}
        <a className="source-link" href={sourceHref(pair.target.source)}>{t('league.openDocument')}</a>
      </p>
      <p className="meta">{t('league.resultSentence', { year: thisYear })}</p>
      {pair.result ? (
        <p>
          <HighlightedSentence sentence={pair.result.sentence} figure={pair.result.source} />{' '}
          <a className="source-link" href={sourceHref(pair.result.source)}>{t('league.openDocument')}</a>
        </p>
      ) : (
        <p>{t('league.noResult', { year: thisYear })}</p>
      )}
      <p className="league-explanation">
        <strong>{t('league.explanation')}：</strong>
        <span lang={locale === 'zh' ? 'zh-CN' : 'en'}>{explain(pair, t, locale)}</span>
      </p>
    </li>
  );
}

export function LeagueRegion({
  regionCode,
  lastYear,
  verdict,
  hrefFor,
}: {
  readonly regionCode: string;
  readonly lastYear: number;
  readonly verdict?: FollowUpVerdict | undefined;
  /** The league page's address for this region with another verdict filter (undefined: all). */
  readonly hrefFor: (verdict?: FollowUpVerdict) => string;
}) {
  const { t } = useI18n();
  const state = useApi(() => getFollowUp(regionCode, lastYear), [regionCode, lastYear]);
  return (
    <AsyncView state={state}>
      {(view) => {
        const thisYear = view.thisYear ?? lastYear + 1;
        const shown = verdict ? view.pairs.filter((pair) => pair.verdict === verdict) : view.pairs;
        return (
          <section className="league-region" aria-labelledby="league-region-heading">
            <h2 id="league-region-heading" tabIndex={-1}>
              {t('league.pairsHeading', { region: view.regionName, lastYear, thisYear })}
            </h2>
            <ul className="league-filters">
              <li>
                <a href={hrefFor()} aria-current={verdict === undefined ? 'true' : undefined}>{t('league.pairsAll')} {view.pairs.length}</a>
              </li>
              {FOLLOW_UP_VERDICTS.map((each) => (
                <li key={each}>
                  <a href={hrefFor(each)} aria-current={verdict === each ? 'true' : undefined}>
                    {t(verdictKey(each))} {view.counts[each]}
                  </a>
                </li>
              ))}
            </ul>
            {shown.length === 0 ? <p>{t('league.pairsNone')}</p> : null}
            <ol className="league-pairs">
              {shown.map((pair) => (
                <PairCard key={pair.id} pair={pair} lastYear={lastYear} thisYear={thisYear} />
              ))}
            </ol>
          </section>
        );
      }}
    </AsyncView>
  );
}
