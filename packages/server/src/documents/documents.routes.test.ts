import JSZip from 'jszip';
import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type SignedInClient, type TestApp } from '../test-support.ts';

const JUNE_30_2024 = new Date('2024-06-30T04:00:00Z');

/** The text of a DOCX read back: its paragraphs outside tables, and each table row as its cells' text. */
async function readDocx(body: Buffer): Promise<{ paragraphs: string[]; rows: string[][]; xml: string; footer: string }> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  const footer = (await Promise.all(zip.file(/^word\/footer\d*\.xml$/).map((file) => file.async('string')))).join('');
  const textOf = (fragment: string) =>
    [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]!).join('').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0])));
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...outside.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((paragraph) => textOf(paragraph[0])).filter((text) => text !== '');
  return { paragraphs, rows, xml, footer };
}

for (const engine of testEngines()) {
  describe(`督办单 and 通报 documents on ${engine}`, () => {
    let api: TestApp;
    const units: Record<string, number> = {};
    const rendered: string[] = [];
    let editor: SignedInClient;
    let add: (payload: Record<string, unknown>, progress?: Record<string, unknown>) => Promise<number>;
    // The server's clock: the 通报 is drawn up on 30 June; the unit editor's reports are filed earlier by moving it.
    let clock = JUNE_30_2024;

    beforeAll(async () => {
      api = await openTestApp(engine, {
        now: () => clock,
        rasterizer: { toPng: async (svg) => { rendered.push(svg); return Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]); }, close: async () => undefined },
      });
      for (const [key, name] of [['forestry', '区林业和草原局'], ['civil', '区民政局'], ['housing', '区住房和城乡建设局']] as const) {
        const created = await api.admin.post('/api/units', { region_code: '630105', name });
        units[key] = (created.json() as { id: number }).id;
      }
      add = async (payload: Record<string, unknown>, progress?: Record<string, unknown>) => {
        const created = await api.admin.post('/api/commitments', { plan_id: api.demoPlanId, target_value: '100', target_unit: '个', ...payload });
        expect(created.statusCode, created.body).toBe(201);
        const id = (created.json() as { id: number }).id;
        if (progress) expect((await api.admin.post(`/api/commitments/${id}/progress`, progress)).statusCode).toBe(201);
        return id;
      };
      // 30 June 2024: red = overdue; yellow = behind 序时进度 or due within 30 days; green = on schedule or done.
      await add({ title: '逾期事项', lead_unit_id: units['forestry'], start_date: '2024-01-01', deadline: '2024-05-31' });
      await add({ title: '临期事项', lead_unit_id: units['forestry'], start_date: '2024-06-01', deadline: '2024-07-10' }, { reported_on: '2024-06-28', percent: '70' });
      await add({ title: '按序时事项', lead_unit_id: units['forestry'], start_date: '2024-01-01', deadline: '2024-12-31' }, { reported_on: '2024-06-28', percent: '50' });
      await add({ title: '落后事项', lead_unit_id: units['civil'], start_date: '2024-01-01', deadline: '2024-12-31' }, { reported_on: '2024-06-28', percent: '10' });
      await add({ title: '已完成事项', lead_unit_id: units['civil'], start_date: '2024-01-01', deadline: '2024-05-31' }, { reported_on: '2024-05-20', percent: '100', reported_status: 'done' });
      await add({
        title: '改造老旧小区',
        lead_unit_id: units['housing'],
        supporting_unit_ids: [units['civil']],
        start_date: '2024-01-01',
        deadline: '2024-04-30',
        target_value: '20000',
        target_unit: '户',
        target_comparator: '>=',
      });
      await add({ title: '棚户区改造', lead_unit_id: units['housing'], start_date: '2024-01-01', deadline: '2024-06-15' });
      await add({ title: '未分派事项', start_date: '2024-01-01', deadline: '2024-05-31' });

      const created = await api.admin.post('/api/users', { username: 'minzheng', role: 'unit_editor', unit_id: units['civil'] });
      const oneTime = (created.json() as { one_time_password: string }).one_time_password;
      const first = await signIn(api.app, 'minzheng', oneTime);
      expect((await first.post('/api/auth/password', { current_password: oneTime, new_password: 'minzheng-own-Pw-2024' })).statusCode).toBeLessThan(300);
      editor = await signIn(api.app, 'minzheng', 'minzheng-own-Pw-2024');
    }, 120_000);
    afterAll(async () => api?.close());

    it('writes the month\'s 通报 as a DOCX whose counts by colour, unit order and overdue tasks are the database\'s', async () => {
      const answer = await api.admin.request({ method: 'GET', url: '/api/bulletins/630105/2024-06/document?format=docx' });
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(String(answer.headers['content-disposition'])).toContain(encodeURIComponent('城北区2024年6月重点工作任务推进情况通报.docx'));
      const { paragraphs, rows } = await readDocx(answer.rawPayload);
      expect(paragraphs).toContain('城北区2024年6月重点工作任务推进情况通报');
      // The demo's own commitments have no unit: they are 未分派 and not coloured.
      const summary = paragraphs.find((text) => text.startsWith('截至2024年6月30日'));
      expect(summary).toMatch(/^截至2024年6月30日，城北区纳入督办的7项任务中，红色预警3项、黄色预警2项、绿色2项；另有\d+项尚未明确责任单位。$/);
      // No reporting cycle yet: one line says so and the ranking has no 应报 / 未按时报送 columns.
      expect(paragraphs).toContain('本年度任务尚未设置报送周期，本期不统计按时报送情况。');
      expect(paragraphs).toContain('二、各责任单位预警情况（按红色、黄色预警数排序）');
      const ranking = rows.filter((row) => row.length === 6);
      expect(ranking).toEqual([
        ['名次', '责任单位', '红色', '黄色', '绿色', '牵头任务'],
        ['1', '区住房和城乡建设局', '2', '0', '0', '2'],
        ['2', '区林业和草原局', '1', '1', '1', '3'],
        ['3', '区民政局', '0', '1', '1', '2'],
      ]);
      const overdue = rows.filter((row) => row.length === 5);
      expect(overdue).toEqual([
        ['序号', '任务', '牵头单位', '完成时限', '逾期天数'],
        ['1', '改造老旧小区', '区住房和城乡建设局', '2024年4月30日', '61天'],
        ['2', '逾期事项', '区林业和草原局', '2024年5月31日', '30天'],
        ['3', '棚户区改造', '区住房和城乡建设局', '2024年6月15日', '15天'],
      ]);
      // The chart went to the rasterizer for the PNG Word shows where it cannot show SVG.
      expect(rendered.at(-1)).toContain('区住房和城乡建设局');
    });

    it('gives the same 通报 as a printable A4 page with the chart drawn in', async () => {
      const answer = await api.admin.request({ method: 'GET', url: '/api/bulletins/630105/2024-06/document?format=html' });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.body).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
      expect(answer.body).toContain('红色预警3项、黄色预警2项、绿色2项');
      expect(answer.body).toMatch(/<figure[^>]*><svg[\s\S]*区民政局[\s\S]*<\/svg><\/figure>/);
      expect(answer.body.indexOf('<td>区住房和城乡建设局</td>')).toBeLessThan(answer.body.indexOf('<td>区林业和草原局</td>'));
    });

    it('counts each unit\'s 应报 and 未按时报送 of the month once the plan reports monthly, and ranks the late unit after an on-time one of the same colours', async () => {
      const cycle = await api.admin.request({ method: 'PUT', url: '/api/plans/630105/2024/reporting-cycle', payload: { frequency: 'monthly', due_day: 25, starts_on: '2024-06-01' } });
      expect(cycle.statusCode, cycle.body).toBe(200);
      // 区教育局: as yellow as 区民政局 (0 red, 1 yellow) and leading more tasks, so without reporting it would rank ahead.
      const education = (await api.admin.post('/api/units', { region_code: '630105', name: '区教育局' })).json() as { id: number };
      await add({ title: '新建幼儿园', lead_unit_id: education.id, start_date: '2024-06-01', deadline: '2024-07-10' }, { reported_on: '2024-06-28', percent: '70' });
      await add({ title: '改扩建中小学', lead_unit_id: education.id, start_date: '2024-01-01', deadline: '2024-12-31' }, { reported_on: '2024-06-28', percent: '50' });
      await add({ title: '增加学位', lead_unit_id: education.id, start_date: '2024-01-01', deadline: '2024-12-31' }, { reported_on: '2024-06-28', percent: '50' });
      // 区民政局 reports on each of its three items (two led, one supported) on 20 June, before the due day; nobody else reports.
      const civilItems = (await editor.request({ method: 'GET', url: '/api/reporting/slots?region=630105&year=2024' })).json() as { items: { commitment_id: number; commitment_title: string }[] };
      expect(civilItems.items.map((slot) => slot.commitment_title).sort()).toEqual(['已完成事项', '改造老旧小区', '落后事项'].sort());
      // The same figures as before: the reports are on time, and leave every colour as it was.
      const figures: Record<string, Record<string, unknown>> = { 落后事项: { percent: '10' }, 已完成事项: { percent: '100', reported_status: 'done' }, 改造老旧小区: { percent: '0' } };
      clock = new Date('2024-06-20T04:00:00Z');
      try {
        for (const slot of civilItems.items) {
          const reported = await editor.post(`/api/commitments/${slot.commitment_id}/progress`, { reported_on: '2024-06-20', note: '按月报送', ...figures[slot.commitment_title] });
          expect(reported.statusCode, reported.body).toBe(201);
        }
      } finally {
        clock = JUNE_30_2024;
      }

      const answer = await api.admin.request({ method: 'GET', url: '/api/bulletins/630105/2024-06/document?format=docx' });
      expect(answer.statusCode, answer.body).toBe(200);
      const { paragraphs, rows } = await readDocx(answer.rawPayload);
      expect(paragraphs).toContain('本月应报送进展的4个责任单位中，3个单位未按时报送。');
      expect(paragraphs).toContain('二、各责任单位预警情况（按红色、黄色预警数和未按时报送次数排序）');
      expect(rows.filter((row) => row.length === 8)).toEqual([
        ['名次', '责任单位', '红色', '黄色', '绿色', '牵头任务', '应报', '未按时报送'],
        ['1', '区住房和城乡建设局', '2', '0', '0', '2', '2', '2'],
        ['2', '区林业和草原局', '1', '1', '1', '3', '3', '3'],
        ['3', '区民政局', '0', '1', '1', '2', '3', '0'],
        ['4', '区教育局', '0', '1', '2', '3', '3', '3'],
      ]);

      const page = await api.admin.request({ method: 'GET', url: '/api/bulletins/630105/2024-06/document?format=html' });
      expect(page.body).toContain('本月应报送进展的4个责任单位中，3个单位未按时报送。');
      expect(page.body).toContain('<th scope="col">应报</th><th scope="col">未按时报送</th>');
      expect(page.body).toMatch(/<td>区民政局<\/td>(<td class="number">\d+<\/td>){4}<td class="number">3<\/td><td class="number">0<\/td>/);
      expect(page.body.indexOf('<td>区民政局</td>')).toBeLessThan(page.body.indexOf('<td>区教育局</td>'));
    });

    it('refuses a 通报 for a month not yet begun and shows none to a unit editor', async () => {
      expect((await api.admin.request({ method: 'GET', url: '/api/bulletins/630105/2024-07/document' })).statusCode).toBe(400);
      expect((await editor.request({ method: 'GET', url: '/api/bulletins/630105/2024-06/document' })).statusCode).toBe(403);
    });

    it('numbers two 督办单 12 and 13 after the office sets 12 as the year\'s next number, with the default prefix 城北督', async () => {
      const before = await api.admin.request({ method: 'GET', url: '/api/notice-numbering/630105' });
      expect(before.json()).toMatchObject({ prefix: '城北督', issuer: '城北区人民政府督查室', year: 2024, next_number: 1, is_default: true });
      const set = await api.admin.request({ method: 'PUT', url: '/api/notice-numbering/630105', payload: { prefix: null, issuer: null, next_number: 12 } });
      expect(set.statusCode, set.body).toBe(200);
      const first = await api.admin.post('/api/supervision-notices', { unit_id: units['housing'], plan_year: 2024 });
      const second = await api.admin.post('/api/supervision-notices', { unit_id: units['forestry'], plan_year: 2024 });
      expect(first.statusCode, first.body).toBe(201);
      expect([first.json().number, second.json().number]).toEqual(['城北督〔2024〕12号', '城北督〔2024〕13号']);
      expect(first.json()).toMatchObject({ unit_name: '区住房和城乡建设局', item_count: 2, issued_on: '2024-06-30' });
      const back = await api.admin.request({ method: 'PUT', url: '/api/notice-numbering/630105', payload: { prefix: null, issuer: null, next_number: 13 } });
      expect(back.statusCode).toBe(400);
    });

    it('writes a 督办单 as a DOCX with its number, the unit, each task\'s target in words, deadline and part', async () => {
      const [notice] = (await api.admin.request({ method: 'GET', url: `/api/supervision-notices?unit_id=${units['housing']}` })).json().items as { id: number }[];
      const answer = await api.admin.request({ method: 'GET', url: `/api/supervision-notices/${notice!.id}/document?format=docx` });
      expect(answer.statusCode, answer.body).toBe(200);
      const { paragraphs, rows, xml, footer } = await readDocx(answer.rawPayload);
      // A4 at the 公文 margins (37, 26, 35, 28 mm), the body in 仿宋_GB2312, the page number as — 1 —.
      expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
      expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
      expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —/);
      expect(paragraphs.slice(0, 4)).toEqual(['城北区人民政府督查室', '城北督〔2024〕12号', '关于督促落实2024年重点工作任务的督办单', '区住房和城乡建设局：']);
      expect(rows).toEqual([
        ['序号', '任务', '目标', '完成时限', '责任分工'],
        ['1', '改造老旧小区', '不少于2万户', '2024年4月30日', '牵头（配合：区民政局）'],
        ['2', '棚户区改造', '100个', '2024年6月15日', '牵头'],
      ]);
      expect(paragraphs).toContain('责任单位联系人：未登记（请在单位信息中补登）');
      expect(paragraphs.slice(-2)).toEqual(['城北区人民政府督查室', '2024年6月30日']);
    });

    it('lets a unit editor list and download its own unit\'s 督办单 only', async () => {
      const own = await api.admin.post('/api/supervision-notices', { unit_id: units['civil'], plan_year: 2024 });
      expect(own.json().number).toBe('城北督〔2024〕14号');
      const listed = (await editor.request({ method: 'GET', url: '/api/supervision-notices?region=630105' })).json().items as { id: number; unit_name: string }[];
      expect(listed.map((notice) => notice.unit_name)).toEqual(['区民政局']);
      const page = await editor.request({ method: 'GET', url: `/api/supervision-notices/${own.json().id}/document?format=html` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('城北督〔2024〕14号');
      expect(page.body).toContain('配合（牵头：区住房和城乡建设局）');
      const others = (await api.admin.request({ method: 'GET', url: `/api/supervision-notices?unit_id=${units['housing']}` })).json().items as { id: number }[];
      expect((await editor.request({ method: 'GET', url: `/api/supervision-notices/${others[0]!.id}/document` })).statusCode).toBe(404);
      expect((await editor.post('/api/supervision-notices', { unit_id: units['civil'], plan_year: 2024 })).statusCode).toBe(403);
      expect((await api.app.inject({ method: 'GET', url: `/api/supervision-notices/${own.json().id}/document` })).statusCode).toBe(401);
    });
  });
}
