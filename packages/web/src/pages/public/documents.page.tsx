/** The documents of a region and year, each with its count of figures and of inconsistent ones: #/r/630105/2023/documents. */
import { listDocuments } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';

export function DocumentsPage({ regionCode, year }: { readonly regionCode: string; readonly year: number }) {
  const { t } = useI18n();
  const state = useApi(() => listDocuments(regionCode, year), [regionCode, year]);
  return (
    <>
      <h1>{t('documents.heading')}</h1>
      <AsyncView state={state}>
        {(documents) =>
          documents.length === 0 ? (
            <p>{t('app.empty')}</p>
          ) : (
            <ul className="commitment-list">
              {documents.map((document) => (
                <li key={document.id} className="commitment-item">
                  <h3>
                    <a href={`#/documents/${document.id}`}>{document.title}</a>
                  </h3>
                  <p className="meta">
                    <span>{document.fileName}</span>
                    <span>{document.year}</span>
                    {document.figureCount !== undefined ? (
                      <span>{t('documents.figures', { count: document.figureCount, bad: document.inconsistentCount ?? 0 })}</span>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </AsyncView>
    </>
  );
}
