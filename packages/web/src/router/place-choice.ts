/**
 * Which region and year a page shows when the address does not say all of it: the year asked for in the region asked
 * for, else that region's latest year; else the place the visitor chose last time (remembered), else the home region's
 * latest year. The home region is the first in the list — regions are listed in the order they were created, so a
 * district that later imports the national report for comparison keeps landing on its own pages.
 * Example: choosePlace(places, { regionCode: '630105' }) → { regionCode: '630105', regionName: '城北区', year: 2024 }.
 */
import type { Place } from '../api/view-types.ts';

export interface PlaceWish {
  readonly regionCode?: string | undefined;
  readonly year?: number | undefined;
  /** The place chosen last time, as placeKey wrote it. */
  readonly remembered?: string | undefined;
}

/** One string for a place, for a select's value and for remembering it: '630105:2024'. */
export function placeKey(place: Pick<Place, 'regionCode' | 'year'>): string {
  return `${place.regionCode}:${place.year}`;
}

function latestOf(places: readonly Place[], regionCode: string | undefined): Place | undefined {
  let best: Place | undefined;
  for (const place of places) {
    if (place.regionCode !== regionCode) continue;
    if (!best || place.year > best.year) best = place;
  }
  return best;
}

export function choosePlace(places: readonly Place[], wish: PlaceWish): Place | undefined {
  if (wish.regionCode !== undefined) {
    const exact = places.find((place) => place.regionCode === wish.regionCode && place.year === wish.year);
    const inRegion = exact ?? latestOf(places, wish.regionCode);
    if (inRegion) return inRegion;
  }
  if (wish.remembered) {
    const remembered = places.find((place) => placeKey(place) === wish.remembered);
    if (remembered) return remembered;
  }
  return latestOf(places, places[0]?.regionCode);
}
