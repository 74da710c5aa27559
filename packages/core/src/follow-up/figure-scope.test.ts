import { describe, expect, it } from 'vitest';
import { isScopeCompatible, readFigureScope } from './figure-scope.ts';

describe('readFigureScope', () => {
  it('reads 新增 / 新认定 / 新建 as what the year adds', () => {
    expect(readFigureScope('新增设施农业')).toBe('added');
    expect(readFigureScope('新认定高新技术企业')).toBe('added');
    expect(readFigureScope('新增城镇就业达到')).toBe('added');
  });

  it('reads 获批 / 创成 as what the year adds: 争取再获批 a lab, 创成 a model village', () => {
    expect(readFigureScope('争取再获批')).toBe('added');
    expect(readFigureScope('创成')).toBe('added');
  });

  it('reads 累计 / 年末 / 达到 / 总装机 as a level', () => {
    expect(readFigureScope('累计建成5G基站')).toBe('stock');
    expect(readFigureScope('年末常住人口')).toBe('stock');
    expect(readFigureScope('电力总装机超过')).toBe('stock');
  });

  it('says nothing of a plain indicator', () => {
    expect(readFigureScope('城镇调查失业率')).toBe('unstated');
  });

  it('reads the scope of a share from its part, not from the whole it is taken of', () => {
    expect(readFigureScope('绿色建筑面积占新建建筑比重达到')).toBe('stock');
    expect(readFigureScope('绿色建筑面积占新建建筑比重')).toBe('unstated');
    expect(readFigureScope('新增绿色建筑占全部建筑比例')).toBe('added');
  });
});

describe('isScopeCompatible', () => {
  it('refuses an addition answered by a level, and the reverse', () => {
    expect(isScopeCompatible('added', 'stock')).toBe(false);
    expect(isScopeCompatible('stock', 'added')).toBe(false);
  });

  it('accepts the same scope, or a figure that states none', () => {
    expect(isScopeCompatible('added', 'added')).toBe(true);
    expect(isScopeCompatible('added', 'unstated')).toBe(true);
    expect(isScopeCompatible('unstated', 'stock')).toBe(true);
  });
});

describe('readFigureScope, verbs of building', () => {
  it('reads what a plan builds, rebuilds or completes as the year\'s addition, unless 累计 makes it a total', () => {
    expect(readFigureScope('建设高标准农田')).toBe('added');
    expect(readFigureScope('改造城中村和城市危旧房')).toBe('added');
    expect(readFigureScope('累计建成高标准农田')).toBe('stock');
    expect(readFigureScope('高标准农田达到')).toBe('stock');
  });
});
