/**
 * Looks up interface text and fills its {placeholders}: translate('zh', 'overview.projectsDelivered', { done: 31, total: 31 })
 * → '已兑现 31 / 31 项'.
 */
import type { Locale } from './locale.ts';
import { messagesEn } from './messages.en.ts';
import { messagesZh, type MessageKey } from './messages.zh.ts';

/** Values that fill a message's {placeholders}. */
export type MessageValues = Readonly<Record<string, string | number>>;

export function translate(locale: Locale, key: MessageKey, values: MessageValues = {}): string {
  const template = (locale === 'en' ? messagesEn : messagesZh)[key] as string | undefined;
  // A key built from data ('status.' + code) may not exist: show the key's own text rather than crash.
  if (template === undefined) return key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
