/**
 * A sentence of a report with one figure in it highlighted: <HighlightedSentence sentence={{ text: '地区生产总值增长5.3%',
 * start: 100, end: 112 }} figure={{ start: 108, end: 112 }} /> → 地区生产总值增长<mark>5.3%</mark>.
 */
export interface SentenceSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export function HighlightedSentence({ sentence, figure }: { readonly sentence: SentenceSpan; readonly figure: { readonly start: number; readonly end: number } }) {
  // Offsets are into the document; the sentence holds the figure, so both are cut at the same origin.
  const from = Math.max(0, figure.start - sentence.start);
  const to = Math.min(sentence.text.length, figure.end - sentence.start);
  return (
    <q className="report-sentence" lang="zh-CN">
      {sentence.text.slice(0, from)}
      <mark className="sentence-figure">{sentence.text.slice(from, to)}</mark>
      {sentence.text.slice(to)}
    </q>
  );
}
