import { checks } from '@duixian/core';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate.ts';
import { messagesEn } from '../i18n/messages.en.ts';
import { messagesZh } from '../i18n/messages.zh.ts';
import { checkNameKey } from './check-name.format.ts';

// Every check core registers, plus the across-documents check (it runs outside the registry, over several files).
const checkIds = [...checks.map((check) => check.id), 'cross-document'];

describe('checkNameKey', () => {
  it('has a Chinese and an English name for every check core registers', () => {
    expect(checkIds.length).toBeGreaterThan(10);
    for (const id of checkIds) {
      expect(messagesZh, id).toHaveProperty([checkNameKey(id)]);
      expect(messagesEn, id).toHaveProperty([checkNameKey(id)]);
    }
  });
  it('reads a check id as words, not as the id', () => {
    expect(translate('zh', checkNameKey('percentage-point-change'))).toBe('百分点变化核对');
    expect(translate('en', checkNameKey('growth'))).toBe('Growth rate');
    for (const id of checkIds) expect(translate('zh', checkNameKey(id))).not.toMatch(/[a-z]/);
  });
});
