import { describe, expect, it } from 'vitest';
import { generatePassword } from './password.ts';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

describe('generatePassword', () => {
  it('gives 20 characters of the alphabet without look-alikes', () => {
    const password = generatePassword();
    expect(password).toHaveLength(20);
    expect([...password].every((c) => ALPHABET.includes(c))).toBe(true);
  });

  it('draws every character of the alphabet equally often', () => {
    // 200,000 characters: about 3,700 of each. `byte % 54` gives the first 40 characters 5/256 and the last 14 only
    // 4/256, a ratio of 1.25; the group means of a fair draw differ by well under 1% at this size.
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i += 1) for (const c of generatePassword()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(ALPHABET.length);
    const mean = (chars: string) => [...chars].reduce((sum, c) => sum + (counts.get(c) ?? 0), 0) / chars.length;
    const ratio = mean(ALPHABET.slice(0, 40)) / mean(ALPHABET.slice(40));
    expect(ratio).toBeGreaterThan(0.95);
    expect(ratio).toBeLessThan(1.05);
  });
});
