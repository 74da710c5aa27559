/**
 * Turns service results into plain JSON values for the response schemas: timestamps become ISO strings, and list
 * pages take the API's snake_case keys. Example: `presentPage({ items, total: 3, page: 1, pageSize: 20 })` →
 * { items, total: 3, page: 1, page_size: 20 }.
 */
import type { Page } from '@duixian/storage';

/** A JSON copy: Date → ISO string, undefined dropped. */
export function present<T>(value: T): any {
  return JSON.parse(JSON.stringify(value));
}

export function presentPage<T>(page: Page<T>): any {
  return { items: present(page.items), total: page.total, page: page.page, page_size: page.pageSize };
}
