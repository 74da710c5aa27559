/**
 * What one audit event changed, as a person reads it: { deadline: '2024-10-31' → '2024-12-31' } →
 * '完成时限：2024-10-31 → 2024-12-31'; 'target_comparator' reads 目标要求, '>=' reads 不少于, 'done' reads 已办结.
 */
import type { Locale } from '../i18n/locale.ts';
import type { MessageKey } from '../i18n/messages.zh.ts';
import { translate } from '../i18n/translate.ts';
import { comparatorWords } from '@duixian/core';

/** One changed field; `was` is absent for a new record. Values are as stored ('>=', 'done', true). */
export interface HistoryChange {
  readonly field: string;
  readonly was?: unknown;
  readonly now: unknown;
}

/** Bookkeeping columns a person never edits. */
const HIDDEN_FIELDS = new Set(['id', 'version', 'updated_at', 'created_at', 'schedule', 'commitment_id', 'plan_id', 'author_id', 'corrects_id', 'span_start', 'span_end', 'document_id']);

/** The fields shown for a new record (a progress report, a created commitment): its main facts. */
const NEW_RECORD_FIELDS = ['title', 'percent', 'amount', 'reported_status', 'note', 'correction_reason'];

/**
 * The fields an event changed; for a new record, its main facts.
 * @example historyChanges({ deadline: null }, { deadline: '2024-10-31', version: 2 }) // [{ field: 'deadline', was: null, now: '2024-10-31' }]
 */
export function historyChanges(before: unknown, after: unknown): HistoryChange[] {
  if (!isRecord(after)) return [];
  if (!isRecord(before)) {
    return NEW_RECORD_FIELDS.filter((field) => after[field] !== undefined && after[field] !== null).map((field) => ({ field, now: after[field] }));
  }
  return Object.keys(after)
    .filter((field) => !HIDDEN_FIELDS.has(field) && JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({ field, was: before[field], now: after[field] }));
}

/**
 * Writes changes with the field's name and the values in words, joined by '；'.
 * @example formatHistoryChanges([{ field: 'target_comparator', was: null, now: '>=' }], 'zh') // '目标要求：— → 不少于'
 */
export function formatHistoryChanges(changes: readonly HistoryChange[], locale: Locale): string {
  const [colon, separator] = locale === 'zh' ? ['：', '；'] : [': ', '; '];
  return changes
    .map((change) => {
      const label = wordFor(locale, `history.field.${change.field}`, change.field);
      const now = formatValue(change.field, change.now, locale);
      return 'was' in change ? `${label}${colon}${formatValue(change.field, change.was, locale)} → ${now}` : `${label}${colon}${now}`;
    })
    .join(separator);
}

function formatValue(field: string, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return translate(locale, value ? 'history.yes' : 'history.no');
  if (field === 'target_comparator' && typeof value === 'string') {
    const { before, after } = comparatorWords(value, locale);
    return (before + after).trim() || value;
  }
  if (field === 'reported_status' && typeof value === 'string') return wordFor(locale, `reported.${value}`, value);
  if (Array.isArray(value)) return value.map((item) => (isRecord(item) && 'name' in item ? String(item['name']) : isRecord(item) ? formatMilestone(item) : String(item))).join('、') || '—';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** A milestone { due_date: '2024-06-30', expected_percent: '50' } as '2024-06-30 50%'. */
function formatMilestone(item: Record<string, unknown>): string {
  return 'due_date' in item ? `${String(item['due_date'])} ${String(item['expected_percent'] ?? '')}%` : JSON.stringify(item);
}

/** A message for a key built from data, or the fallback when none exists. */
function wordFor(locale: Locale, key: string, fallback: string): string {
  const text = translate(locale, key as MessageKey);
  return text === key ? fallback : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
