/**
 * Reads every page of a paged list, one page after another, until the total is reached.
 * Example: `await readAllPages((page) => repositories.budgetLines.list({ page, pageSize: 500 }))` → every line.
 */
import type { Page } from '@duixian/storage';

export async function readAllPages<T>(readPage: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const result = await readPage(page);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}
