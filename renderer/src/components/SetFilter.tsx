/**
 * A set filter for AG Grid Community, which has none: a tick box beside each value a column can
 * hold (by id where the column shows names), with a search box when the list is long. Its model
 * is `{ filterType: 'set', values }`, the one the server's paging reads (db/sqlite/paging.ts);
 * `null` among the values chooses the rows with none. Nothing ticked is no filter.
 *
 * The choices come from {@link SetFilterChoices}, a hook the grid's screen provides (through a
 * context, so the grid need not make its columns again): it loads them (entities, events, tags)
 * and labels them in the interface language, only once the filter is first opened.
 */
import { type CustomFilterProps, useGridFilter } from 'ag-grid-react';
import { createContext, useContext, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { matchingChoices, type SetChoice, type SetFilterModel, type SetValue, tickedModel } from '../setFilterModel';

/**
 * A hook giving the choices of a set-filtered column, by its id (null while they load); the
 * filter calls it with its own column's id, always the same one, as hooks must be called.
 */
export type UseSetChoices = (colId: string) => readonly SetChoice[] | null;

/** The grid's {@link UseSetChoices}. */
export const SetFilterChoices = createContext<UseSetChoices>(() => []);

/** Lists longer than this get a search box. */
const SEARCH_FROM = 8;

/** The set filter AG Grid shows from a column header (`filter: SetFilter` in a column definition). */
export function SetFilter({ model, onModelChange, column, colDef }: CustomFilterProps<unknown, unknown, SetFilterModel>) {
  const { t } = useI18n();
  const useChoices = useContext(SetFilterChoices);
  const choices = useChoices(column.getColId());
  const [search, setSearch] = useState('');
  const panel = useRef<HTMLDivElement>(null);
  useGridFilter({
    // The server filters the rows (the infinite row model never asks the grid to).
    doesFilterPass: () => true,
    // Keyboard users land in the search box, or on the first value.
    afterGuiAttached: () => panel.current?.querySelector<HTMLInputElement>('input')?.focus(),
  });
  const shown = choices ? matchingChoices(choices, search) : [];
  const chosen = model?.values ?? [];
  const tick = (values: readonly SetValue[], ticked: boolean) => onModelChange(tickedModel(model, values, ticked));
  const columnName = colDef.headerName ?? column.getColId();
  return (
    <div className="set-filter" ref={panel} role="group" aria-label={t('filterValues', { column: columnName })}>
      {choices && choices.length > SEARCH_FROM && (
        <input type="search" className="set-filter-search" placeholder={t('searchValues')} aria-label={t('searchValues')} value={search} onChange={(e) => setSearch(e.target.value)} dir="auto" />
      )}
      {choices === null ? (
        <p className="muted">{t('loading')}</p>
      ) : choices.length === 0 ? (
        <p className="muted">{t('noValues')}</p>
      ) : (
        <>
          <div className="set-filter-actions">
            <button type="button" onClick={() => tick(shown.map((c) => c.value), true)}>
              {t('selectAll')}
            </button>
            <button type="button" onClick={() => tick(shown.map((c) => c.value), false)}>
              {t('selectNone')}
            </button>
          </div>
          <ul className="set-filter-list">
            {shown.map((choice) => (
              <li key={JSON.stringify(choice.value)}>
                <label>
                  <input type="checkbox" checked={chosen.includes(choice.value)} onChange={(e) => tick([choice.value], e.target.checked)} />
                  <bdi>{choice.label}</bdi>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
