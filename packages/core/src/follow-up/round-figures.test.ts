import { describe, expect, it } from 'vitest';
import { extract } from '../extract/pipeline.ts';
import { findRoundFigures } from './round-figures.ts';

const round = (text: string) =>
  findRoundFigures(text, extract(text, { reportYear: 2025 }).quantities).map((q) => [q.text, q.value.type === 'exact' ? `${q.value.value.mantissa}e${q.value.value.exponent}` : '', q.unit, q.comparator]);

describe('findRoundFigures', () => {
  it('reads a round magnitude after 突破 as a floor: 万亿元, and 百亿 after a noun of money', () => {
    expect(round('力争数字经济核心产业营收突破万亿元大关。')).toEqual([['万亿元', '1e12', '元', '>=']]);
    expect(round('推动技术合同成交额突破百亿。')).toEqual([['百亿', '1e10', '元', '>=']]);
  });

  it('reads the size an industry reaches, 迈入万亿级规模, as a floor in 元, not a size class in a name', () => {
    expect(round('推动化工、食品等支柱产业突破千亿级规模。')).toEqual([['千亿级', '1e11', '元', '>=']]);
    expect(round('甲、乙2大产业迈入万亿级规模。')).toEqual([['万亿级', '1e12', '元', '>=']]);
    expect(round('打造“甲乙丙”万亿级汽车走廊。')).toEqual([]);
  });

  it('reads computing power in P with its magnitude, a floor after 突破', () => {
    expect(round('力争算力规模突破15万P。')).toEqual([['15万P', '15e4', 'P', '>=']]);
    expect(round('智算规模3.5万P、居全国前列。')).toEqual([['3.5万P', '35e3', 'P', undefined]]);
  });

  it('reads a doubling in words as a growth of 100% (翻两番 300%), not a count of doublings nor a quoted name', () => {
    expect(round('力争研发经费投入再翻一番。')).toEqual([['翻一番', '100e0', '%', undefined]]);
    expect(round('跨境电商交易额实现翻番增长，文旅消费翻两番。')).toEqual([['翻番', '100e0', '%', undefined], ['翻两番', '300e0', '%', undefined]]);
    expect(round('算力实现“三个翻番”，推进“翻一番”行动。')).toEqual([]);
  });

  it('leaves what extraction reads, names and a magnitude of no stated money alone', () => {
    expect(round('粮食产量突破1300万吨。')).toEqual([]);
    expect(round('培育一批百亿级企业，打造千亿县。')).toEqual([]);
    expect(round('游客人数突破千万。')).toEqual([]);
    expect(round('推动营收突破百亿的企业达到10家。')).toEqual([]);
    expect(round('新建5G基站1万个。')).toEqual([]);
  });
});
