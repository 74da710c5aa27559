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
    // a count in digits counts things of the named kinds, which the names may hold several of: only worth a look
    expect(run('有序建设金凤、嘉陵江、明月湖4个重庆实验室。')[0]?.verdict).toBe('questionable');
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

  it('reads a list through a line break inside its sentence, but not across a paragraph', () => {
    expect(run('推进东湖、\n西湖、南湖三个口袋公园建设。')[0]?.verdict).toBe('consistent');
    expect(run('推进东湖、西湖、南湖\n三个口袋公园建设。')[0]?.verdict).toBe('consistent');
    expect(run('建成北湖。\n西湖、南湖三个口袋公园开工。')[0]?.verdict).toBe('inconsistent');
  });

  it('reads a bracketed aside as part of its item and skips a heading number', () => {
    expect(run('完善社区治理、公共服务（便民服务）、应急管理三大体系。')[0]?.verdict).toBe('consistent');
    expect(run('二、建好东区、西区两个片区。')[0]?.verdict).toBe('consistent');
  });

  it('leaves alone a count that opens a quotation, one of N, and 等 followed by more words', () => {
    expect(run('落实政务公开、行政执法“三项制度”。')).toEqual([]);
    expect(run('建成城市书房、是全省五个示范城市之一。')).toEqual([]);
    expect(run('完成东街、西巷等老城两侧8个片区改造。')).toEqual([]);
    expect(run('保障男女平等、同工同酬两项权利。')[0]?.verdict).toBe('consistent');
  });

  it('counts a quotation as one item, quotations back to back as two, and quoted pairs split by ，', () => {
    expect(run('实施“百村示范”“千村整治”、“万户增收”三大工程。')[0]?.verdict).toBe('consistent');
    expect(run('实施“百村示范、千村整治”、“万户增收”两大工程。')[0]?.verdict).toBe('consistent');
    expect(run('破解“投入多、产出少，底子薄、基础弱”两大难题。')[0]?.verdict).toBe('consistent');
  });

  it('marks for review, not as inconsistent, a mismatch the wording allows another reading of', () => {
    // N大X names a programme: the listed words may be its aims, not its members
    expect(run('开展提质量、扩规模、优服务十大行动。')[0]?.verdict).toBe('questionable');
    // a count in digits followed by another kind counts things inside the named places
    expect(run('加快东港、西港、南港作业区9个泊位建设。')[0]?.verdict).toBe('questionable');
    // a count right after a person may count that person's own things
    expect(run('落实城乡低保、特困供养、困难老人两项补贴。')[0]?.verdict).toBe('questionable');
    // quotations that do not hold the whole list leave the items' bounds uncertain
    expect(run('推行“一窗受理”、城乡“一网通办”四项改革。')[0]?.verdict).toBe('questionable');
    // still inconsistent: a plain list of names, and one quotation holding the whole list
    expect(run('建成东湖、西湖、南湖两个口袋公园。')[0]?.verdict).toBe('inconsistent');
    expect(run('围绕“东湖、西湖、南湖”两个湖区推进治理。')[0]?.verdict).toBe('inconsistent');
  });

  it('says which reading it assumed', () => {
    expect(run('建成东湖、西湖两个口袋公园。')[0]?.reading).toBe('按顿号所列各项即所计之物理解');
  });

  it('leaves alone a count of quarters, terms or rounds after a list', () => {
    expect(run('财政收入、民间投资连续四个季度领先。')).toEqual([]);
    expect(run('文明城市、卫生城市连续三届获评。')).toEqual([]);
  });

  it('marks a quotation counted by N大 for review: the quotation may be the slogan of a programme', () => {
    expect(run('深入推进“稳中求进、争先进位”六大行动。')[0]?.verdict).toBe('questionable');
    expect(run('围绕“东湖、西湖、南湖”两个湖区推进治理。')[0]?.verdict).toBe('inconsistent');
  });
});

