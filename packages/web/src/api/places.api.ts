/** Regions and places (a region and a year): what the place picker offers. Example: listPlaces() → [{ regionCode: '630105', regionName: '城北区', year: 2024 }, …]. */
import type { Region } from '@duixian/server';
import type { z } from 'zod';
import { getJson } from './http.client.ts';
import type { Place, RegionView } from './view-types.ts';

/** Every region with the years it has data for (budget or plan years), newest first. */
/** Every region, in the order they were created (the first is the home region: see router/place-choice.ts). */
export async function listRegions(): Promise<RegionView[]> {
  const regions = await getJson<{ items: z.infer<typeof Region>[] }>('/api/regions');
  return [...regions.items]
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.code.localeCompare(b.code))
    .map((region) => ({ code: region.code, name: region.name }));
}

/** Every region and year with a plan or a budget, regions in the order they were created, latest year first. */
export async function listPlaces(): Promise<Place[]> {
  const regions = await listRegions();
  const places: Place[] = [];
  for (const region of regions) {
    const detail = await getJson<{ budget_years: number[]; plan_years: number[] }>(`/api/regions/${encodeURIComponent(region.code)}`);
    const all = [...new Set([...detail.plan_years, ...detail.budget_years])].sort((a, b) => b - a);
    for (const year of all) places.push({ regionCode: region.code, regionName: region.name, year });
  }
  return places;
}
