import { describe, expect, it } from 'vitest';
import { shortRegionName } from './region-short-name.ts';

describe('shortRegionName', () => {
  it('drops the level word of a district, city, county or region', () => {
    expect(shortRegionName('城北区')).toBe('城北');
    expect(shortRegionName('西宁市')).toBe('西宁');
    expect(shortRegionName('湟中县')).toBe('湟中');
    expect(shortRegionName('青海省')).toBe('青海');
    expect(shortRegionName('海北藏族自治州')).toBe('海北藏族');
  });
  it('keeps a name that would shrink to one character', () => {
    expect(shortRegionName('沙市')).toBe('沙市');
    expect(shortRegionName('矿区')).toBe('矿区');
  });
});
