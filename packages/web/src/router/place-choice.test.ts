import { describe, expect, it } from 'vitest';
import type { Place } from '../api/view-types.ts';
import { choosePlace, placeKey } from './place-choice.ts';

// A district (created first) with two plan years, and the national report imported later for the same year.
const places: Place[] = [
  { regionCode: '630105', regionName: '城北区', year: 2023 },
  { regionCode: '630105', regionName: '城北区', year: 2024 },
  { regionCode: '100000', regionName: '全国', year: 2024 },
  { regionCode: '100000', regionName: '全国', year: 2025 },
];

describe('choosePlace', () => {
  it('keeps the district its own when another region has a plan for the same year', () => {
    expect(choosePlace(places, { regionCode: '630105', year: 2024 })?.regionName).toBe('城北区');
    expect(choosePlace(places, { regionCode: '100000', year: 2024 })?.regionName).toBe('全国');
  });

  it('opens a region at its latest year when the year is missing or does not exist there', () => {
    expect(choosePlace(places, { regionCode: '630105' })).toEqual(places[1]);
    expect(choosePlace(places, { regionCode: '630105', year: 2025 })).toEqual(places[1]);
  });

  it('lands on the remembered place, and on the home region when nothing is remembered', () => {
    expect(choosePlace(places, { remembered: '100000:2025' })).toEqual(places[3]);
    expect(choosePlace(places, {})).toEqual(places[1]);
    expect(choosePlace(places, { remembered: '999999:2020' })).toEqual(places[1]);
  });

  it('falls back past an unknown region and answers nothing when there are no places', () => {
    expect(choosePlace(places, { regionCode: '999999', remembered: '100000:2024' })).toEqual(places[2]);
    expect(choosePlace([], { regionCode: '630105' })).toBeUndefined();
  });

  it('writes a place as region and year', () => {
    expect(placeKey(places[0]!)).toBe('630105:2023');
  });
});
