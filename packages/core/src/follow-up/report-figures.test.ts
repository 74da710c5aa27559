import { describe, expect, it } from 'vitest';
import { extract } from '../extract/pipeline.ts';
import { readFigures } from './report-figures.ts';

const nounsOf = (text: string): [string, string][] => readFigures(text, extract(text, { reportYear: 2025 }).quantities).map((figure) => [figure.quantity.text, figure.noun]);

describe('readFigures', () => {
  it('reads money named only by a verb of spending, in the sentence of the 民生实事, as the money for them', () => {
    expect(nounsOf('安排资金60亿元，实施民生实事12项。')).toEqual([
      ['60亿元', '民生实事资金'],
      ['12项', '实施民生实事'],
    ]);
    expect(nounsOf('投入75亿元办好“12+3”项民生实事。')[0]).toEqual(['75亿元', '民生实事资金']);
    expect(nounsOf('投入民生领域资金900亿元，办好12项民生实事。')[0]).toEqual(['900亿元', '投入民生领域资金']);
    expect(nounsOf('安排资金60亿元，支持中小企业发展。')[0]).toEqual(['60亿元', '安排资金']);
  });

  it('gives a total at the end of a five-year period the subject of the count before it', () => {
    expect(nounsOf('新建公共租赁住房3万套，“十四五”末总量达到25万套。')).toEqual([
      ['3万套', '新建公共租赁住房'],
      ['25万套', '公共租赁住房总量'],
    ]);
  });

  it('gives a bare 完成投资 the key projects its sentence is about, and nothing when it names none', () => {
    expect(nounsOf('抓好省重点项目建设，年内完成投资900亿元以上。')).toEqual([['900亿元', '省重点项目完成投资']]);
    expect(nounsOf('实施重大工程提速行动，全年完成投资650亿元。')).toEqual([['650亿元', '重大工程投资']]);
    expect(nounsOf('扩大有效需求，全年完成投资650亿元。')).toEqual([['650亿元', '投资']]);
  });

  it('gives each member of a 分别 list its own subject, with the measure between 分别 and the figures', () => {
    expect(nounsOf('规上工业增加值、固定资产投资分别增长6.7%、4%。')).toEqual([
      ['6.7%', '规上工业增加值'],
      ['4%', '固定资产投资'],
    ]);
    expect(nounsOf('今年力争交通、水利分别完成投资2500亿元、800亿元。')).toEqual([
      ['2500亿元', '交通投资'],
      ['800亿元', '水利投资'],
    ]);
  });

  it('gives 对 before the first partner of a 分别 list to every partner', () => {
    expect(nounsOf('对欧盟、东盟进出口分别增长12%、9%。').map(([, noun]) => noun)).toEqual(['对欧盟进出口', '对东盟进出口']);
  });

  it('carries the subject of the clause before to a bare measure', () => {
    expect(nounsOf('稳定粮食播种面积1300万亩、总产260亿斤。')).toEqual([
      ['1300万亩', '粮食播种面积'],
      ['260亿斤', '粮食总产'],
    ]);
  });

  it('gives the investment after a count of projects the projects for subject', () => {
    expect(nounsOf('全年计划实施项目1800个，完成年度投资900亿元。')).toEqual([
      ['1800个', '计划实施项目'],
      ['900亿元', '项目年度投资'],
    ]);
    expect(nounsOf('实施市重点项目650个、年度计划投资3100亿元。')[1]).toEqual(['3100亿元', '市重点项目年度计划投资']);
    expect(nounsOf('新建学校12所，完成投资30亿元。')[1]).toEqual(['30亿元', '投资']);
  });

  it('reads the noun after a figure that has only a verb, or examples ending in 等, before it', () => {
    expect(nounsOf('实施100个以上关键技术攻关项目。')).toEqual([['100个', '实施关键技术攻关项目']]);
    expect(nounsOf('加快建设京沪二通道、雄商等6条高铁。')).toEqual([['6条', '高铁']]);
    expect(nounsOf('1550个省重点项目完成投资7398亿元。')[0]).toEqual(['1550个', '省重点项目']);
  });

  it('reads the noun after a count with a batch word before it: 推进第二批8个…试点', () => {
    expect(nounsOf('推进第二批8个“水韵古镇”保护利用试点，发展乡村旅游。')).toEqual([['8个', '推进第二批“水韵古镇”保护利用试点']]);
    expect(nounsOf('启动新一批12个未来社区。')).toEqual([['12个', '启动新一批未来社区']]);
  });

  it('reads a list of nouns after a count as what is counted, stopping at the next figure or clause', () => {
    expect(nounsOf('推动25个学校、体育场馆运动设施向社会开放，改善环境。')).toEqual([['25个', '学校、体育场馆运动设施向社会开放']]);
    expect(nounsOf('31个学校、体育场馆运动设施向社会开放。')).toEqual([['31个', '学校、体育场馆运动设施向社会开放']]);
    expect(nounsOf('新建9个口袋公园、改造绿道6条。').map(([, noun]) => noun)).toEqual(['新建口袋公园', '改造绿道']);
    expect(nounsOf('建设4个特色小镇、若干精品村落。')).toEqual([['4个', '建设特色小镇']]);
    // A measure that is not a count keeps its noun to the list mark.
    expect(nounsOf('将15度以上坡地、河滩等零散耕地调出。')[0]![1]).not.toContain('、');
  });

  it('keeps with a counted noun the verb that qualifies it, and the verb that ends its clause', () => {
    expect(nounsOf('2750个新投产项目增加产值900多亿元。')).toEqual([
      ['2750个', '新投产项目'],
      ['900多亿元', '新投产项目增加产值'],
    ]);
    expect(nounsOf('实施260个投产达效项目。')).toEqual([['260个', '实施投产达效项目']]);
    expect(nounsOf('推动1200多个项目投产达效、新增产值300亿元。')[0]).toEqual(['1200多个', '项目投产达效']);
    expect(nounsOf('11条城际公路建成通车。')).toEqual([['11条', '城际公路建成通车']]);
  });

  it('reads the noun after a count with 创成 or 争取再获批 before it', () => {
    expect(nounsOf('创成40个美丽宜居示范村。')).toEqual([['40个', '创成美丽宜居示范村']]);
    expect(nounsOf('争取再获批5家以上省级工程中心。')).toEqual([['5家', '再获批省级工程中心']]);
  });

  it('carries the verb of a list member over the members after it, one figure per noun', () => {
    expect(nounsOf('有序改造雨水管网30公里、污水管网20公里。').map(([, noun]) => noun)).toEqual(['有序改造雨水管网', '改造污水管网']);
    expect(nounsOf('新建绿道20公里、改造步道15公里。').map(([, noun]) => noun)).toEqual(['新建绿道', '改造步道']);
    expect(nounsOf('地区生产总值增长5%、居民收入增长6%。').map(([, noun]) => noun)).toEqual(['地区生产总值', '居民收入']);
  });

  it('ends a noun after a count before a verb with an object of its own', () => {
    expect(nounsOf('520名农技特派员开展入户服务。')).toEqual([['520名', '农技特派员']]);
    expect(nounsOf('300所乡镇卫生院达到国家合格标准。')).toEqual([['300所', '乡镇卫生院']]);
  });

  it('reads a figure after 和 in a list as a member of its own, with its noun after it', () => {
    expect(nounsOf('东湖公园、西湖公园和40个口袋公园等建成开放。')[0]).toEqual(['40个', '口袋公园']);
    expect(nounsOf('城镇居民收入增长5%和农村居民收入增长7%。').map(([, noun]) => noun)).toEqual(['城镇居民收入', '农村居民收入']);
  });

  it('reads the noun after a count with a verb of rebuilding or raising, or a bracketed unit note, before it', () => {
    expect(nounsOf('改建1500张康复护理床位，加强联动。')).toEqual([['1500张', '改建康复护理床位']]);
    expect(nounsOf('建设筹措2万套（间）人才公寓，完善配套。')).toEqual([['2万套', '建设筹措人才公寓']]);
  });

  it('lets examples ending in 等 before a figure give way to the noun they are examples of', () => {
    expect(nounsOf('建设甲钢、乙化等“零碳工厂”示范项目12个。')).toEqual([['12个', '“零碳工厂”示范项目']]);
    expect(nounsOf('高等学校毕业生就业率90%。')).toEqual([['90%', '高等学校毕业生就业率']]);
    expect(nounsOf('发展托育、助餐等机构60家。')[0]![1]).toContain('助餐等机构');
    expect(nounsOf('在新材料等领域攻克关键技术40项。')[0]![1]).toContain('新材料等领域');
  });

  it('gives the investment after a clause that builds works those works for subject', () => {
    expect(nounsOf('推进重大水利工程建设，全年完成投资320亿元。')).toEqual([['320亿元', '重大水利工程投资']]);
    expect(nounsOf('加快实施城市更新项目，完成投资45亿元。')).toEqual([['45亿元', '城市更新项目投资']]);
    expect(nounsOf('加快发展数字经济，完成投资45亿元。')).toEqual([['45亿元', '投资']]);
  });

  it('reads a share stated before its subject: 80%的乡镇建成标准化卫生院', () => {
    expect(nounsOf('确保全省80%的乡镇建成标准化卫生院、70%的村达到美丽乡村标准。')).toEqual([
      ['80%', '乡镇建成标准化卫生院'],
      ['70%', '村达到美丽乡村标准'],
    ]);
    expect(nounsOf('森林覆盖率达到30%的目标如期实现。')[0]).toEqual(['30%', '森林覆盖率']);
  });

  it('reads each subject of a figure stated with 均, sharing the last one\'s measure word', () => {
    const figures = (text: string) => readFigures(text, extract(text, { reportYear: 2025 }).quantities);
    expect(figures('餐厨垃圾和园林垃圾处理率均达到70%以上。')[0]).toMatchObject({ noun: '餐厨垃圾和园林垃圾处理率', members: ['餐厨垃圾处理率', '园林垃圾处理率'] });
    expect(figures('力争县域医院、乡镇卫生院达标率均达到90%。')[0]!.members).toEqual(['县域医院达标率', '乡镇卫生院达标率']);
    expect(figures('城乡居民人均可支配收入分别增长5%和6%。')[0]!.members).toBeUndefined();
    expect(figures('农民人均增收500元。')[0]!.members).toBeUndefined();
  });

  it('reads one figure for a list of short subjects as the figure of all of them', () => {
    expect(nounsOf('交通、水利、能源完成投资3200亿元。')).toEqual([['3200亿元', '交通、水利、能源完成投资']]);
    expect(nounsOf('新建学校12所、改造医院8所。').map(([, noun]) => noun)).toEqual(['新建学校', '改造医院']);
    expect(nounsOf('加快建设京沪二通道、雄商等6条高铁。')).toEqual([['6条', '高铁']]);
  });

  it('gives a figure the company its sentence is about', () => {
    expect(nounsOf('能源集团要当好主力军，力争新能源装机超过900万千瓦。')).toEqual([['900万千瓦', '能源集团新能源装机']]);
    expect(nounsOf('新能源装机超过900万千瓦。')).toEqual([['900万千瓦', '新能源装机']]);
  });

  it('reads a stretch goal after a change as the same change: 增长6%以上、力争达到7%', () => {
    const figures = readFigures('地区生产总值增长6%以上、力争达到7%。', extract('地区生产总值增长6%以上、力争达到7%。', { reportYear: 2025 }).quantities);
    expect(figures.map((figure) => [figure.quantity.text, figure.noun, figure.change])).toEqual([
      ['6%', '地区生产总值', 'up'],
      ['7%', '地区生产总值', 'up'],
    ]);
  });

  it('keeps the noun before a figure when there is one', () => {
    expect(nounsOf('新建高标准农田850万亩。')).toEqual([['850万亩', '新建高标准农田']]);
  });
});
