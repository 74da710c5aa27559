import { describe, expect, it } from 'vitest';
import { readMetricPhrase } from './metric-phrase.ts';

const at = (text: string, figure: string, previousEnd = 0) => readMetricPhrase(text, text.indexOf(figure), previousEnd);

describe('readMetricPhrase', () => {
  it('reads the noun and drops the bound verbs: 城镇调查失业率全年控制在5.5%以内', () => {
    expect(at('城镇调查失业率全年控制在5.5%以内', '5.5%')).toMatchObject({ noun: '城镇调查失业率', isShare: false });
    // 比率 and 比例 are one word: both a proportion.
    expect(at('达标天数比率达到64%以上', '64%')).toMatchObject({ noun: '达标天数比率', isShare: true });
    expect(at('达标天数比例达到64%', '64%')).toMatchObject({ noun: '达标天数比例', isShare: true });
    expect(at('城镇调查失业率全年控制在5.5%以内', '5.5%').change).toBeUndefined();
  });

  it('drops the names a count closes and the verb 迈入: 甲、乙3大支柱产业迈入', () => {
    expect(at('过去五年，甲产业、乙产业、丙产业3大支柱产业迈入万亿级规模', '万亿级').noun).toBe('支柱产业');
  });

  it('reads a list of short names a count closes as the metric, not a list of figures', () => {
    expect(at('推动甲乙高速、丙丁、戊己3条高速公路建成通车', '3条').noun).toBe('甲乙高速、丙丁、戊己');
    expect(at('甲、乙产值分别增长6%、5.2%', '5.2%').noun).toBe('');
  });

  it('reads a rise or a fall as a change', () => {
    expect(at('居民消费价格上涨0.2%', '0.2%')).toMatchObject({ noun: '居民消费价格', change: 'up' });
    expect(at('居民消费价格涨幅3%左右', '3%')).toMatchObject({ noun: '居民消费价格', change: 'up' });
    // A plan keeps a change within a bound: "涨幅控制在", "增速保持在", "增长稳定在".
    expect(at('居民消费价格涨幅控制在2.5%左右', '2.5%')).toMatchObject({ noun: '居民消费价格', change: 'up' });
    expect(at('社会消费品零售总额增速保持在6%', '6%')).toMatchObject({ noun: '社会消费品零售总额', change: 'up' });
    expect(at('单位国内生产总值能耗降幅超过3%', '3%')).toMatchObject({ noun: '单位国内生产总值能耗', change: 'down' });
    expect(at('农村贫困人口减少1109万', '1109万')).toMatchObject({ noun: '农村贫困人口', change: 'down' });
  });

  it('reads 降到 / 提高到 as a new level, not a change', () => {
    expect(at('年末城镇调查失业率降到5.5%', '5.5%')).toMatchObject({ noun: '城镇调查失业率' });
    expect(at('年末城镇调查失业率降到5.5%', '5.5%').change).toBeUndefined();
  });

  it('drops time, place and framing words before the noun', () => {
    expect(at('预计全市地区生产总值增长5.2%左右', '5.2%').noun).toBe('地区生产总值');
    expect(at('2024年全年粮食产量首次跃上1.4万亿斤新台阶', '1.4万亿斤').noun).toBe('粮食产量');
    expect(at('城镇调查失业率平均为5.1%', '5.1%').noun).toBe('城镇调查失业率');
  });

  it('leaves the noun empty when only a verb stands before the figure', () => {
    const text = '国内生产总值超过126万亿元，增长5.2%';
    expect(at(text, '5.2%')).toMatchObject({ noun: '', change: 'up' });
  });

  it('stops at the figure before it', () => {
    const text = '产业投资占全部投资比重从26.7%提高到52.1%';
    const first = at(text, '26.7%');
    expect(first).toMatchObject({ noun: '产业投资占全部投资比重', isShare: true });
    expect(readMetricPhrase(text, text.indexOf('52.1%'), text.indexOf('26.7%') + 5).noun).toBe('');
  });

  it('notices 分别 lists', () => {
    expect(at('城乡居民人均可支配收入分别增长5%和7%左右', '5%')).toMatchObject({ noun: '城乡居民人均可支配收入', isRespectively: true, change: 'up' });
  });

  it('drops 均 after a list but keeps 日均 and 人均', () => {
    expect(at('餐厨垃圾和园林垃圾处理率均达到70%', '70%').noun).toBe('餐厨垃圾和园林垃圾处理率');
    expect(at('新增污水处理能力日均800吨', '800吨').noun).toBe('新增污水处理能力日均');
    expect(at('农民收入人均4000元', '4000元').noun).toBe('农民收入人均');
  });

  it('reads 微降 as a fall and drops the start of a move with its year (从2020年的, 由)', () => {
    expect(at('CPI微降0.3%', '0.3%')).toMatchObject({ noun: 'CPI', change: 'down' });
    expect(at('户籍人口城镇化率从2020年的48.1%提升到', '48.1%').noun).toBe('户籍人口城镇化率');
    expect(at('铁路营业里程由3200公里增至', '3200公里').noun).toBe('铁路营业里程');
    expect(at('户籍人口城镇化率从2020年的48.1%提升到2025年的52.3%', '52.3%', 21).noun).toBe('');
  });

  it('drops 连续N年 before a level kept every year', () => {
    expect(at('棉花产量连续8年稳定在50万吨以上', '50万吨').noun).toBe('棉花产量');
  });

  it('drops 增至 before the level a share moved to', () => {
    expect(at('园区工业增加值占全市比重增至60%', '60%').noun).toBe('园区工业增加值占全市比重');
  });

  it('drops 翻番 before the level an amount doubled to', () => {
    expect(at('外贸进出口总值翻番达到980亿元', '980亿元').noun).toBe('外贸进出口总值');
  });

  it('drops the ordinal of a list item, the verb 稳定 and the start of a move within the year', () => {
    expect(at('十一是维修农村供水工程1800处', '1800处').noun).toBe('维修农村供水工程');
    expect(at('⑨改造城市危旧房5000套', '5000套').noun).toBe('改造城市危旧房');
    expect(at('稳定粮食播种面积1300万亩', '1300万亩').noun).toBe('粮食播种面积');
    expect(at('年末城镇调查失业率从上半年5.5%降到5.3%', '5.5%').noun).toBe('城镇调查失业率');
  });
});
