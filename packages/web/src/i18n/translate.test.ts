import { describe, expect, it } from 'vitest';
import { translate } from './translate.ts';
import { messagesEn } from './messages.en.ts';
import { messagesZh } from './messages.zh.ts';
import { parseLocale } from './locale.ts';

describe('translate', () => {
  it('speaks Chinese by default and fills placeholders', () => {
    expect(translate('zh', 'overview.projectsDelivered', { done: 31, total: 31 })).toBe('已兑现 31 / 31 项');
  });
  it('switches to English with the same keys', () => {
    expect(translate('en', 'overview.heading', { region: 'Chengbei', year: 2023 })).toBe('Chengbei livelihood ledger 2023');
  });
  it('has an English text for every Chinese key and no extra ones', () => {
    expect(Object.keys(messagesEn).sort()).toEqual(Object.keys(messagesZh).sort());
  });
  it('leaves a placeholder visible when its value is missing, instead of printing undefined', () => {
    expect(translate('zh', 'app.error')).toBe('加载失败：{message}');
  });
  it('returns a key built from data unchanged when no text exists for it', () => {
    expect(translate('zh', 'status.unheard_of' as never)).toBe('status.unheard_of');
  });
  it('reads en-US as English and anything unknown as Chinese', () => {
    expect(parseLocale('en-US')).toBe('en');
    expect(parseLocale('fr')).toBe('zh');
    expect(parseLocale(null)).toBe('zh');
  });
});
