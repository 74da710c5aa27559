/**
 * The sentences of the 督办单 and the 通报, written once for both the Word and the printable form.
 * Example: bulletinSummary({ asOf: '2024-06-30', assigned: 5, colours: { red: 1, yellow: 2, green: 2 }, … }) →
 * '截至2024年6月30日，城北区纳入督办的5项任务中，红色预警1项、黄色预警2项、绿色2项。'.
 */
import type { MonthlyBulletin } from './monthly-bulletin.service.ts';
import type { SupervisionNoticeDocument } from './supervision-notice.service.ts';
import type { CellText } from './official-typography.ts';

/** '2024-06-30' → '2024年6月30日' (GB/T 9704 writes dates in Arabic numerals, without leading zeros). */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

export const ROLE_WORDS = { lead: '牵头', supporting: '配合' } as const;

export function noticeTitle(notice: Pick<SupervisionNoticeDocument, 'planYear'>): string {
  return `关于督促落实${notice.planYear}年重点工作任务的督办单`;
}

export function noticeOpening(notice: Pick<SupervisionNoticeDocument, 'planYear' | 'items'>): string {
  const lead = notice.items.filter((item) => item.role === 'lead').length;
  const supporting = notice.items.length - lead;
  const parts = [lead > 0 ? `牵头${lead}项` : '', supporting > 0 ? `配合${supporting}项` : ''].filter(Boolean).join('、');
  return `根据${notice.planYear}年重点工作任务分解，你单位承担任务${notice.items.length}项（${parts}），现予督办。请对照下列任务、目标和完成时限，压实责任、倒排工期，确保按期完成，并按要求及时报送进展情况。`;
}

export function noticeContact(notice: Pick<SupervisionNoticeDocument, 'contact'>): string {
  const contact = notice.contact;
  if (!contact) return '责任单位联系人：未登记（请在单位信息中补登）';
  return ['责任单位联系人：' + (contact.name ?? '未登记'), contact.phone ? `电话：${contact.phone}` : '', contact.email ? `邮箱：${contact.email}` : '']
    .filter(Boolean)
    .join('　');
}

/** 牵头 (with 配合: …) or 配合 (牵头: …). */
export function noticeRole(item: SupervisionNoticeDocument['items'][number]): string {
  if (item.partners.length === 0) return ROLE_WORDS[item.role];
  return `${ROLE_WORDS[item.role]}（${item.role === 'lead' ? '配合' : '牵头'}：${item.partners.join('、')}）`;
}

export function bulletinTitle(bulletin: Pick<MonthlyBulletin, 'regionName' | 'year' | 'month'>): string {
  return `${bulletin.regionName}${bulletin.year}年${bulletin.month}月重点工作任务推进情况通报`;
}

export function bulletinSummary(bulletin: MonthlyBulletin): string {
  const { red, yellow, green } = bulletin.colours;
  const uncoloured = bulletin.assigned - red - yellow - green;
  return (
    `截至${chineseDate(bulletin.asOf)}，${bulletin.regionName}纳入督办的${bulletin.assigned}项任务中，红色预警${red}项、黄色预警${yellow}项、绿色${green}项` +
    (uncoloured > 0 ? `，${uncoloured}项尚无法判断进度` : '') +
    (bulletin.unassigned > 0 ? `；另有${bulletin.unassigned}项尚未明确责任单位` : '') +
    '。'
  );
}

/**
 * On-time reporting in one sentence: how many of the units owing reports this month reported late, or that the plan
 * has no reporting cycle. Example: 3 units owing, 1 late → '本月应报送进展的3个责任单位中，1个单位未按时报送。'.
 */
export function bulletinReporting(bulletin: Pick<MonthlyBulletin, 'hasReportingCycle' | 'units'>): string {
  if (!bulletin.hasReportingCycle) return '本年度任务尚未设置报送周期，本期不统计按时报送情况。';
  const owing = bulletin.units.filter((unit) => unit.due > 0).length;
  if (owing === 0) return '本月无到期应报送的进展报告。';
  const late = bulletin.units.filter((unit) => unit.late > 0).length;
  return late === 0 ? `本月应报送进展的${owing}个责任单位均按时报送。` : `本月应报送进展的${owing}个责任单位中，${late}个单位未按时报送。`;
}

/** The ranking's heading, naming what it is ordered by. */
export function bulletinRankingHeading(bulletin: Pick<MonthlyBulletin, 'hasReportingCycle'>): string {
  return bulletin.hasReportingCycle ? '二、各责任单位预警情况（按红色、黄色预警数和未按时报送次数排序）' : BULLETIN_HEADINGS.ranking;
}

/** The ranking table's rows under its header, with 应报 / 未按时报送 when the plan has a reporting cycle. */
export function bulletinRankingRows(bulletin: Pick<MonthlyBulletin, 'hasReportingCycle' | 'units'>): { header: readonly string[]; rows: CellText[][] } {
  const number = (value: number) => ({ text: String(value), number: true as const });
  const rows = bulletin.units.map((unit, index) => [
    number(index + 1),
    unit.unitName,
    number(unit.red),
    number(unit.yellow),
    number(unit.green),
    number(unit.total),
    ...(bulletin.hasReportingCycle ? [number(unit.due), number(unit.late)] : []),
  ]);
  return { header: bulletin.hasReportingCycle ? [...CAPTIONS.ranking, ...CAPTIONS.reporting] : CAPTIONS.ranking, rows };
}

export function bulletinOverdueLead(bulletin: MonthlyBulletin): string {
  return bulletin.overdue.length === 0 ? '本期无逾期未完成任务。' : `以下${bulletin.overdue.length}项任务已过完成时限仍未完成，予以通报：`;
}

export const BULLETIN_HEADINGS = {
  overall: '一、总体情况',
  ranking: '二、各责任单位预警情况（按红色、黄色预警数排序）',
  overdue: '三、逾期未完成任务',
  demands: '四、工作要求',
} as const;

export const BULLETIN_DEMANDS =
  '请红色预警单位主要负责同志亲自研究，逐项制定整改措施，于5个工作日内将整改情况书面报送督查室；黄色预警单位要加快推进，确保按序时进度完成；各单位要按时报送进展情况，督查室将持续跟踪督办。';

export const CAPTIONS = {
  ranking: ['名次', '责任单位', '红色', '黄色', '绿色', '牵头任务'],
  reporting: ['应报', '未按时报送'],
  overdue: ['序号', '任务', '牵头单位', '完成时限', '逾期天数'],
  notice: ['序号', '任务', '目标', '完成时限', '责任分工'],
  chart: '各责任单位任务预警情况',
  printHint: '打印：使用浏览器的“打印”（Ctrl+P），纸张 A4。/ Print with the browser (Ctrl+P), A4.',
} as const;
