import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';

/**
 * Sentences of a report with figures the checks relate within the sentence (a growth, a share, parts of a total, a
 * list with a count), so running them together into one paragraph changes nothing they say.
 */
const SENTENCES = [
  '2023年全区一般公共预算支出21.98亿元，较2022年15.22亿元同比增长44.4%。',
  '一般公共预算收入8.5亿元，其中税收收入6.8亿元，占一般公共预算收入的80.0%。',
  '全年农业总产值50.2亿元，其中种植业30.1亿元，畜牧业20.1亿元。',
  '建成东湖、西湖四个口袋公园，新增绿地12.5万平方米。',
  '城镇居民人均可支配收入4.2万元，比上年增加0.2万元，增长5.0%。',
];

const findingsOf = (text: string) => analyze(text, { reportYear: 2023 }).findings.map((f) => `${f.check} ${f.verdict} ${f.message}`);

describe('analyze on one long paragraph', () => {
  it('finds in sentences run together what it finds in the same sentences one a paragraph', () => {
    const split = findingsOf(SENTENCES.join('\n\n'));
    expect(split.length).toBeGreaterThanOrEqual(4);
    expect(findingsOf(SENTENCES.join(''))).toEqual(split);
  });

  it('finds in a 100,000-character paragraph each repetition’s findings, as in one repetition', () => {
    const once = findingsOf(SENTENCES.join(''));
    const repetitions = Math.ceil(100_000 / SENTENCES.join('').length);
    const long = findingsOf(SENTENCES.join('').repeat(repetitions));
    // Findings are listed check by check: compare them sorted.
    expect([...long].sort()).toEqual(Array.from({ length: repetitions }, () => once).flat().sort());
  });
});
