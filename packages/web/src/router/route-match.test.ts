import { describe, expect, it } from 'vitest';
import { buildPath, matchRoute } from './route-match.ts';

describe('matchRoute', () => {
  it('reads params from a matching path', () => {
    expect(matchRoute('/r/:region/:year/commitments/:id', '/r/630105/2023/commitments/42')).toEqual({
      region: '630105',
      year: '2023',
      id: '42',
    });
  });
  it('does not match a path of another length or with another literal part', () => {
    expect(matchRoute('/r/:region/:year', '/r/630105')).toBeUndefined();
    expect(matchRoute('/r/:region/:year/budget', '/r/630105/2023/documents')).toBeUndefined();
  });
  it('round-trips Chinese params through buildPath', () => {
    const path = buildPath('r', '城北区', 2023).slice(1);
    expect(matchRoute('/r/:region/:year', path)).toEqual({ region: '城北区', year: '2023' });
  });
});
