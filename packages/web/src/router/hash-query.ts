/** Reads the query part of a hash path: hashQuery('/documents/3?at=120-131') → URLSearchParams { at: '120-131' }. */
export function hashQuery(path: string): URLSearchParams {
  const index = path.indexOf('?');
  return new URLSearchParams(index < 0 ? '' : path.slice(index + 1));
}
