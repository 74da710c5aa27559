/**
 * 导入分解表: upload an Excel 任务分解表, see every row as it would be written — the errors listed by row number above
 * the table and the rows in error highlighted in it — and confirm to write them all at once; nothing is written while
 * a row is in error. Example: 城北区 2025 · 分解表.xlsx → 预览 (200 行，0 行有错误) → 确认导入（200 行）.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { importTaskSheet, previewTaskSheet, type TaskSheetImport, type TaskSheetPreview, type TaskSheetPreviewRow } from '../../api/task-sheet.api.ts';
import type { Place } from '../../api/view-types.ts';
import { TargetText } from '../../components/target-text.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';

type Busy = 'preview' | 'import' | undefined;

const errorText = (caught: unknown) => (caught instanceof Error ? caught.message : String(caught));

/** The preview a refused confirm carries back (422 task_sheet/rows), so the rows in error show as after a preview. */
function previewOfRefusal(caught: unknown): TaskSheetPreview | undefined {
  if (!(caught instanceof ApiError) || caught.code !== 'task_sheet/rows') return undefined;
  return (caught.body as { error?: { details?: TaskSheetPreview } } | undefined)?.error?.details;
}

export function TaskSheetPage({ place }: { readonly place: Place }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [preview, setPreview] = useState<TaskSheetPreview | undefined>(undefined);
  const [done, setDone] = useState<TaskSheetImport | undefined>(undefined);
  const [busy, setBusy] = useState<Busy>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [isErrorsOnly, setIsErrorsOnly] = useState(false);

  const run = async (kind: 'preview' | 'import') => {
    if (!file) return;
    setBusy(kind);
    setError(undefined);
    setDone(undefined);
    try {
      if (kind === 'preview') setPreview(await previewTaskSheet(place, file));
      else {
        setDone(await importTaskSheet(place, file));
        setPreview(undefined);
      }
    } catch (caught) {
      const refused = previewOfRefusal(caught);
      if (refused) setPreview(refused);
      setError(errorText(caught));
    } finally {
      setBusy(undefined);
    }
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run('preview');
  };
  const canImport = preview !== undefined && preview.error_rows === 0 && preview.rows.length > 0 && busy === undefined;
  return (
    <>
      <section className="card">
        <p className="meta">{t('sheet.intro')}</p>
        <form onSubmit={submit} className="filters">
          <div>
            <label htmlFor="task-sheet-file">{t('sheet.file')}</label>
            <input
              id="task-sheet-file"
              name="file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
              onChange={(event) => {
                setFile(event.target.files?.[0]);
                setPreview(undefined);
                setDone(undefined);
                setError(undefined);
              }}
            />
          </div>
          <button type="submit" disabled={!file || busy !== undefined}>{busy === 'preview' ? t('sheet.previewing') : t('sheet.preview')}</button>
        </form>
        {error ? <p className="error" role="alert">{error}</p> : null}
        {done ? (
          <p className="notice" role="status">
            {t('sheet.done', { created: done.created, updated: done.updated, unchanged: done.unchanged })}{' '}
            <a href={`#/staff/assign?region=${encodeURIComponent(place.regionCode)}&year=${place.year}`}>{t('sheet.toTasks')}</a>
          </p>
        ) : null}
      </section>
      {preview ? (
        <section className="card task-sheet-preview" aria-labelledby="task-sheet-summary">
          <h2 id="task-sheet-summary">
            {t('sheet.summary', { rows: preview.rows.length, create: preview.counts.create, update: preview.counts.update, unchanged: preview.counts.unchanged })}
          </h2>
          <p className="meta">
            <span>{t('sheet.header', { row: preview.header_row, sheet: preview.sheet_name })}</span>
            {preview.not_stored_headers.length > 0 ? <span>{t('sheet.notStored', { headers: preview.not_stored_headers.join('、') })}</span> : null}
            {preview.plan_id === null ? <span>{t('sheet.newPlan', { year: preview.year })}</span> : null}
          </p>
          {preview.error_rows > 0 ? (
            <div className="error" role="alert">
              <p>{t('sheet.errorRows', { count: preview.error_rows })}</p>
              <ul className="sheet-error-list">
                {preview.rows.filter((row) => row.errors.length > 0).map((row) => (
                  <li key={row.row}>
                    <a href={`#task-sheet-row-${row.row}`} onClick={(event) => { event.preventDefault(); document.getElementById(`task-sheet-row-${row.row}`)?.scrollIntoView({ block: 'center' }); }}>
                      {t('sheet.rowErrors', { row: row.row })}
                    </a>
                    ：{row.errors.join('；')}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="notice" role="status">{t('sheet.noErrors')}</p>
          )}
          <div className="actions sheet-actions">
            <button type="button" disabled={!canImport} onClick={() => void run('import')}>
              {busy === 'import' ? t('sheet.importing') : t('sheet.confirm', { count: preview.rows.length })}
            </button>
            {preview.error_rows > 0 ? (
              <label className="check">
                <input type="checkbox" checked={isErrorsOnly} onChange={(event) => setIsErrorsOnly(event.target.checked)} /> {t('sheet.errorsOnly')}
              </label>
            ) : null}
          </div>
          <PreviewTable rows={isErrorsOnly ? preview.rows.filter((row) => row.errors.length > 0) : preview.rows} />
        </section>
      ) : null}
    </>
  );
}

function PreviewTable({ rows }: { readonly rows: readonly TaskSheetPreviewRow[] }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll sheet-table">
      <table>
        <thead>
          <tr>
            <th scope="col" className="number">{t('sheet.row')}</th>
            <th scope="col">{t('sheet.serial')}</th>
            <th scope="col">{t('sheet.task')}</th>
            <th scope="col">{t('sheet.target')}</th>
            <th scope="col">{t('sheet.lead')}</th>
            <th scope="col">{t('sheet.supporting')}</th>
            <th scope="col">{t('sheet.deadline')}</th>
            <th scope="col">{t('sheet.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} id={`task-sheet-row-${row.row}`} className={row.errors.length > 0 ? 'sheet-row-error' : undefined} data-row={row.row}>
              <td className="number" data-label={t('sheet.row')}>{row.row}</td>
              <td data-label={t('sheet.serial')}>{row.serial ?? '—'}</td>
              <td className="task-title" data-label={t('sheet.task')}>{row.title || '—'}</td>
              <td data-label={t('sheet.target')}>
                {/* One element per cell: on a phone the cell is a grid of its label and its content. */}
                <span>
                  {row.target_value !== null && row.target_unit !== null ? (
                    <TargetText target={{ value: row.target_value, unit: row.target_unit, ...(row.target_comparator ? { comparator: row.target_comparator } : {}) }} />
                  ) : (
                    row.target_text ?? '—'
                  )}
                </span>
              </td>
              <td className="sheet-unit" data-label={t('sheet.lead')}>{row.lead_unit?.name ?? '—'}</td>
              <td className="sheet-unit" data-label={t('sheet.supporting')}>{row.supporting_units.map((unit) => unit.name).join('、') || '—'}</td>
              <td className="nowrap" data-label={t('sheet.deadline')}>{row.deadline ?? row.deadline_text ?? '—'}</td>
              <td data-label={t('sheet.problems')}>
                <div>
                  {row.errors.length > 0 ? (
                    <ul className="sheet-problems">{row.errors.map((message) => <li key={message}>{message}</li>)}</ul>
                  ) : (
                    <span className={`badge sheet-action-${row.action}`}>{t(`sheet.action.${row.action}` as MessageKey)}</span>
                  )}
                  {row.warnings.length > 0 ? <ul className="sheet-warnings">{row.warnings.map((message) => <li key={message}>{message}</li>)}</ul> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
