import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEnumeration } from './enumeration.check.ts';
import { extractionOf } from './fixtures/sense-quantities.fixture.ts';

function run(text: string) {
  return checkEnumeration({ text, extraction: extractionOf(text) });
}

describe('enumeration check', () => {
  it('flags a count larger than the items listed', () => {
    const [finding] = run('今年建成东湖、西湖四个口袋公园，新增绿地面积明显。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.message).toContain('列出2项');
    expect(finding?.message).toContain('四个');
    expect(finding?.stated).toBe('span:9-11');
  });

  it('flags a count smaller than the items listed', () => {
    expect(run('完成城东小学、城西小学、实验中学两所学校改扩建。')[0]?.verdict).toBe('inconsistent');
  });

  it('accepts a quoted list followed by its count', () => {
    const findings = run('围绕“蓝天、碧水、净土”三大保卫战，持续筑牢绿色生态屏障。');
    expect(findings.map((f) => f.verdict)).toEqual(['consistent']);
  });

  it('counts an item joined by 和', () => {
    expect(run('完善规划管控、平台支撑和数据治理三大工作体系。')[0]?.verdict).toBe('consistent');
  });

  it('exempts lists that end in 等', () => {
    expect(run('实施交通通信、畅游巴蜀等十大便捷行动。')).toEqual([]);
    expect(run('打造北运河、凉水河等五个水岸公共空间。')).toEqual([]);
  });

  it('leaves alone a count of characters, years or times', () => {
    expect(run('在“巩固、增强、提升、畅通”八个字上下功夫。')).toEqual([]);
    expect(run('推进城市更新、乡村振兴三年行动。')).toEqual([]);
  });

  it('leaves alone a count inside a later name of its own', () => {
    expect(run('增强“四个意识”、坚定“四个自信”、做到“两个维护”。')).toEqual([]);
    expect(run('成功举办中非合作论坛北京峰会、和平共处五项原则发表70周年纪念大会。')).toEqual([]);
  });

  it('leaves alone counts written in digits, which count things rather than names', () => {
    expect(run('新建改扩建中小学、幼儿园15所。')).toEqual([]);
  });

  it('says unverifiable when the count may cover only the items after 和', () => {
    expect(run('推进财税、金融体制建设和国企、医疗、教育三项改革。')[0]?.verdict).toBe('unverifiable');
  });

  it('reads counts of ten and more in Chinese numerals', () => {
    const list = '甲湖、乙湖、丙湖、丁湖、戊湖、己湖、庚湖、辛湖、壬湖、癸湖、子湖';
    expect(run(`建成${list}十一个口袋公园。`)[0]?.verdict).toBe('consistent');
    expect(run(`建成${list}十二个口袋公园。`)[0]?.verdict).toBe('inconsistent');
  });

  it('reads counts in digits only when the name of the kind follows them', () => {
    expect(run('总结推广金昌、白银、庆阳3个城市医疗集团建设经验。')[0]?.verdict).toBe('consistent');
    expect(run('有序建设金凤、嘉陵江、明月湖4个重庆实验室。')[0]?.verdict).toBe('inconsistent');
    expect(run('新建改扩建中小学、幼儿园5所。')).toEqual([]);
  });

  it('leaves alone attributes of one thing, a count joined by 和, and bounded counts', () => {
    expect(run('将继续办好群众普遍需求、可感可及的10件实事。')).toEqual([]);
    expect(run('加快广州、深圳国际消费中心城市和6个区域消费中心城市建设。')).toEqual([]);
    expect(run('创建国家级、省级绿色工厂3家以上。')).toEqual([]);
    expect(run('广州、深圳援助梅州建设4个小镇。')).toEqual([]);
  });

  it('never throws on any text and catches every count that differs from the items listed', () => {
    const numerals = ['', '', '两', '三', '四', '五', '六', '七', '八', '九'];
    const names = ['东湖', '西湖', '南湖', '北湖', '月湖', '莲湖', '翠湖', '镜湖', '白湖'];
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(() => run(text)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 9 }), (items, count) => {
        const [finding] = run(`建成${names.slice(0, items).join('、')}${numerals[count]}个口袋公园。`);
        expect(finding?.verdict).toBe(items === count ? 'consistent' : 'inconsistent');
      }),
    );
  });

  it('leaves alone a numbered name inside the last item, a predicate before the count, and a count before 等', () => {
    expect(run('动态消除黑臭水体、劣五类水体。')).toEqual([]);
    expect(run('音乐剧《飞天》、电影《长空之王》荣获“五个一工程”优秀作品奖。')).toEqual([]);
    expect(run('扎实开展党纪学习教育、深入贯彻中央八项规定精神学习教育。')).toEqual([]);
    expect(run('城乡低保、儿童福利、残疾人“两项补贴”等标准稳步提升。')).toEqual([]);
  });
});
