/**
 * The bell in the staff header: the signed-in person's unread notifications (报送提醒, 逾期未报, 催办, 销号结果) as a
 * count, and on a click the latest twenty with a way to mark one or all read. The count is fetched again every minute.
 * Example: <NotificationBell /> → [bell] 通知 3.
 */
import { useEffect, useState } from 'react';
import { getUnreadCount, listNotifications, markAllNotificationsRead, markNotificationRead, type NotificationView } from '../api/reporting.api.ts';
import { formatChinaDateTime } from '../format/china-time.format.ts';
import { useI18n } from '../i18n/i18n.context.tsx';
import type { MessageKey } from '../i18n/messages.zh.ts';

const REFRESH_MS = 60_000;
const KIND_LABELS: Record<NotificationView['kind'], MessageKey> = {
  due_soon: 'bell.dueSoon',
  overdue: 'bell.overdue',
  urge: 'bell.urge',
  closure_decided: 'bell.closureDecided',
};

export function NotificationBell() {
  const { t } = useI18n();
  const [unread, setUnread] = useState(0);
  const [isOpen, setOpen] = useState(false);
  const [items, setItems] = useState<readonly NotificationView[] | undefined>(undefined);

  useEffect(() => {
    let isCurrent = true;
    const refresh = () => getUnreadCount().then((count) => isCurrent && setUnread(count), () => undefined);
    void refresh();
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      isCurrent = false;
      window.clearInterval(timer);
    };
  }, []);

  async function load() {
    const answer = await listNotifications();
    setItems(answer.items);
    setUnread(answer.unread);
  }

  async function open() {
    setOpen(!isOpen);
    if (!isOpen) await load();
  }

  return (
    <div className="bell">
      <button type="button" className={unread > 0 ? '' : 'secondary'} aria-expanded={isOpen} aria-controls="bell-panel" onClick={() => void open()}>
        <svg className="bell-icon" aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>{' '}
        {t('bell.label')}
        {unread > 0 ? <span className="bell-count" aria-label={t('bell.unread', { count: unread })}>{unread}</span> : null}
      </button>
      {isOpen ? (
        <section id="bell-panel" className="bell-panel card" aria-label={t('bell.label')}>
          <div className="actions">
            <strong>{t('bell.heading')}</strong>
            {unread > 0 ? (
              <button type="button" className="secondary" onClick={() => void markAllNotificationsRead().then(load)}>{t('bell.readAll')}</button>
            ) : null}
          </div>
          {items === undefined ? <p role="status">{t('app.loading')}</p> : items.length === 0 ? <p>{t('bell.empty')}</p> : (
            <ul className="bell-list">
              {items.map((item) => (
                <li key={item.id} className={item.read_at ? 'is-read' : 'is-unread'}>
                  <p className="meta">
                    <span className={`bell-kind bell-${item.kind}`}>{t(KIND_LABELS[item.kind])}</span> · {formatChinaDateTime(item.created_at)}
                  </p>
                  <p><strong>{item.title}</strong></p>
                  <p>{item.body}</p>
                  {item.read_at ? null : (
                    <button type="button" className="secondary" onClick={() => void markNotificationRead(item.id).then(load)}>{t('bell.markRead')}</button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
