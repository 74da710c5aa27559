/**
 * The region and year a visitor looked at last, kept in localStorage so the landing page opens there next time.
 * Example: rememberPlace({ regionCode: '630105', year: 2024 }); readRememberedPlace() → '630105:2024'.
 */
import type { Place } from '../api/view-types.ts';
import { placeKey } from './place-choice.ts';

const STORAGE_KEY = 'duixian.place';

export function readRememberedPlace(): string | undefined {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined; // private mode: nothing is remembered
  }
}

export function rememberPlace(place: Pick<Place, 'regionCode' | 'year'>): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, placeKey(place));
  } catch {
    // private mode: the choice lasts for this page only
  }
}
