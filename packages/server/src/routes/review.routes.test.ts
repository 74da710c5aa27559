import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, openTestApp, type TestApp } from '../test-support.ts';

interface QueueItem {
  id: number;
  kind: string;
  status: string;
  entity_id: number | null;
  payload: { title?: string; theme?: string | null; section?: string | null; target_value?: string | null; retrospective?: boolean };
  source: { before: string; match: string; after: string } | null;
}

const REPORT =
  '一、2023年工作回顾\n' +
  '2023年是开局之年。新增就业3.5万人，新建幼儿园4所。\n' +
  '二、2024年重点工作\n' +
  '聚力打好教育发展战，办好人民满意教育。实施幼儿园新建工程3所，增加学位1200个，推进集团化办学。\n' +
  '聚力打好生态环境保护战，守护绿水青山。实施退化林分改造2万亩，锲而不舍落实中央八项规定精神，推进河湖长制。\n';

for (const engine of testEngines()) {
  describe(`review queue on ${engine}`, () => {
    let api: TestApp;
    let documentId: number;
    const list = async (query: string) => {
      const response = await api.admin.request({ method: 'GET', url: `/api/review-items?document_id=${documentId}&page_size=500&${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { items: QueueItem[]; total: number };
    };

    beforeAll(async () => {
      api = await openTestApp(engine, { seedDemo: false });
      await api.database.repositories.regions.ensure({ code: '341600', name: '亳州市', parentCode: null });
      const upload = await api.admin.request({ method: 'POST', url: '/api/documents', ...multipart({ name: 'report.txt', content: REPORT }, { region_code: '341600', year: '2024' }) });
      expect(upload.statusCode, upload.body).toBe(201);
      documentId = (upload.json() as { document: { id: number } }).document.id;
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    it('filters by kind, theme and has-target in SQL, and counts the filtered set', async () => {
      const all = await list('kind=commitment');
      const themed = await list(`kind=commitment&has_target=true&theme=${encodeURIComponent('教育发展')}`);
      expect(themed.items.map((item) => item.payload.title)).toEqual(['实施幼儿园新建工程3所', '增加学位1200个']);
      expect(themed.total).toBe(2);
      const untargeted = await list('kind=commitment&has_target=false');
      expect(untargeted.items.every((item) => item.payload.target_value === null)).toBe(true);
      expect(untargeted.total + (await list('kind=commitment&has_target=true')).total).toBe(all.total);
      expect((await list(`q=${encodeURIComponent('学位')}`)).items.map((item) => item.payload.title)).toEqual(['增加学位1200个']);
      expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
      const ids = await api.admin.request({ method: 'GET', url: `/api/review-items/ids?document_id=${documentId}&kind=commitment&has_target=true&theme=${encodeURIComponent('教育发展')}` });
      expect((ids.json() as { ids: number[] }).ids).toEqual(themed.items.map((item) => item.id));
    });

    it('offers nothing from the 工作回顾 and no target 8项 for 中央八项规定', async () => {
      const all = await list('');
      expect(all.items.some((item) => /就业3\.5万人|幼儿园4所/.test(item.payload.title ?? ''))).toBe(false);
      expect(all.items.some((item) => item.payload.target_value === '8')).toBe(false);
      expect((await list('retrospective=true')).total).toBe(0);
      expect((await list('retrospective=false')).total).toBe(all.total);
    });

    it('gives each item its source sentence with the span to highlight, and the section and theme as facets', async () => {
      const [item] = (await list(`q=${encodeURIComponent('退化林分')}`)).items;
      expect(item?.source).toEqual({ before: '', match: '实施退化林分改造2万亩', after: '，锲而不舍落实中央八项规定精神，推进河湖长制' });
      expect(item?.payload.section).toBe('2024年重点工作');
      const facets = await api.admin.request({ method: 'GET', url: `/api/review-items/facets?document_id=${documentId}` });
      expect(facets.json()).toMatchObject({ themes: expect.arrayContaining([{ name: '教育发展', count: expect.any(Number) }]), sections: [{ name: '2024年重点工作', count: expect.any(Number) }] });
    });

    it('accepts without publishing unless asked: the public sees only what was accepted and published', async () => {
      const [first, second] = (await list(`kind=commitment&has_target=true&theme=${encodeURIComponent('教育发展')}`)).items;
      const accepted = await api.admin.post('/api/review-items/decisions', {
        decisions: [{ id: first!.id, decision: 'accept', edits: { title: '新建幼儿园3所', target_value: '3', target_unit: '所', theme: '学前教育', deadline: '2024-12-31' } }],
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const published = await api.admin.post(`/api/review-items/${second!.id}/accept`, { publish: true });
      expect(published.statusCode, published.body).toBe(200);
      const publicTitles = async () =>
        ((await api.app.inject({ method: 'GET', url: '/api/commitments?region=341600&year=2024&page_size=100' })).json() as { items: { title: string }[] }).items.map((c) => c.title);
      expect(await publicTitles()).toEqual(['增加学位1200个']);
      const entityId = (accepted.json() as { items: QueueItem[] }).items[0]!.entity_id!;
      const staffView = await api.admin.request({ method: 'GET', url: `/api/commitments/${entityId}` });
      expect(staffView.json()).toMatchObject({ title: '新建幼儿园3所', published: false, deadline: '2024-12-31', target_unit: '所' });
      // Publishing is its own step: then the public sees it.
      const publish = await api.admin.post('/api/review-items/publish', { ids: [first!.id, second!.id] });
      expect(publish.json()).toEqual({ published: 1 });
      expect((await publicTitles()).sort()).toEqual(['增加学位1200个', '新建幼儿园3所'].sort());
      const notAccepted = (await list('status=pending')).items[0]!;
      expect((await api.admin.post('/api/review-items/publish', { ids: [notAccepted.id] })).statusCode).toBe(400);
    });
  });
}
