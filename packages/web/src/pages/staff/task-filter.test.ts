import { describe, expect, it } from 'vitest';
import { isUnassigned, keepListed, pageOfRows, toggleAll, toTaskQuery, UNASSIGNED } from './task-filter.ts';

describe('the task table filters', () => {
  it('asks for items without a lead unit when 未分派 is chosen, and trims the search', () => {
    expect(toTaskQuery({ unit: UNASSIGNED, q: '  造林 ' })).toEqual({ q: '造林', theme: undefined, unit_id: undefined, status: undefined, colour: undefined, assigned: 'false' });
  });

  it('lists assigned items only under a status or colour filter: 未分派 is never overdue', () => {
    expect(toTaskQuery({ status: 'overdue' })).toMatchObject({ status: 'overdue', assigned: 'true' });
    expect(toTaskQuery({ colour: 'red', unit: '7' })).toMatchObject({ colour: 'red', unit_id: '7', assigned: 'true' });
    expect(toTaskQuery({ status: 'overdue', unit: UNASSIGNED })).toMatchObject({ status: 'overdue', assigned: 'false' });
    expect(toTaskQuery({ theme: '生态环境保护', q: ' ' })).toEqual({ q: undefined, theme: '生态环境保护', unit_id: undefined, status: undefined, colour: undefined, assigned: undefined });
  });

  it('calls an item with supporting units but no lead unassigned', () => {
    expect(isUnassigned({ units: [{ id: 3, name: '区水务局', role: 'supporting' }] })).toBe(true);
    expect(isUnassigned({ units: [{ id: 2, name: '区林业局', role: 'lead' }] })).toBe(false);
  });
});

describe('the task table pages and selection', () => {
  const rows = Array.from({ length: 456 }, (_, index) => ({ id: index + 1 }));

  it('shows 456 rows as ten pages of at most 50, clamping a page out of range', () => {
    expect(pageOfRows(rows, 1)).toMatchObject({ page: 1, pageCount: 10 });
    expect(pageOfRows(rows, 10).rows.map((row) => row.id)).toEqual(Array.from({ length: 6 }, (_, index) => 451 + index));
    expect(pageOfRows(rows, 99).page).toBe(10);
    expect(pageOfRows([], 3)).toEqual({ rows: [], page: 1, pageCount: 1 });
  });

  it('selects every filtered row across pages, and drops the ones a new filter hides', () => {
    const all = toggleAll(new Set([1000]), rows, true);
    expect(all.size).toBe(457);
    expect(keepListed(all, rows.slice(0, 3))).toEqual(new Set([1, 2, 3]));
    expect(toggleAll(all, rows.slice(0, 450), false)).toEqual(new Set([451, 452, 453, 454, 455, 456, 1000]));
  });
});
