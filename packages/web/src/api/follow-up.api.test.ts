import type { FollowUpPairJson } from '@duixian/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getFollowUp } from './follow-up.api.ts';

afterEach(() => vi.unstubAllGlobals());

const REVIEW = '过去一年，地区生产总值增长5.1%，10件民生实事全部完成';

function pair(id: number, fields: Pick<FollowUpPairJson, 'verdict' | 'basis'> & { metric: string; target: string; result: { text: string; value: string | null } }): FollowUpPairJson {
  const start = REVIEW.indexOf(fields.result.text);
  return {
    id, region_code: '990106', last_year: 2030, this_year: 2031, position: id, source: 'commitment',
    target: { start: 0, end: 3, text: fields.target, metric: fields.metric, value: '15', value_high: null, unit: '个', comparator: null, sentence: { start: 0, end: 20, text: '新建社区食堂15个' } },
    result: {
      start, end: start + fields.result.text.length, text: fields.result.text, metric: '', value: fields.result.value, value_high: null, unit: '',
      sentence: { start: 0, end: REVIEW.length, text: REVIEW },
    },
    verdict: fields.verdict, basis: fields.basis, confidence: 0.8, polarity: 'higher_is_better', explanation: '',
    last_document: { id: 1, title: '己市2030年政府工作报告', year: 2030, url: '/api/documents/1' },
    this_document: { id: 2, title: '己市2031年政府工作报告', year: 2031, url: '/api/documents/2' },
    commitment_id: null, progress_update_id: null,
  };
}

describe('getFollowUp', () => {
  it('keeps each pair\'s basis and counts the targets met by statement within those met', async () => {
    const items = [
      pair(1, { metric: '地区生产总值增长', target: '6%', verdict: 'missed', basis: 'figure', result: { text: '5.1%', value: '5.1' } }),
      pair(2, { metric: '新建社区食堂', target: '15个', verdict: 'met', basis: 'statement', result: { text: '民生实事全部完成', value: null } }),
      pair(3, { metric: '改造农村户厕', target: '800户', verdict: 'met', basis: 'statement', result: { text: '民生实事全部完成', value: null } }),
    ];
    vi.stubGlobal('fetch', async (input: string) => {
      const body = input.startsWith('/api/regions/') ? { code: '990106', name: '己市' } : { items, total: items.length, page: 1, page_size: 500 };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const view = await getFollowUp('990106', 2030);
    expect(view.counts).toEqual({ met: 2, missed: 1, not_reported: 0 });
    expect(view.metByStatement).toBe(2);
    expect(view.pairs.map((each) => [each.metric, each.basis, each.result?.text, each.result?.value])).toEqual([
      ['地区生产总值增长', 'figure', '5.1%', '5.1'],
      ['新建社区食堂', 'statement', '民生实事全部完成', undefined],
      ['改造农村户厕', 'statement', '民生实事全部完成', undefined],
    ]);
  });
});
