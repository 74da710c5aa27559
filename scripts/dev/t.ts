import { extract, formatDecimal } from '@duixian/core';
for (const s of ['日均新设企业由5千多户增加到1万6千多户', '由8300万增加到1亿3千多万', '从9000多公里增加到2万5千公里', '3．10种有色金属', '服务业扩大开放2.0版工作方案', '234国道改建', '举办2024长江文明论坛', '给2400多万陇原儿女', '前1‱', '10大类40个', '长5千米，装机3千瓦']) {
  console.log(s, '→', extract(s).quantities.map((q) => `${q.text}=${q.value.type === 'exact' ? formatDecimal(q.value.value) : ''}${q.unit}${q.comparator ?? ''}`).join(' | '));
}
