/**
 * A 督办单 as a printable page: 红头, number, title, the unit addressed, the opening, its tasks as a table, the unit's
 * contact, the issuing office and date. Example: renderSupervisionNoticeHtml(notice) → '<!doctype html>…城北督〔2024〕12号…'.
 */
import { escapeHtml, renderOfficialPage, renderTable } from './official-html.format.ts';
import { CAPTIONS, chineseDate, noticeContact, noticeOpening, noticeRole, noticeTitle } from './official-wording.ts';
import type { SupervisionNoticeDocument } from './supervision-notice.service.ts';

export function renderSupervisionNoticeHtml(notice: SupervisionNoticeDocument): string {
  const rows = notice.items.map((item, index) => [
    { text: String(index + 1), number: true as const },
    item.title,
    item.target ?? '—',
    { text: item.deadline ? chineseDate(item.deadline) : '—', nowrap: true as const },
    noticeRole(item),
  ]);
  const body = [
    `<p class="addressee">${escapeHtml(notice.unitName)}：</p>`,
    `<p>${escapeHtml(noticeOpening(notice))}</p>`,
    renderTable(CAPTIONS.notice, rows),
    `<p>${escapeHtml(noticeContact(notice))}</p>`,
    `<p class="signature">${escapeHtml(notice.issuer)}</p>`,
    `<p class="date">${escapeHtml(chineseDate(notice.issuedOn))}</p>`,
  ].join('\n');
  return renderOfficialPage({ title: noticeTitle(notice), issuer: notice.issuer, number: notice.numberText, body });
}
