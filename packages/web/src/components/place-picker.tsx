/**
 * One select of every region and year ("城北区 · 2024"), so a second region never hides the first. Choosing one calls
 * onChoose with that place. Example: <PlacePicker places={places} current={place} onChoose={(next) => …} />.
 */
import type { Place } from '../api/view-types.ts';
import { useI18n } from '../i18n/i18n.context.tsx';
import { placeKey } from '../router/place-choice.ts';

export function PlacePicker({
  places,
  current,
  onChoose,
  className,
}: {
  readonly places: readonly Place[];
  readonly current: Place | undefined;
  readonly onChoose: (place: Place) => void;
  readonly className?: string;
}) {
  const { t } = useI18n();
  if (places.length === 0) return null;
  const byKey = new Map(places.map((place) => [placeKey(place), place]));
  const value = current && byKey.has(placeKey(current)) ? placeKey(current) : '';
  return (
    <label className={className}>
      <span className="visually-hidden">{t('app.place')}</span>
      <select
        aria-label={t('app.place')}
        value={value}
        onChange={(event) => {
          const chosen = byKey.get(event.target.value);
          if (chosen) onChoose(chosen);
        }}
      >
        {value === '' ? <option value="">{t('app.place')}</option> : null}
        {places.map((place) => (
          <option key={placeKey(place)} value={placeKey(place)}>{place.regionName} · {place.year}</option>
        ))}
      </select>
    </label>
  );
}
