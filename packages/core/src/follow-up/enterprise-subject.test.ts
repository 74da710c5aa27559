import { describe, expect, it } from 'vitest';
import { namesEnterprise, readEnterpriseSubject } from './enterprise-subject.ts';

describe('readEnterpriseSubject', () => {
  it('reads the enterprise a sentence sets its task for', () => {
    const text = '某某集团要全力突围，力争营收达到900亿元。力争电力总装机超过2亿千瓦。';
    expect(readEnterpriseSubject(text, text.indexOf('900亿元'))).toBe('某某集团');
    expect(readEnterpriseSubject(text, text.indexOf('2亿千瓦'))).toBeUndefined();
  });

  it('reads none where 集团 is part of another subject (城市医疗集团覆盖率)', () => {
    const text = '推进城市医疗集团建设，城市医疗集团覆盖率达到80%。';
    expect(readEnterpriseSubject(text, text.indexOf('80%'))).toBeUndefined();
  });
});

describe('namesEnterprise', () => {
  it('takes a result whose sentence names the enterprise, by its short name too, and not the region\'s figure', () => {
    const text = '全区电力总装机规模2亿千瓦。某某电力总装机达到3100万千瓦。';
    expect(namesEnterprise(text, text.indexOf('2亿千瓦'), '某某集团')).toBe(false);
    expect(namesEnterprise(text, text.indexOf('3100万千瓦'), '某某集团')).toBe(true);
  });
});
