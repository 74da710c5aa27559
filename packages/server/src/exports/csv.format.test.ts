import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.format.ts';

describe('toCsv', () => {
  const table = {
    name: 't',
    title: '表',
    columns: [
      { key: 'label', header: '名称', kind: 'text' as const },
      { key: 'amount', header: '金额（元）', kind: 'yuan' as const },
      { key: 'done', header: '已完成', kind: 'boolean' as const },
    ],
    rows: [
      ['教育,"建设"', '342000000', true],
      ['多行\n说明', null, false],
    ],
  };

  it('starts with a byte-order mark, ends lines with CRLF and quotes commas, quotes and line breaks', () => {
    expect(toCsv(table)).toBe('\uFEFF名称,金额（元）,已完成\r\n"教育,""建设""",342000000,是\r\n"多行\n说明",,否\r\n');
  });

  it('writes keys as headers without a byte-order mark for machine-readable files', () => {
    expect(toCsv(table, { keysAsHeaders: true, withoutBom: true }).split('\r\n')[0]).toBe('label,amount,done');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")', 'text')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('-12.5')).toBe('-12.5');
  });
});
