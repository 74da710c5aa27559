import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../services/dashboard.service.ts';
import { infographicRoutes } from './infographic.routes.ts';

const summary: DashboardSummary = {
  region: { code: '630105', name: '城北区' },
  year: 2024,
  budget: {
    year: 2023,
    phase: 'executed',
    total: { label: '一般公共预算支出', amount_yuan: '2198000000', previous_amount_yuan: '1522000000', growth_percent: '44.4' },
    livelihood: { label: '民生领域支出', amount_yuan: '1930000000', previous_amount_yuan: '1264000000', growth_percent: '52.7', share_percent: '87.8' },
    categories: [{ label: '文化科技', functional_code: '206', amount_yuan: '35220000', share_percent: '1.8' }],
  },
  commitments: null,
  projects: [],
  computed_on: '2024-03-01',
};

async function buildApp() {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const asked: [string, number | undefined][] = [];
  const rendered: string[] = [];
  await app.register(infographicRoutes, {
    dashboard: { summary: async (region: string, year?: number) => { asked.push([region, year]); return summary; } },
    rasterizer: { toPng: async (svg: string) => { rendered.push(svg); return Buffer.from([0x89, 0x50, 0x4e, 0x47]); }, close: async () => undefined },
  });
  return { app, asked, rendered };
}

describe('infographic routes', () => {
  it('serves the SVG with the figures of the dashboard summary', async () => {
    const { app, asked } = await buildApp();
    const response = await app.inject('/api/infographic/630105/2024/ledger.svg');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.body).toContain('21.98亿元');
    expect(response.body).toContain('87.8%');
    expect(response.body).toContain('3522万元');
    expect(asked).toEqual([['630105', 2024]]);
    await app.close();
  });
  it('serves a PNG rasterized from the same SVG', async () => {
    const { app, rendered } = await buildApp();
    const response = await app.inject('/api/infographic/630105/2024/ledger.png');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(rendered[0]).toContain('21.98亿元');
    await app.close();
  });
  it('refuses a region code that is not six digits', async () => {
    const { app } = await buildApp();
    const response = await app.inject('/api/infographic/abc/2024/ledger.svg');
    expect(response.statusCode).toBe(400);
    await app.close();
  });
  it('speaks English with ?lang=en', async () => {
    const { app } = await buildApp();
    const response = await app.inject('/api/infographic/630105/2024/ledger.svg?lang=en');
    expect(response.body).toContain('2.198 billion yuan');
    await app.close();
  });
});
