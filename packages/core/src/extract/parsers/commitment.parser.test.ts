import { describe, expect, it } from 'vitest';
import { extract } from '../pipeline.ts';

/** The commitments of a plan paragraph, as their text and target. */
function commitmentsOf(plan: string, reportYear = 2024) {
  const text = `二、${reportYear}年重点工作\n${plan}\n`;
  return extract(text, { reportYear }).commitments.map((c) => ({ text: c.text, target: c.target ? `${c.target.value.type === 'exact' ? c.target.value.value.mantissa : '?'}${c.target.unit}` : null }));
}

describe('commitments that are not quantified targets', () => {
  it('reads no target 8项 in 落实中央八项规定: the count belongs to the name', () => {
    const found = commitmentsOf('锲而不舍落实中央八项规定及其实施细则精神，驰而不息纠治“四风”。');
    expect(found.some((c) => c.target !== null)).toBe(false);
  });

  it('reads no target in 打好三大攻坚战, 汽车零部件, 十个方面工作', () => {
    expect(commitmentsOf('坚决打好三大攻坚战。').filter((c) => c.target)).toEqual([]);
    expect(commitmentsOf('建成新能源汽车零部件产业园。').filter((c) => c.target)).toEqual([]);
    expect(commitmentsOf('主要做好十个方面工作。').filter((c) => c.target)).toEqual([]);
  });

  it('still reads a count in words that is a target: 新建三个养老服务中心', () => {
    const found = commitmentsOf('新建三个养老服务中心。');
    expect(found.map((c) => c.target)).toEqual(['3个']);
  });

  it('offers no commitment for a bare figure clause (700个)', () => {
    const found = commitmentsOf('改造老旧小区，700个。');
    expect(found.map((c) => c.text)).not.toContain('700个');
  });

  it('keeps a bare figure that a 分别 bound makes a target (分别不低于69.2%、100%)', () => {
    const found = commitmentsOf('国、省考断面水质优良率分别不低于69.2%、100%。');
    expect(found.map((c) => c.target)).toEqual(['692%', '100%']);
  });

  it('keeps a short clause with words beside its figure: 危桥19座', () => {
    expect(commitmentsOf('改造升级农村公路150公里、危桥19座。').map((c) => c.target)).toEqual(['150公里', '19座']);
  });
});

describe('review paragraphs in a report of a later year', () => {
  it('offers nothing from a paragraph opened by an earlier year (2023年是… in the 2024 report)', () => {
    const text = '一、2023年工作回顾\n2023年是开局之年。全面实施“六一战略”，全力推动高质量发展，新增就业3.5万人。\n二、2024年重点工作\n今年，新增就业3.3万人以上。\n';
    const found = extract(text, { reportYear: 2024 }).commitments.map((c) => c.text);
    expect(found).toEqual(['新增就业3.3万人以上']);
  });

  it('still reads a paragraph opened by the report year as the plan', () => {
    const text = '2024年是关键之年。新增就业3.3万人以上。\n';
    expect(extract(text, { reportYear: 2024 }).commitments.map((c) => c.text)).toEqual(['新增就业3.3万人以上']);
  });
});
