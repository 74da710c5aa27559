/**
 * The review queue of imported candidates: accept, edit or reject one by one, or select several and decide in bulk.
 * Example: #/staff/review?document=2 → '采纳所选' on two commitments.
 */
import { useState } from 'react';
import { acceptEditedReviewItem, decideReviewItems, listReviewItems } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { ReviewItemView } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { Figure } from '../../components/figure.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';

function ReviewRow({
  item,
  isSelected,
  onSelect,
  onDone,
}: {
  readonly item: ReviewItemView;
  readonly isSelected: boolean;
  readonly onSelect: (selected: boolean) => void;
  readonly onDone: () => void;
}) {
  const { t } = useI18n();
  const [isEditing, setEditing] = useState(false);
  const [title, setTitle] = useState(item.title);
  const [error, setError] = useState<string | undefined>(undefined);
  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      onDone();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const checkboxId = `review-${item.id}`;
  return (
    <tr data-review-id={item.id}>
      <td>
        <input id={checkboxId} type="checkbox" checked={isSelected} disabled={item.status !== 'pending'} onChange={(event) => onSelect(event.target.checked)} aria-label={`${t('staff.select')}: ${item.title}`} />
      </td>
      <td>{t(`kind.${item.kind}` as MessageKey)}</td>
      <td>
        {isEditing ? (
          <label>
            {t('staff.edit')}
            <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} />
          </label>
        ) : (
          <label htmlFor={checkboxId} style={{ fontWeight: 400 }}>{item.title}</label>
        )}
        {item.figure ? <div className="meta"><Figure value={item.figure.value} unit={item.figure.unit} /></div> : null}
        {error ? <p className="error" role="alert">{error}</p> : null}
      </td>
      <td>{item.theme ?? ''}</td>
      <td>{t(`review.${item.status}` as MessageKey)}</td>
      <td>
        {item.status === 'pending' ? (
          <span className="actions">
            {isEditing ? (
              <button type="button" onClick={() => void run(() => acceptEditedReviewItem(item, { title }))}>{t('staff.saveAndAccept')}</button>
            ) : (
              <button type="button" className="secondary" onClick={() => setEditing(true)}>{t('staff.edit')}</button>
            )}
            {isEditing ? null : <button type="button" onClick={() => void run(() => decideReviewItems([item], 'accept'))}>{t('staff.accept')}</button>}
            <button type="button" className="secondary" onClick={() => void run(() => decideReviewItems([item], 'reject'))}>{t('staff.reject')}</button>
          </span>
        ) : null}
      </td>
    </tr>
  );
}

export function ReviewPage({ documentId, onDecided }: { readonly documentId?: number | undefined; readonly onDecided: () => void }) {
  const { t } = useI18n();
  const state = useApi(() => listReviewItems({ documentId, status: 'pending' }), [documentId]);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<string | undefined>(undefined);
  const decideSelected = async (items: readonly ReviewItemView[], decision: 'accept' | 'reject') => {
    setError(undefined);
    try {
      await decideReviewItems(items.filter((item) => selected.has(item.id)), decision);
      setSelected(new Set());
      state.reload();
      onDecided();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <AsyncView state={state}>
      {(items) =>
        items.length === 0 ? <p>{t('staff.noItems')}</p> : (
          <section className="card">
            <div className="actions" style={{ marginBottom: 8 }}>
              <button type="button" disabled={selected.size === 0} onClick={() => void decideSelected(items, 'accept')}>{t('staff.acceptSelected')}（{selected.size}）</button>
              <button type="button" className="secondary" disabled={selected.size === 0} onClick={() => void decideSelected(items, 'reject')}>{t('staff.rejectSelected')}</button>
            </div>
            {error ? <p className="error" role="alert">{error}</p> : null}
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label={t('staff.selectAll')}
                        checked={selected.size > 0 && selected.size === items.filter((item) => item.status === 'pending').length}
                        onChange={(event) => setSelected(event.target.checked ? new Set(items.filter((item) => item.status === 'pending').map((item) => item.id)) : new Set())}
                      />
                    </th>
                    <th scope="col">{t('staff.kind')}</th>
                    <th scope="col">{t('staff.candidate')}</th>
                    <th scope="col">{t('commitments.filterTheme')}</th>
                    <th scope="col">{t('commitments.filterStatus')}</th>
                    <th scope="col"><span className="visually-hidden">{t('staff.review')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <ReviewRow
                      key={item.id}
                      item={item}
                      isSelected={selected.has(item.id)}
                      onSelect={(isOn) => setSelected((current) => { const next = new Set(current); if (isOn) next.add(item.id); else next.delete(item.id); return next; })}
                      onDone={() => { state.reload(); onDecided(); }}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )
      }
    </AsyncView>
  );
}
