/**
 * Maps a report's own spending label to a functional classification code (支出功能分类, 类 level) with a confidence.
 * Kept as data: the keywords can be corrected without touching the rules. Example: '教育建设' → { code: '205', confidence: 0.9 };
 * '文化科技' (206 and 207 both match) → { code: '207', confidence: 0.5, alternatives: ['206'] }.
 */

/** Keywords that point to one class, with how sure a match is. */
export const FUNCTIONAL_CLASS_KEYWORDS: readonly { code: string; name: string; keywords: readonly string[]; confidence: number }[] = [
  { code: '201', name: '一般公共服务', keywords: ['一般公共服务'], confidence: 0.9 },
  { code: '204', name: '公共安全', keywords: ['公共安全', '政法', '公安'], confidence: 0.8 },
  { code: '205', name: '教育', keywords: ['教育'], confidence: 0.9 },
  { code: '206', name: '科学技术', keywords: ['科学技术', '科技'], confidence: 0.8 },
  { code: '207', name: '文化旅游体育与传媒', keywords: ['文化', '旅游', '体育', '传媒'], confidence: 0.8 },
  { code: '208', name: '社会保障和就业', keywords: ['社会保障', '社保', '就业', '养老'], confidence: 0.9 },
  { code: '210', name: '卫生健康', keywords: ['卫生', '医疗', '健康'], confidence: 0.9 },
  { code: '211', name: '节能环保', keywords: ['节能环保', '生态环境', '环保', '环境保护', '污染防治'], confidence: 0.8 },
  { code: '212', name: '城乡社区', keywords: ['城乡社区', '城乡基础设施', '市政', '城市建设'], confidence: 0.6 },
  { code: '213', name: '农林水', keywords: ['农林水', '农业', '林业', '水利', '乡村振兴'], confidence: 0.7 },
  { code: '214', name: '交通运输', keywords: ['交通'], confidence: 0.8 },
  { code: '221', name: '住房保障', keywords: ['住房'], confidence: 0.8 },
  { code: '224', name: '灾害防治及应急管理', keywords: ['应急管理', '灾害防治'], confidence: 0.7 },
];

export interface FunctionalMapping {
  code: string;
  confidence: number;
  /** Other codes the label also matched: the report's grouping spans several classes. */
  alternatives: string[];
}

/** The best class for a label, or undefined when no keyword matches. */
export function mapFunctionalClass(label: string): FunctionalMapping | undefined {
  const position = (entry: (typeof FUNCTIONAL_CLASS_KEYWORDS)[number]) =>
    Math.min(...entry.keywords.map((keyword) => label.indexOf(keyword)).filter((index) => index >= 0));
  const matches = FUNCTIONAL_CLASS_KEYWORDS.filter((entry) => entry.keywords.some((keyword) => label.includes(keyword))).sort(
    (a, b) => position(a) - position(b),
  );
  const first = matches[0];
  if (!first) return undefined;
  const exact = matches.find((entry) => entry.name === label);
  if (exact) return { code: exact.code, confidence: 1, alternatives: [] };
  // A label that matches several classes ("文化科技") is a grouping of the report's own: keep the class named first,
  // cap the confidence at one half and list the others.
  const chosen = first;
  return {
    code: chosen.code,
    confidence: matches.length > 1 ? Math.min(chosen.confidence, 0.5) : chosen.confidence,
    alternatives: matches.filter((entry) => entry !== chosen).map((entry) => entry.code),
  };
}
