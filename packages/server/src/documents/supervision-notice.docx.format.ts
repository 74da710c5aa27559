/**
 * A 督办单 as a Word file, the same parts as the printable page (supervision-notice.html.format.ts).
 * Example: `await renderSupervisionNoticeDocx(notice)` → a DOCX Buffer whose document.xml holds '城北督〔2024〕12号'.
 */
import { bodyParagraph, flushParagraph, officialTable, packOfficialDocx, signatureParagraph } from './official-docx.format.ts';
import { CAPTIONS, chineseDate, noticeContact, noticeOpening, noticeRole, noticeTitle } from './official-wording.ts';
import type { SupervisionNoticeDocument } from './supervision-notice.service.ts';

export async function renderSupervisionNoticeDocx(notice: SupervisionNoticeDocument): Promise<Buffer> {
  const rows = notice.items.map((item, index) => [
    { text: String(index + 1), number: true as const },
    item.title,
    item.target ?? '—',
    { text: item.deadline ? chineseDate(item.deadline) : '—', nowrap: true as const },
    noticeRole(item),
  ]);
  return packOfficialDocx({
    issuer: notice.issuer,
    number: notice.numberText,
    title: noticeTitle(notice),
    blocks: [
      flushParagraph(`${notice.unitName}：`),
      bodyParagraph(noticeOpening(notice)),
      officialTable(CAPTIONS.notice, rows),
      bodyParagraph(noticeContact(notice)),
      signatureParagraph(notice.issuer),
      signatureParagraph(chineseDate(notice.issuedOn)),
    ],
  });
}
