/**
 * Undo and redo over the recorded steps (history.ts). Each row a step touched is put back as
 * the step found it (undo) or left it (redo), but only after checking that every such row is
 * still exactly as the step left (or found) it: if something changed it since, the undo is
 * refused with a message naming the later step, instead of writing stale data over it.
 */
import { UndoRefusedError } from '../errors';
import type { HistoryEntry } from '../model';
import { reindexArticle } from './search-index';
import { stepColumns, type StepRow, toEntry } from './history';
import { statement } from './statements';
import type { Store } from './store';

/** The tables steps may touch, with their key column (an allow-list: names from history rows are checked against it). */
const KEYS: Record<string, string> = {
  articles: 'id',
  article_texts: 'article_id',
  tags: 'id',
  annotations: 'id',
  annotation_tags: 'id',
  spelling_variants: 'id',
  entities: 'id',
  entity_aliases: 'id',
  entity_mentions: 'id',
  claims: 'id',
  claim_sources: 'id',
  claim_figures: 'id',
  events: 'id',
  event_actors: 'id',
  claim_events: 'id',
  grid_views: 'id',
  reports: 'id',
  report_sections: 'id',
  report_items: 'id',
  report_judgments: 'id',
  report_templates: 'id',
};

/**
 * Rows that only attach one thing to another (a tag to a passage, a claim to an event, a link of
 * a chain to its claim): when what they hang on has been deleted since, they go with it on undo,
 * as the deletion took them. A passage or claim itself is never dropped that way: bringing it back
 * is what the undo is for, so one whose article is gone is refused instead.
 */
const ATTACHMENTS = new Set(['annotation_tags', 'claim_sources', 'claim_figures', 'event_actors', 'claim_events']);

type Row = Record<string, unknown>;

/** Per row a step touched: how it was before the step's first change and after its last. */
interface NetChange {
  table: string;
  rowId: number;
  before: Row | null;
  after: Row | null;
}

function netChanges(db: Store, stepId: number): NetChange[] {
  const changes = statement(db, 'SELECT table_name AS tableName, row_id AS rowId, before, after FROM history_changes WHERE step_id = ? ORDER BY id').all(stepId) as {
    tableName: string;
    rowId: number;
    before: string | null;
    after: string | null;
  }[];
  const net = new Map<string, NetChange>();
  for (const change of changes) {
    if (!Object.hasOwn(KEYS, change.tableName)) throw new Error(`history names an unknown table "${change.tableName}"`);
    const key = `${change.tableName}:${change.rowId}`;
    const after = change.after === null ? null : (JSON.parse(change.after) as Row);
    const seen = net.get(key);
    if (seen) seen.after = after;
    else net.set(key, { table: change.tableName, rowId: change.rowId, before: change.before === null ? null : (JSON.parse(change.before) as Row), after });
  }
  return [...net.values()];
}

/** The table's real columns: a row from history may only name these. */
function columnsOf(db: Store, table: string): Set<string> {
  return new Set((db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]));
}

function currentRow(db: Store, table: string, rowId: number): Row | undefined {
  return statement(db, `SELECT * FROM ${table} WHERE ${KEYS[table]} = ?`).get(rowId) as Row | undefined;
}

/** Whether the row is as `expected` says (absent when null; else equal in every recorded column). */
function matches(current: Row | undefined, expected: Row | null): boolean {
  if (expected === null) return current === undefined;
  return current !== undefined && Object.entries(expected).every(([column, value]) => (current[column] ?? null) === (value ?? null));
}

/**
 * Puts a row as `target` says: removed when null, else inserted with the recorded columns, or
 * updated in the columns that differ only (an article has an index on most of its columns, and
 * undoing an outlet given to 10,000 articles should not rewrite them all).
 */
function putRow(db: Store, table: string, rowId: number, target: Row | null, allowed: Set<string>): void {
  const key = KEYS[table]!;
  if (target === null) return void statement(db, `DELETE FROM ${table} WHERE ${key} = ?`).run(rowId);
  const columns = Object.keys(target).filter((c) => c !== key);
  for (const column of columns) if (!allowed.has(column)) throw new Error(`history names an unknown column "${table}.${column}"`);
  const current = currentRow(db, table, rowId);
  if (current) {
    const changed = columns.filter((c) => (current[c] ?? null) !== (target[c] ?? null));
    if (changed.length) statement(db, `UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE ${key} = ?`).run(...changed.map((c) => target[c] ?? null), rowId);
  } else {
    statement(db, `INSERT INTO ${table} (${[key, ...columns].join(', ')}) VALUES (${['?', ...columns.map(() => '?')].join(', ')})`).run(rowId, ...columns.map((c) => target[c] ?? null));
  }
}

/** A short description of a step for messages: its kind, and the passage or name. */
function describe(step: StepRow): string {
  const what = step.quote ? ` “${step.quote.length > 40 ? `${step.quote.slice(0, 40)}…` : step.quote}”` : '';
  const where = step.articleTitle ? ` in “${step.articleTitle}”` : '';
  return `${step.kind}${what}${where} (#${step.id})`;
}

/** Restores the rows of `step` to `side` (before for undo, after for redo) after checking the other side still holds. */
function apply(db: Store, step: StepRow, direction: 'undo' | 'redo'): void {
  const changes = netChanges(db, step.id);
  for (const change of changes) {
    const expected = direction === 'undo' ? change.after : change.before;
    if (matches(currentRow(db, change.table, change.rowId), expected)) continue;
    const later = statement(
      db,
      `SELECT ${stepColumns('s')}
       FROM history_changes c JOIN history_steps s ON s.id = c.step_id
       WHERE c.table_name = ? AND c.row_id = ? AND s.id <> ? AND s.state = 'done' ORDER BY s.id DESC LIMIT 1`,
    ).get(change.table, change.rowId, step.id) as StepRow | undefined;
    const cause = later ? `${describe(later)} changed it since; undo that first` : 'it has changed since';
    throw new UndoRefusedError(`Cannot ${direction} ${describe(step)}: ${cause}.`);
  }
  // References are checked at commit, so rows can come back in any order.
  db.pragma('defer_foreign_keys = ON');
  // Rows to remove go first, so a row coming back never collides with one that took its unique
  // place meanwhile (a chain's link at the same position, a tag given again).
  const target = (change: NetChange) => (direction === 'undo' ? change.before : change.after);
  const columns = new Map<string, Set<string>>();
  for (const change of [...changes].sort((a, b) => Number(target(a) !== null) - Number(target(b) !== null))) {
    if (!columns.has(change.table)) columns.set(change.table, columnsOf(db, change.table));
    putRow(db, change.table, change.rowId, target(change), columns.get(change.table)!);
  }
  // What a row refers to may have been deleted since: the row comes back as that deletion left its
  // kind, its reference cleared (a tag's parent, ON DELETE SET NULL) or itself gone (a passage's
  // tag, ON DELETE CASCADE). Anything else cannot come back, and the undo is refused.
  for (const broken of db.pragma('foreign_key_check') as { table: string; rowid: number; fkid: number }[]) {
    const reference = (db.pragma(`foreign_key_list(${broken.table})`) as { id: number; from: string; on_delete: string }[]).find((f) => f.id === broken.fkid)!;
    if (reference.on_delete === 'SET NULL') db.prepare(`UPDATE ${broken.table} SET ${reference.from} = NULL WHERE rowid = ?`).run(broken.rowid);
    else if (reference.on_delete === 'CASCADE' && ATTACHMENTS.has(broken.table)) db.prepare(`DELETE FROM ${broken.table} WHERE rowid = ?`).run(broken.rowid);
    else throw new UndoRefusedError(`Cannot ${direction} ${describe(step)}: what it refers to in ${broken.table} has been deleted since.`);
  }
  // A restored text needs its derived data again: search keys and near-duplicate signature.
  for (const change of changes) if (change.table === 'article_texts') reindexArticle(db, change.rowId);
}

/** Undoes `client`'s latest step still done; returns it, or undefined when there is nothing to undo. */
export function undo(db: Store, client: string): HistoryEntry | undefined {
  const step = statement(db, `SELECT ${stepColumns()} FROM history_steps WHERE client = ? AND state = 'done' AND kind <> 'pending' ORDER BY id DESC LIMIT 1`).get(client) as StepRow | undefined;
  if (!step) return undefined;
  apply(db, step, 'undo');
  statement(db, "UPDATE history_steps SET state = 'undone' WHERE id = ?").run(step.id);
  return toEntry({ ...step, state: 'undone' });
}

/** Redoes `client`'s earliest undone step; returns it, or undefined when there is nothing to redo. */
export function redo(db: Store, client: string): HistoryEntry | undefined {
  const step = statement(db, `SELECT ${stepColumns()} FROM history_steps WHERE client = ? AND state = 'undone' ORDER BY id LIMIT 1`).get(client) as StepRow | undefined;
  if (!step) return undefined;
  apply(db, step, 'redo');
  statement(db, "UPDATE history_steps SET state = 'done' WHERE id = ?").run(step.id);
  return toEntry({ ...step, state: 'done' });
}
