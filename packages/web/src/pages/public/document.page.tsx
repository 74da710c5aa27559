/**
 * A document's text with every extracted figure highlighted; clicking one shows its value, metric, period and every
 * check it takes part in with the arithmetic and the verdict. Inconsistent figures are red and bold.
 * A Markdown upload (.md) reads as a document — headings, lists, quotations, emphasis, from the marks ingest kept — with
 * the same highlights; plain text stays as is.
 * Example: #/documents/1 → click '52.8%' → '一致：6.66 ÷ (19.3 − 6.66) = 52.69%…'.
 */
import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getDocument } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { DocumentDetail, DocumentFigure, DocumentFinding } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { Figure } from '../../components/figure.tsx';
import { checkNameKey } from '../../format/check-name.format.ts';
import { comparatorWords } from '@duixian/core';
import { formatInterval } from '../../format/interval.format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { markdownBlocks, type InlinePiece, type MarkdownBlock } from './document-markdown.ts';
import { segmentText } from './document-segments.ts';
import { relatedFindings } from './related-findings.ts';

type FigureVerdict = 'inconsistent' | 'consistent' | 'unverifiable' | 'none';


/** The worst verdict of the checks a figure is judged by, or that use it. */
function verdictOf(figure: DocumentFigure, findings: readonly DocumentFinding[]): FigureVerdict {
  const related = findings.filter((finding) => finding.stated === figure.id || finding.quantities.includes(figure.id));
  if (related.some((finding) => finding.verdict === 'inconsistent' && finding.stated === figure.id)) return 'inconsistent';
  if (related.some((finding) => finding.verdict === 'consistent')) return 'consistent';
  if (related.length > 0) return 'unverifiable';
  return 'none';
}

function FigurePanel({ figure, document }: { readonly figure: DocumentFigure; readonly document: DocumentDetail }) {
  const { t, locale } = useI18n();
  const relations = relatedFindings(figure.id, document.findings);
  const byId = new Map(document.figures.map((item) => [item.id, item]));
  return (
    <div aria-live="polite">
      <h2>「{figure.text}」</h2>
      <dl className="facts">
        <dt>{t('documents.value')}</dt>
        <dd>
          {comparatorWords(figure.comparator, locale, figure.unit).before}
          <Figure value={figure.value} unit={figure.unit} />
          {figure.valueHigh ? <>–<Figure value={figure.valueHigh} unit={figure.unit} /></> : null}
          {comparatorWords(figure.comparator, locale, figure.unit).after}
        </dd>
        <dt>{t('documents.metric')}</dt>
        <dd>{figure.metric ?? '—'}</dd>
        <dt>{t('documents.period')}</dt>
        <dd>{figure.period ?? '—'}</dd>
      </dl>
      <h3>{t('documents.relations')}</h3>
      {relations.length === 0 ? <p>{t('documents.noRelations')}</p> : null}
      {relations.map((finding) => (
        <div key={finding.id} className="relation" data-verdict={finding.verdict}>
          <p>
            <span className={`badge badge-${finding.verdict === 'consistent' ? 'green' : finding.verdict === 'inconsistent' ? 'red' : 'yellow'}`}>
              {t(`verdict.${finding.verdict}` as MessageKey)}
            </span>{' '}
            <strong className="check-name" data-check={finding.check}>{t(checkNameKey(finding.check))}</strong>
            {finding.stated !== figure.id ? <> · 「{byId.get(finding.stated)?.text ?? finding.stated}」</> : null}
          </p>
          <p className="relation-message">{finding.message}{finding.reading ? `（${finding.reading}）` : ''}</p>
          {finding.expected ? (
            <p className="meta">
              {t('documents.expected')}：{formatInterval(finding.expected.low, finding.expected.high, byId.get(finding.stated)?.unit ?? figure.unit, locale)}
            </p>
          ) : null}
        </div>
      ))}
    </div>
  );
}

type RenderFigure = (figure: DocumentFigure, text: string, start: number) => ReactNode;

/** One line's pieces, each inside the strong / em it sits in; figures stay the highlight buttons. */
function Inline({ pieces, renderFigure }: { readonly pieces: readonly InlinePiece[]; readonly renderFigure: RenderFigure }) {
  return pieces.map((piece) => {
    let node: ReactNode = piece.kind === 'figure' ? renderFigure(piece.figure, piece.text, piece.start) : piece.text;
    if (piece.emphasis) node = <em>{node}</em>;
    if (piece.strong) node = <strong>{node}</strong>;
    return <Fragment key={piece.start}>{node}</Fragment>;
  });
}

/** Markdown blocks as a document: headings one level under the page's title, runs of list items as one list. */
function MarkdownText({ blocks, renderFigure }: { readonly blocks: readonly MarkdownBlock[]; readonly renderFigure: RenderFigure }) {
  const nodes: ReactNode[] = [];
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index]!;
    if (block.kind === 'heading') {
      const Heading = `h${Math.min(block.level + 1, 6)}` as 'h2';
      nodes.push(<Heading key={block.start}><Inline pieces={block.pieces} renderFigure={renderFigure} /></Heading>);
    } else if (block.kind === 'paragraph') {
      nodes.push(<p key={block.start}><Inline pieces={block.pieces} renderFigure={renderFigure} /></p>);
    } else if (block.kind === 'quote') {
      nodes.push(<blockquote key={block.start}><Inline pieces={block.pieces} renderFigure={renderFigure} /></blockquote>);
    } else {
      const items: MarkdownBlock[] = [];
      while (index < blocks.length && blocks[index]!.kind === 'item' && (blocks[index] as { ordered: boolean }).ordered === block.ordered) items.push(blocks[index++]!);
      index -= 1;
      const List = block.ordered ? 'ol' : 'ul';
      nodes.push(<List key={block.start}>{items.map((item) => <li key={item.start}><Inline pieces={item.pieces} renderFigure={renderFigure} /></li>)}</List>);
    }
  }
  return nodes;
}

function DocumentView({ document, at }: { readonly document: DocumentDetail; readonly at?: [number, number] | undefined }) {
  const { t } = useI18n();
  const segments = useMemo(() => segmentText(document.text, document.figures), [document]);
  const verdicts = useMemo(() => new Map(document.figures.map((figure) => [figure.id, verdictOf(figure, document.findings)])), [document]);
  const initial = at ? document.figures.find((figure) => figure.start < at[1] && figure.end > at[0]) : undefined;
  const [selected, setSelected] = useState<DocumentFigure | undefined>(initial);
  const selectedRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (initial) selectedRef.current?.scrollIntoView({ block: 'center' });
    // only on arrival with ?at=
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const inconsistent = document.figures.filter((figure) => verdicts.get(figure.id) === 'inconsistent').length;
  const isMarkdown = document.marks.length > 0;
  const renderFigure = (figure: DocumentFigure, text: string, start: number) => (
    <button
      key={start}
      type="button"
      ref={selected?.id === figure.id ? selectedRef : undefined}
      className={`mark ${verdicts.get(figure.id) ?? 'none'}`}
      aria-pressed={selected?.id === figure.id}
      data-figure-id={figure.id}
      onClick={() => setSelected(figure)}
    >
      {text}
      {verdicts.get(figure.id) === 'inconsistent' ? <span className="visually-hidden">（{t('verdict.inconsistent')}）</span> : null}
    </button>
  );
  return (
    <>
      <h1>{document.title}</h1>
      <p className="meta">
        <span>{t('documents.figures', { count: document.figures.length, bad: inconsistent })}</span>
        <a href={document.fileHref} download={document.fileName}>{t('documents.download')}（{document.fileName}）</a>
      </p>
      <p className="meta">{t('documents.legend')}</p>
      <div className="document-layout">
        <article className={`card document-text${isMarkdown ? ' document-markdown' : ''}`} lang="zh-CN">
          {isMarkdown
            ? <MarkdownText blocks={markdownBlocks(segments, document.marks)} renderFigure={renderFigure} />
            : segments.map((segment) =>
                segment.kind === 'text' ? (
                  // Display only: blank lines at the top and runs of three or more collapse; offsets live in the segments.
                  <span key={segment.start}>{(segment.start === 0 ? segment.text.replace(/^\s+/, '') : segment.text).replace(/\n{3,}/g, '\n\n')}</span>
                ) : (
                  renderFigure(segment.figure, segment.text, segment.start)
                ),
              )}
        </article>
        <aside className="card document-panel" aria-label={t('documents.relations')}>
          {selected ? <FigurePanel figure={selected} document={document} /> : <p>{t('documents.pickFigure')}</p>}
        </aside>
      </div>
    </>
  );
}

/** onPlace: told the document's region and year once it is read, so the header can name them. */
export function DocumentPage({ documentId, at, onPlace }: { readonly documentId: number; readonly at?: [number, number] | undefined; readonly onPlace?: (place: { readonly regionCode: string; readonly year: number }) => void }) {
  const state = useApi(() => getDocument(documentId), [documentId]);
  const shown = state.status === 'ready' ? state.data : undefined;
  useEffect(() => {
    if (shown) onPlace?.({ regionCode: shown.regionCode, year: shown.year });
  }, [shown]);
  return <AsyncView state={state}>{(document) => <DocumentView document={document} at={at} />}</AsyncView>;
}
