/**
 * Several units chosen by ticking boxes in a fold-out list, usable on a phone where a multiple <select> is not:
 * "配合单位（已选 2）" opens to one checkbox per unit. Example: <UnitChecklist units={units} chosen={[3]} onChange={…} />.
 */
import { useI18n } from '../i18n/i18n.context.tsx';
import type { UnitView } from '../api/view-types.ts';

export function UnitChecklist({
  units,
  chosen,
  onChange,
  hint,
}: {
  readonly units: readonly UnitView[];
  readonly chosen: readonly number[];
  readonly onChange: (next: number[]) => void;
  /** A line under the boxes: what choosing none means here. */
  readonly hint?: string;
}) {
  const { t } = useI18n();
  const toggle = (id: number, isOn: boolean) => onChange(isOn ? [...chosen.filter((other) => other !== id), id] : chosen.filter((other) => other !== id));
  return (
    <details className="unit-checklist">
      <summary>{t('tasks.supportingChosen', { count: chosen.length })}</summary>
      <fieldset>
        <legend className="visually-hidden">{t('tasks.supporting')}</legend>
        {units.map((unit) => (
          <label key={unit.id} className="check">
            <input type="checkbox" checked={chosen.includes(unit.id)} onChange={(event) => toggle(unit.id, event.target.checked)} /> {unit.name}
          </label>
        ))}
        {hint ? <p className="meta">{hint}</p> : null}
      </fieldset>
    </details>
  );
}
