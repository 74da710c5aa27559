/**
 * Matches a hash path against a route pattern with :params: matchRoute('/r/:region/:year', '/r/630105/2023')
 * → { region: '630105', year: '2023' }; undefined when it does not match.
 */
export type RouteParams = Readonly<Record<string, string>>;

export function matchRoute(pattern: string, path: string): RouteParams | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('?')[0]!.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < want.length; index += 1) {
    const part = want[index]!;
    const actual = have[index]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return undefined;
  }
  return params;
}

/** Builds a hash link from a pattern's parts, encoding each: buildPath('r', '城北区', 2023) → '#/r/%E5%9F%8E…/2023'. */
export function buildPath(...parts: readonly (string | number)[]): string {
  return `#/${parts.map((part) => encodeURIComponent(String(part))).join('/')}`;
}
