/**
 * Server-side paging for the grids: a page request (rows start..end, AG Grid's sort and filter
 * models, a quick filter) becomes a WHERE and ORDER BY over an allow-list of columns, with every
 * value bound as a parameter. A column the list does not name cannot be filtered or sorted on,
 * so no text from a request ever becomes SQL.
 */
import { LRUCache } from 'lru-cache';
import { PageRequestError } from '../errors';
import type { ColumnFilter, FilterCondition, PageRequest } from '../model';
import { statement } from './statements';
import type { Store } from './store';

/**
 * A column a grid may filter and sort on: its SQL expression (from the allow-list, never from a
 * request) and kind. `set`, when given, is how a set filter matches it: a condition whose one
 * parameter is the chosen values as a JSON array (for a column of names that a set filter picks
 * by id, or one that holds several values per row); without it a set filter matches `sql` itself.
 */
export interface PagedColumn {
  sql: string;
  kind: 'text' | 'number' | 'date';
  set?: string;
}

/** The SQL pieces of a page request; `where` and `orderBy` are built only from the allow-list. */
export interface PageClauses {
  where: string;
  params: unknown[];
  orderBy: string;
  /**
   * The same order for reading every row of a view: each term behind a unary `+`, so SQLite
   * finds the rows through the filter's index and sorts only those, rather than walking the
   * sorted column's index and reading the whole table row by row to test the filter.
   */
  orderByAll: string;
}

/** Escapes LIKE's wildcards in user text, for `ESCAPE '\'`. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function textCondition(sql: string, condition: FilterCondition, params: unknown[]): string {
  const value = condition.filter == null ? '' : String(condition.filter);
  const like = (pattern: string) => (params.push(pattern), `${sql} LIKE ? ESCAPE '\\'`);
  switch (condition.type) {
    case 'contains':
      return like(`%${likeEscape(value)}%`);
    case 'notContains':
      return `(${sql} IS NULL OR NOT ${like(`%${likeEscape(value)}%`)})`;
    case 'equals':
      return like(likeEscape(value));
    case 'notEqual':
      return `(${sql} IS NULL OR NOT ${like(likeEscape(value))})`;
    case 'startsWith':
      return like(`${likeEscape(value)}%`);
    case 'endsWith':
      return like(`%${likeEscape(value)}`);
    case 'blank':
      return `(${sql} IS NULL OR ${sql} = '')`;
    case 'notBlank':
      return `(${sql} IS NOT NULL AND ${sql} <> '')`;
    default:
      throw new PageRequestError(`A text filter cannot "${condition.type}".`);
  }
}

const comparisons: Record<string, string> = { equals: '=', notEqual: '<>', lessThan: '<', lessThanOrEqual: '<=', greaterThan: '>', greaterThanOrEqual: '>=' };

function rangeCondition(sql: string, condition: FilterCondition, from: unknown, to: unknown, params: unknown[]): string {
  if (condition.type === 'blank') return `${sql} IS NULL`;
  if (condition.type === 'notBlank') return `${sql} IS NOT NULL`;
  if (from == null) throw new PageRequestError(`The "${condition.type}" filter needs a value.`);
  if (condition.type === 'inRange') {
    if (to == null) throw new PageRequestError('A range filter needs both ends.');
    params.push(from, to);
    return `(${sql} >= ? AND ${sql} <= ?)`;
  }
  const operator = comparisons[condition.type ?? ''];
  if (!operator) throw new PageRequestError(`A filter cannot "${condition.type}".`);
  params.push(from);
  return `${sql} ${operator} ?`;
}

/**
 * A date filter's day, and the day after it: a column holding dates or ISO timestamps is on day D
 * when D <= value < D+1, a comparison an index on the column answers (cutting the value to its
 * first 10 characters would not).
 */
function dayBounds(value: string | null | undefined): [string, string] {
  const day = value?.slice(0, 10) ?? '';
  const start = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN;
  if (Number.isNaN(start)) throw new PageRequestError(`A date filter needs a date written YYYY-MM-DD, not "${value ?? ''}".`);
  return [day, new Date(start + 86_400_000).toISOString().slice(0, 10)];
}

function dateCondition(sql: string, c: FilterCondition, params: unknown[]): string {
  if (c.type === 'blank') return `${sql} IS NULL`;
  if (c.type === 'notBlank') return `${sql} IS NOT NULL`;
  const [day, nextDay] = dayBounds(c.dateFrom);
  const bound = (operator: string, value: string) => (params.push(value), `${sql} ${operator} ?`);
  switch (c.type) {
    case 'equals':
      return `(${bound('>=', day)} AND ${bound('<', nextDay)})`;
    case 'notEqual':
      return `(${sql} IS NULL OR ${bound('<', day)} OR ${bound('>=', nextDay)})`;
    case 'lessThan':
      return bound('<', day);
    case 'lessThanOrEqual':
      return bound('<', nextDay);
    case 'greaterThan':
      return bound('>=', nextDay);
    case 'greaterThanOrEqual':
      return bound('>=', day);
    case 'inRange': {
      const [, afterLast] = dayBounds(c.dateTo);
      return `(${bound('>=', day)} AND ${bound('<', afterLast)})`;
    }
    default:
      throw new PageRequestError(`A date filter cannot "${c.type}".`);
  }
}

function condition(column: PagedColumn, c: FilterCondition, params: unknown[]): string {
  if (column.kind === 'text') return textCondition(column.sql, c, params);
  if (column.kind === 'number') return rangeCondition(column.sql, c, c.filter, c.filterTo, params);
  return dateCondition(column.sql, c, params);
}

/** A set filter: the row's value is one of those chosen; `null` among them chooses the rows with none. */
function setCondition(column: PagedColumn, values: readonly (string | number | null)[], params: unknown[]): string {
  const chosen = values.filter((v) => v !== null);
  params.push(JSON.stringify(chosen));
  const matches = column.set ?? `${column.sql} IN (SELECT value FROM json_each(?))`;
  return values.includes(null) ? `(${matches} OR ${column.sql} IS NULL)` : matches;
}

function columnCondition(column: PagedColumn, filter: ColumnFilter, params: unknown[]): string {
  if (filter.filterType === 'set') return setCondition(column, filter.values ?? [], params);
  if (!filter.conditions) return condition(column, filter, params);
  const joiner = filter.operator === 'OR' ? ' OR ' : ' AND ';
  return `(${filter.conditions.map((c) => condition(column, c, params)).join(joiner)})`;
}

/** How a grid orders its rows: a sort used when the request has none, and the unique column that breaks ties. */
export interface PageOrder {
  defaultSort: { sql: string; desc: boolean };
  /** A unique column (the row id), so pages never overlap or skip. */
  tieBreaker: string;
}

/**
 * Translates a page request over `columns`. `quickFilter` matches any of `quickFilterColumns`
 * (contains). The tie-breaker runs in the direction of the last sort, so that an index on the
 * sorted column (which ends in the row id) gives the order without sorting 100,000 rows.
 */
export function pageClauses(
  columns: Readonly<Record<string, PagedColumn>>,
  request: PageRequest,
  { quickFilterColumns = [], order, extraWhere = [] }: { quickFilterColumns?: string[]; order: PageOrder; extraWhere?: { sql: string; params: unknown[] }[] },
): PageClauses {
  const params: unknown[] = [];
  const conditions: string[] = [];
  for (const extra of extraWhere) {
    conditions.push(extra.sql);
    params.push(...extra.params);
  }
  for (const [colId, filter] of Object.entries(request.filterModel ?? {})) {
    const column = Object.hasOwn(columns, colId) ? columns[colId] : undefined;
    if (!column) throw new PageRequestError(`The grid cannot filter on "${colId}".`);
    conditions.push(columnCondition(column, filter, params));
  }
  const quick = request.quickFilter?.trim();
  if (quick && quickFilterColumns.length) {
    // Every word must appear in one of the columns, as AG Grid's own quick filter behaves.
    for (const word of quick.split(/\s+/)) {
      conditions.push(`(${quickFilterColumns.map((id) => `${columns[id]!.sql} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
      for (let i = 0; i < quickFilterColumns.length; i++) params.push(`%${likeEscape(word)}%`);
    }
  }
  const requested = (request.sortModel ?? []).map(({ colId, sort }) => {
    const column = Object.hasOwn(columns, colId) ? columns[colId] : undefined;
    if (!column) throw new PageRequestError(`The grid cannot sort on "${colId}".`);
    return { sql: column.sql, desc: sort === 'desc' };
  });
  const sorts = requested.length ? requested : [order.defaultSort];
  const last = sorts.at(-1)!.desc ? 'DESC' : 'ASC';
  const terms = [...sorts.map((s) => `${s.sql} ${s.desc ? 'DESC' : 'ASC'}`), `${order.tieBreaker} ${last}`];
  return {
    where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '',
    params,
    orderBy: `ORDER BY ${terms.join(', ')}`,
    orderByAll: `ORDER BY ${terms.map((term) => `+${term}`).join(', ')}`,
  };
}

/** Per connection, the views last asked for: at most 8, each valid while the store is unchanged. */
const viewCaches = new WeakMap<Store, { version: string; entries: LRUCache<string, { value: unknown }> }>();

/**
 * What `compute` gives for a view of a grid (`key` and `params`: its SQL and bound values), kept
 * until the store changes. The store's version is SQLite's data_version (bumped by other
 * connections' commits) with this connection's own changes, so a reader sees the writer's commits
 * and the writer its own.
 */
export function cachedForView<T>(db: Store, key: string, params: readonly unknown[], compute: () => T): T {
  const version = `${statement(db, 'PRAGMA data_version').pluck().get()}:${statement(db, 'SELECT total_changes()').pluck().get()}`;
  let cache = viewCaches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new LRUCache({ max: 8 }) };
    viewCaches.set(db, cache);
  }
  const fullKey = JSON.stringify([key, params]);
  const hit = cache.entries.get(fullKey);
  if (hit) return hit.value as T;
  const value = compute();
  cache.entries.set(fullKey, { value });
  return value;
}
