import { describe, expect, it } from 'vitest';
import { ReadCache } from './cache.ts';

describe('ReadCache', () => {
  it('computes once until cleared or expired', async () => {
    let clock = 0;
    const cache = new ReadCache(1000, () => clock);
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get('a', compute)).toBe(1);
    expect(await cache.get('a', compute)).toBe(1);
    cache.clear();
    expect(await cache.get('a', compute)).toBe(2);
    clock = 1001;
    expect(await cache.get('a', compute)).toBe(3);
  });

  it('forgets a failed computation and keeps at most its size, dropping the oldest', async () => {
    const cache = new ReadCache(1000, () => 0, 2);
    await expect(cache.get('bad', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('bad', async () => 'fine')).toBe('fine');
    await cache.get('b', async () => 'b');
    await cache.get('c', async () => 'c');
    expect(await cache.get('bad', async () => 'recomputed')).toBe('recomputed');
  });

  it('peeks only at finished, fresh values', async () => {
    let clock = 0;
    const cache = new ReadCache(1000, () => clock);
    let finish: (value: string) => void = () => undefined;
    const pending = cache.get('a', () => new Promise<string>((resolve) => { finish = resolve; }));
    expect(cache.peek('a')).toBeUndefined();
    finish('done');
    await pending;
    expect(cache.peek('a')).toBe('done');
    clock = 1001;
    expect(cache.peek('a')).toBeUndefined();
    expect(cache.peek('never')).toBeUndefined();
  });
});
