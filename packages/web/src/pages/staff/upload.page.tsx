/** Upload a report file with a progress bar; on success, link to its review queue. Example: 城北区 2023 · seed.txt → 审核. */
import { useState, type FormEvent } from 'react';
import { listRegions, uploadDocument } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { Place, UploadResult } from '../../api/view-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';

/** Every region is offered, not only those with a plan already: a district's first report has nothing before it. */
export function UploadPage({ place }: { readonly place?: Place | undefined }) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const [result, setResult] = useState<UploadResult | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const regionList = useApi(listRegions, []);
  const regions = regionList.status === 'ready' ? regionList.data : [];
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(undefined);
    setResult(undefined);
    setProgress(0);
    try {
      setResult(await uploadDocument(form, setProgress));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setProgress(undefined);
    }
  };
  return (
    <section className="card">
      <form onSubmit={submit}>
        <div className="form-row">
          <label htmlFor="upload-region">{t('app.region')}</label>
          <select id="upload-region" name="region" key={regions.length} defaultValue={place?.regionCode}>
            {regions.map((region) => <option key={region.code} value={region.code}>{region.name}（{region.code}）</option>)}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor="upload-year">{t('staff.uploadYear')}</label>
          <input id="upload-year" name="year" type="number" min={1949} max={2200} defaultValue={place?.year} required />
        </div>
        <div className="form-row">
          <label htmlFor="upload-file">{t('staff.uploadFile')}</label>
          <input id="upload-file" name="file" type="file" accept=".txt,.md,.html,.htm,.pdf,.docx" required />
        </div>
        <button type="submit" disabled={progress !== undefined && progress < 1 && !result && !error}>{t('staff.uploadSubmit')}</button>
      </form>
      {progress !== undefined ? (
        <p>
          <progress max={1} value={progress} aria-label={t('staff.upload')} /> {Math.round(progress * 100)}%
        </p>
      ) : null}
      {result ? (
        <p className="notice" role="status">
          {t('staff.uploadDone', { title: result.title })} · <a href={`#/staff/review?document=${result.documentId}`}>{t('staff.review')}</a>
          {result.reviewCount !== undefined ? `（${result.reviewCount}）` : ''}
        </p>
      ) : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
    </section>
  );
}
