/**
 * Tells a figure of what is added in the year ("新增设施农业25万亩", "新认定高新技术企业1000家") from a figure of what
 * stands at the year's end ("设施农业面积达到300万亩", "累计建成5G基站9.5万座", "电力总装机超过4500万千瓦"): a target
 * of one scope is not answered by a result of the other.
 */

/** How much of a quantity a figure counts: what the year adds, what stands at its end, or not said. */
export type FigureScope = 'added' | 'stock' | 'unstated';

/** Words that make a figure a level whatever verb comes with it: 累计建成, 年末, 总装机. */
const TOTAL = /累计|总数|总量|保有量|年末|年底|总规模|规模达|总装机|总计/u;
/**
 * Words that make a figure an addition of the year: 新增 and its kin, and the verbs of building and doing that a plan
 * counts by the year ("建设高标准农田300万亩", "改造老旧小区1291个", "完成投资310亿元").
 */
const ADDED = /新增|净增|新建|新认定|新培育|新开工|新投产|新引进|新招引|新开通|新设立|新落地|新改建|新创建|新入选|增设|新发展|新签约|建设|建成|改造|实施|完成|治理|修复|培育|打造|开工|竣工|投产|招引|引进|开通|创建|获批|创成/u;
/** Words that make a figure a level reached: 达到, 突破, 提高到, 稳定在. */
const REACHED = /达到|达|突破|超过|超|增至|增加到|提高到|提升到|跃升至|升至|降至|降到|下降到|稳定在|保持在|末/u;

/** 占 and the whole of a share: 占新建建筑比重, 占全部投资比例. */
const SHARE_OF_WHOLE = /占[^占]*(?:比重|比例)/u;

/**
 * The scope of a figure from the words before it in its clause.
 * @example readFigureScope('新增设施农业') // 'added'
 * @example readFigureScope('设施农业面积达到') // 'stock'
 * @example readFigureScope('改造老旧小区') // 'added'
 * @example readFigureScope('城镇调查失业率') // 'unstated'
 */
export function readFigureScope(phrase: string): FigureScope {
  // "装配式建筑面积占新建建筑比重": the whole a share is taken of does not say what the share counts.
  const share = SHARE_OF_WHOLE.exec(phrase);
  if (share) return readFigureScope(phrase.slice(0, share.index) + phrase.slice(share.index + share[0].length));
  if (TOTAL.test(phrase)) return 'stock';
  if (ADDED.test(phrase)) return 'added';
  if (REACHED.test(phrase)) return 'stock';
  return 'unstated';
}

/**
 * Whether a result can answer a target, by scope: an addition is not answered by a level ("新增…25万亩" by "…达到300万亩")
 * and a level stated as a total is not answered by an addition ("总装机超过4500万千瓦" by "新增装机…"). A figure that
 * states no scope answers and is answered by either.
 * @example isScopeCompatible('added', 'stock') // false
 * @example isScopeCompatible('added', 'unstated') // true
 */
export function isScopeCompatible(target: FigureScope, result: FigureScope): boolean {
  if (target === 'unstated' || result === 'unstated') return true;
  return target === result;
}
