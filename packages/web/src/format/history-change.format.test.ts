import { describe, expect, it } from 'vitest';
import { formatHistoryChanges, historyChanges } from './history-change.format.ts';

describe('historyChanges and formatHistoryChanges', () => {
  it('names each changed field in Chinese and writes its values in words', () => {
    const changes = historyChanges(
      { title: '新建幼儿园', deadline: null, target_comparator: null, published: false, version: 1, updated_at: '2024-06-01' },
      { title: '新建幼儿园', deadline: '2024-10-31', target_comparator: '>=', published: true, version: 2, updated_at: '2024-06-02' },
    );
    expect(changes.map((change) => change.field)).toEqual(['deadline', 'target_comparator', 'published']);
    expect(formatHistoryChanges(changes, 'zh')).toBe('完成时限：— → 2024-10-31；目标要求：— → 不少于；公开：否 → 是');
    expect(formatHistoryChanges(changes, 'en')).toBe('Deadline: — → 2024-10-31; Target requirement: — → at least; Public: no → yes');
  });
  it('writes a new progress report by its facts, with the reported status as a word', () => {
    const changes = historyChanges(null, { id: 9, commitment_id: 3, percent: '40', reported_status: 'in_progress', note: null, author_id: 2 });
    expect(formatHistoryChanges(changes, 'zh')).toBe('完成比例：40；办理状态：推进中');
  });
  it('lists unit names and milestones, not JSON', () => {
    const changes = historyChanges(
      { units: [{ name: '住建局' }], milestones: [] },
      { units: [{ name: '住建局' }, { name: '财政局' }], milestones: [{ due_date: '2024-06-30', expected_percent: '50' }] },
    );
    expect(formatHistoryChanges(changes, 'zh')).toBe('责任单位：住建局 → 住建局、财政局；节点：— → 2024-06-30 50%');
  });
  it('keeps a field without a name readable by its key rather than dropping it', () => {
    expect(formatHistoryChanges(historyChanges({ colour_hint: 'a' }, { colour_hint: 'b' }), 'zh')).toBe('colour_hint：a → b');
  });
});
