/**
 * 任务分解: the plan's commitments as a compact table a supervisor can work through at 450 rows — search, filters
 * (theme, unit or 未分派, schedule status, colour), a page of 50 at a time, a checkbox per row and "select all
 * filtered", bulk assignment of a lead unit, supporting units and a deadline after a confirmation, and per-row edits of
 * units, deadline and the published flag; a chosen lead unit shows its contact person. Example: 未分派 → select all (12 项) → 区林业局 + 区水务局, 2025-12-31 → 分派所选（12 项）.
 */
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { assignTasks, listTasks, listThemes, listUnits, updateTask } from '../../api/duixian.api.ts';
import { taskSheetExportUrl } from '../../api/task-sheet.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { Place, TaskRow, UnitView } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { UnitChecklist } from '../../components/unit-checklist.tsx';
import { UnitContact } from '../../components/unit-contact.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { SupervisionNoticesPanel } from './supervision-notices.panel.tsx';
import { isUnassigned, keepListed, pageOfRows, toggleAll, toTaskQuery, UNASSIGNED, type TaskFilter } from './task-filter.ts';

/** The server's schedule codes, in the order a supervisor reads them (worst last). */
const STATUSES = ['done_early', 'done', 'ahead', 'on_track', 'behind', 'overdue', 'missed'] as const;
const COLOURS: readonly { value: string; label: MessageKey }[] = [
  { value: 'red', label: 'tasks.colourRed' },
  { value: 'yellow', label: 'tasks.colourYellow' },
  { value: 'green', label: 'tasks.colourGreen' },
];
/** Typing settles this long before the list is asked again. */
const SEARCH_SETTLE_MS = 300;

type Message = { kind: 'notice' | 'error'; text: string } | undefined;

const errorText = (caught: unknown) => (caught instanceof Error ? caught.message : String(caught));
const leadOf = (row: TaskRow) => row.units.find((unit) => unit.role === 'lead');
const supportingOf = (row: TaskRow) => row.units.filter((unit) => unit.role === 'supporting');

/** A label above its control, tied by id: a label wrapped around a <select> would read out every option as its name. */
function Field({ label, children }: { readonly label: string; readonly children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

export function AssignPage({ place }: { readonly place: Place }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<TaskFilter>({});
  const [searchText, setSearchText] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [message, setMessage] = useState<Message>(undefined);
  useEffect(() => {
    const timer = setTimeout(() => setFilter((current) => (current.q === searchText ? current : { ...current, q: searchText })), SEARCH_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);
  const taskQuery = toTaskQuery(filter);
  const tasks = useApi(() => listTasks(place, taskQuery), [place.regionCode, place.year, taskQuery]);
  const units = useApi(() => listUnits(place.regionCode), [place.regionCode]);
  const themes = useApi(() => listThemes(place).catch(() => []), [place.regionCode, place.year]);
  const choose = (change: Partial<TaskFilter>) => {
    setFilter((current) => ({ ...current, ...change }));
    setPage(1);
  };
  const unitList = units.status === 'ready' ? units.data : [];
  // The unit chosen in the filter: the table shows its tasks, and its 督办单 is issued from here.
  const chosenUnit = unitList.find((unit) => String(unit.id) === filter.unit);
  return (
    <>
      <form className="filters task-filters" role="search" aria-label={t('tasks.filters')} onSubmit={(event) => event.preventDefault()}>
        <Field label={t('tasks.search')}>
          {(id) => (
            <input id={id} type="search" value={searchText} onChange={(event) => { setSearchText(event.target.value); setPage(1); }} />
          )}
        </Field>
        <Field label={t('tasks.theme')}>
          {(id) => (
            <select id={id} value={filter.theme ?? ''} onChange={(event) => choose({ theme: event.target.value })}>
              <option value="">{t('tasks.all')}</option>
              {(themes.status === 'ready' ? themes.data : []).map((theme) => <option key={theme} value={theme}>{theme}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('tasks.unit')}>
          {(id) => (
            <select id={id} value={filter.unit ?? ''} onChange={(event) => choose({ unit: event.target.value })}>
              <option value="">{t('tasks.all')}</option>
              <option value={UNASSIGNED}>{t('tasks.unassigned')}</option>
              {unitList.map((unit) => <option key={unit.id} value={String(unit.id)}>{unit.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('tasks.status')}>
          {(id) => (
            <select id={id} value={filter.status ?? ''} onChange={(event) => choose({ status: event.target.value })}>
              <option value="">{t('tasks.all')}</option>
              {STATUSES.map((status) => <option key={status} value={status}>{t(`status.${status}` as MessageKey)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('tasks.colour')}>
          {(id) => (
            <select id={id} value={filter.colour ?? ''} onChange={(event) => choose({ colour: event.target.value })}>
              <option value="">{t('tasks.all')}</option>
              {COLOURS.map((colour) => <option key={colour.value} value={colour.value}>{t(colour.label)}</option>)}
            </select>
          )}
        </Field>
      </form>
      <div className="actions sheet-links">
        {/* The export follows the filters above: what the table lists is what the sheet holds. */}
        <a className="button secondary" href={taskSheetExportUrl(place, taskQuery)} download>{t('sheet.export')}</a>
        <a className="button secondary" href={`#/staff/task-sheet?region=${encodeURIComponent(place.regionCode)}&year=${place.year}`}>{t('sheet.import')}</a>
      </div>
      {chosenUnit ? <SupervisionNoticesPanel key={chosenUnit.id} place={place} unit={chosenUnit} canIssue /> : <p className="meta">{t('documents.chooseUnit')}</p>}
      {message ? <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
      <AsyncView state={tasks}>
        {(rows) => {
          const chosen = keepListed(selected, rows);
          const shown = pageOfRows(rows, page);
          return (
            <>
              <BulkBar
                ids={[...chosen]}
                units={unitList}
                onDone={(count) => {
                  setSelected(new Set());
                  setMessage({ kind: 'notice', text: t('tasks.assignedCount', { count }) });
                  tasks.reload();
                }}
              />
              <TaskTable
                rows={shown.rows}
                total={rows.length}
                units={unitList}
                chosen={chosen}
                isAllChosen={rows.length > 0 && chosen.size === rows.length}
                onChooseAll={(isOn) => setSelected(toggleAll(selected, rows, isOn))}
                onChoose={(id, isOn) => setSelected(toggleAll(selected, [{ id }], isOn))}
                onSaved={() => tasks.reload()}
              />
              {shown.pageCount > 1 ? (
                <nav className="actions pager" aria-label={t('tasks.page', { page: shown.page, pages: shown.pageCount })}>
                  <button type="button" className="secondary" disabled={shown.page <= 1} onClick={() => setPage(shown.page - 1)}>{t('tasks.previous')}</button>
                  <span>{t('tasks.page', { page: shown.page, pages: shown.pageCount })}</span>
                  <button type="button" className="secondary" disabled={shown.page >= shown.pageCount} onClick={() => setPage(shown.page + 1)}>{t('tasks.next')}</button>
                </nav>
              ) : null}
            </>
          );
        }}
      </AsyncView>
    </>
  );
}

/** The selection's lead unit, supporting units and deadline, sent after the supervisor confirms what will happen. */
function BulkBar({ ids, units, onDone }: { readonly ids: readonly number[]; readonly units: readonly UnitView[]; readonly onDone: (count: number) => void }) {
  const { t } = useI18n();
  const [lead, setLead] = useState('');
  const [supporting, setSupporting] = useState<number[]>([]);
  const [deadline, setDeadline] = useState('');
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<Message>(undefined);
  const nameOf = (id: number) => units.find((unit) => unit.id === id)?.name ?? String(id);
  const leadUnit = units.find((unit) => String(unit.id) === lead);
  const others = supporting.filter((id) => String(id) !== lead);
  const ask = () => {
    setMessage(lead ? undefined : { kind: 'error', text: t('tasks.needLead') });
    setIsConfirming(Boolean(lead));
  };
  const assign = async () => {
    setIsBusy(true);
    try {
      const count = await assignTasks(ids, { leadUnitId: Number(lead), supportingUnitIds: others, ...(deadline ? { deadline } : {}) });
      setIsConfirming(false);
      setMessage(undefined);
      onDone(count);
    } catch (caught) {
      setMessage({ kind: 'error', text: errorText(caught) });
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <section className="card bulk-bar" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">{t('tasks.bulk')} · {t('tasks.selected', { count: ids.length })}</h2>
      <div className="filters">
        <Field label={t('tasks.lead')}>
          {(id) => (
            <select id={id} value={lead} onChange={(event) => { setLead(event.target.value); setIsConfirming(false); }}>
              <option value="">—</option>
              {units.map((unit) => <option key={unit.id} value={String(unit.id)}>{unit.name}</option>)}
            </select>
          )}
        </Field>
        {leadUnit ? <UnitContact contact={leadUnit.contact} /> : null}
        <UnitChecklist units={units.filter((unit) => String(unit.id) !== lead)} chosen={others} onChange={(next) => { setSupporting(next); setIsConfirming(false); }} hint={t('tasks.supportingKeep')} />
        <Field label={t('tasks.deadline')}>
          {(id) => (
            <input id={id} type="date" value={deadline} onChange={(event) => { setDeadline(event.target.value); setIsConfirming(false); }} />
          )}
        </Field>
        <button type="button" disabled={ids.length === 0 || isBusy} onClick={ask}>{t('tasks.assignSelected', { count: ids.length })}</button>
      </div>
      {isConfirming ? (
        <div className="confirm" role="group" aria-label={t('tasks.confirmYes')}>
          <p>
            {t('tasks.confirm', {
              count: ids.length,
              lead: nameOf(Number(lead)),
              supporting: others.length > 0 ? t('tasks.confirmSupporting', { units: others.map(nameOf).join('、') }) : '',
              deadline: deadline ? t('tasks.confirmDeadline', { date: deadline }) : '',
            })}
          </p>
          <div className="actions">
            <button type="button" disabled={isBusy} onClick={() => void assign()}>{t('tasks.confirmYes')}</button>
            <button type="button" className="secondary" onClick={() => setIsConfirming(false)}>{t('tasks.cancel')}</button>
          </div>
        </div>
      ) : null}
      {message ? <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
    </section>
  );
}

const COLUMNS = 7;

function TaskTable(props: {
  readonly rows: readonly TaskRow[];
  readonly total: number;
  readonly units: readonly UnitView[];
  readonly chosen: ReadonlySet<number>;
  readonly isAllChosen: boolean;
  readonly onChooseAll: (isOn: boolean) => void;
  readonly onChoose: (id: number, isOn: boolean) => void;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<number | undefined>(undefined);
  return (
    <div className="table-scroll card task-table">
      <table>
        <caption>{t('tasks.count', { count: props.total })}</caption>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label={t('tasks.selectAllFiltered', { count: props.total })} checked={props.isAllChosen} onChange={(event) => props.onChooseAll(event.target.checked)} />
            </th>
            <th scope="col">{t('tasks.title')}</th>
            <th scope="col">{t('tasks.lead')}</th>
            <th scope="col" className="hide-narrow">{t('tasks.supporting')}</th>
            <th scope="col">{t('tasks.deadline')}</th>
            <th scope="col">{t('tasks.status')}</th>
            <th scope="col"><span className="visually-hidden">{t('tasks.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr><td colSpan={COLUMNS}>{t('tasks.none')}</td></tr>
          ) : null}
          {props.rows.map((row) => (
            <TaskRowView
              key={row.id}
              row={row}
              units={props.units}
              isChosen={props.chosen.has(row.id)}
              isEditing={editing === row.id}
              onChoose={(isOn) => props.onChoose(row.id, isOn)}
              onEdit={(isOn) => setEditing(isOn ? row.id : undefined)}
              onSaved={props.onSaved}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TaskRowView(props: {
  readonly row: TaskRow;
  readonly units: readonly UnitView[];
  readonly isChosen: boolean;
  readonly isEditing: boolean;
  readonly onChoose: (isOn: boolean) => void;
  readonly onEdit: (isOn: boolean) => void;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const { row } = props;
  const lead = leadOf(row);
  const supporting = supportingOf(row);
  return (
    <>
      <tr className="task-row" data-commitment-id={row.id}>
        <td><input type="checkbox" aria-label={t('tasks.selectRow', { title: row.title })} checked={props.isChosen} onChange={(event) => props.onChoose(event.target.checked)} /></td>
        <td className="task-title">
          <a href={`#/commitments/${row.id}`}>{row.title}</a>
          <span className="meta">
            {row.theme ? <span>{row.theme}</span> : null}
            {row.published ? null : <span className="badge badge-none">{t('tasks.publishedNo')}</span>}
          </span>
        </td>
        <td>{lead?.name ?? '—'}</td>
        <td className="hide-narrow">{supporting.map((unit) => unit.name).join('、') || '—'}</td>
        <td className="nowrap">{row.deadline ?? '—'}</td>
        <td>{isUnassigned(row) ? <span className="badge badge-unassigned">{t('tasks.unassigned')}</span> : <StatusBadge colour={row.colour} status={row.scheduleStatus} />}</td>
        <td>
          <button type="button" className="secondary" aria-expanded={props.isEditing} aria-label={t('tasks.editRow', { title: row.title })} onClick={() => props.onEdit(!props.isEditing)}>
            {t('tasks.edit')}
          </button>
        </td>
      </tr>
      {props.isEditing ? (
        <tr className="task-editor">
          <td colSpan={COLUMNS}>
            <TaskEditor row={row} units={props.units} onClose={() => props.onEdit(false)} onSaved={props.onSaved} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** One row's lead and supporting units, deadline and published flag, saved at the version the table read. */
function TaskEditor({ row, units, onClose, onSaved }: { readonly row: TaskRow; readonly units: readonly UnitView[]; readonly onClose: () => void; readonly onSaved: () => void }) {
  const { t } = useI18n();
  const [lead, setLead] = useState(String(leadOf(row)?.id ?? ''));
  const [supporting, setSupporting] = useState<number[]>(supportingOf(row).map((unit) => unit.id));
  const [deadline, setDeadline] = useState(row.deadline ?? '');
  const [isPublished, setIsPublished] = useState(row.published);
  const [message, setMessage] = useState<Message>(undefined);
  const others = useMemo(() => supporting.filter((id) => String(id) !== lead), [supporting, lead]);
  const leadUnit = units.find((unit) => String(unit.id) === lead);
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      await updateTask(row, { leadUnitId: lead ? Number(lead) : null, supportingUnitIds: others, deadline: deadline || null, published: isPublished });
      setMessage({ kind: 'notice', text: t('tasks.saved') });
      onSaved();
    } catch (caught) {
      setMessage({ kind: 'error', text: errorText(caught) });
    }
  };
  return (
    <form className="filters" aria-label={t('tasks.editRow', { title: row.title })} onSubmit={(event) => void save(event)}>
      <Field label={t('tasks.lead')}>
        {(id) => (
          <select id={id} value={lead} onChange={(event) => setLead(event.target.value)}>
            <option value="">{t('tasks.unassigned')}</option>
            {units.map((unit) => <option key={unit.id} value={String(unit.id)}>{unit.name}</option>)}
          </select>
        )}
      </Field>
      {leadUnit ? <UnitContact contact={leadUnit.contact} /> : null}
      <UnitChecklist units={units.filter((unit) => String(unit.id) !== lead)} chosen={others} onChange={setSupporting} />
      <Field label={t('tasks.deadline')}>
        {(id) => (
          <input id={id} type="date" value={deadline} onChange={(event) => setDeadline(event.target.value)} />
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={isPublished} onChange={(event) => setIsPublished(event.target.checked)} /> {t('tasks.published')}
      </label>
      <div className="actions">
        <button type="submit">{t('tasks.save')}</button>
        <button type="button" className="secondary" onClick={onClose}>{t('tasks.cancel')}</button>
      </div>
      {message ? <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
    </form>
  );
}
