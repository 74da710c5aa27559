/** A link from a figure to the sentence of the document it came from: '出处' → #/documents/3?at=120-131. */
import type { SourceLink as SourceLinkData } from '../../api/view-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';

export function sourceHref(source: SourceLinkData): string {
  return `#/documents/${source.documentId}?at=${source.start}-${source.end}`;
}

export function SourceLink({ source, label }: { readonly source?: SourceLinkData | undefined; readonly label?: string }) {
  const { t } = useI18n();
  if (!source) return null;
  return (
    <a className="source-link" href={sourceHref(source)} aria-label={label ? `${t('overview.source')}：${label}` : t('overview.source')}>
      {t('overview.source')}
    </a>
  );
}
