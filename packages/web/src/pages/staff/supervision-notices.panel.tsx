/**
 * A unit's 督办单 of the plan year: staff issue the next-numbered one and download any; a unit editor downloads its
 * own unit's. Example: 区林业和草原局 → 签发督办单 → 已签发 城北督〔2024〕12号 · 下载 Word · 打印版（网页）.
 */
import { useState } from 'react';
import { issueSupervisionNotice, listSupervisionNotices, supervisionNoticeHref } from '../../api/official-documents.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { Place } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';

export function SupervisionNoticesPanel({ place, unit, canIssue }: { readonly place: Place; readonly unit: { readonly id: number; readonly name: string }; readonly canIssue: boolean }) {
  const { t } = useI18n();
  const notices = useApi(() => listSupervisionNotices({ regionCode: place.regionCode, planYear: place.year, unitId: unit.id }), [place.regionCode, place.year, unit.id]);
  const [message, setMessage] = useState<{ kind: 'notice' | 'error'; text: string } | undefined>(undefined);
  const [isBusy, setBusy] = useState(false);
  const issue = async () => {
    setBusy(true);
    try {
      const issued = await issueSupervisionNotice(unit.id, place.year);
      setMessage({ kind: 'notice', text: t('documents.issued', { number: issued.number }) });
      notices.reload();
    } catch (caught) {
      setMessage({ kind: 'error', text: caught instanceof Error ? caught.message : String(caught) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`notices-${unit.id}`}>
      <h2 id={`notices-${unit.id}`}>{t('documents.noticesFor', { unit: unit.name })}</h2>
      {canIssue ? (
        <p className="actions">
          <button type="button" disabled={isBusy} onClick={() => void issue()}>{t('documents.issue')}</button>
        </p>
      ) : null}
      {message ? <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
      <AsyncView state={notices}>
        {(items) =>
          items.length === 0 ? <p className="meta">{t('documents.noNotices')}</p> : (
            <ul className="notice-list">
              {items.map((notice) => (
                <li key={notice.id}>
                  <span>{t('documents.noticeLine', { number: notice.number, date: notice.issuedOn, count: notice.itemCount })}</span>{' '}
                  <a href={supervisionNoticeHref(notice.id, 'docx')} download>{t('documents.word')}</a>{' · '}
                  <a href={supervisionNoticeHref(notice.id, 'html')} target="_blank" rel="noopener">{t('documents.print')}</a>
                </li>
              ))}
            </ul>
          )
        }
      </AsyncView>
    </section>
  );
}
