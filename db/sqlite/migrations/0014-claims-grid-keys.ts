/**
 * Migration 14: what the claims grid filters and sorts on, kept on the claim row itself, and an
 * event's corroboration kept on the event.
 *
 * - A claim's quote, article title, outlet, chain, origin (with its reliability), first figure,
 *   events and tags live in other tables; to filter or sort a million claims on them without a
 *   join or a subquery per row, each claim keeps a copy. Triggers keep the copies true whoever
 *   writes (an edit, an undo, a rename of a source or a tag), so no code path can forget one.
 *   The copies are not history-tracked: undo restores the tracked columns and the triggers
 *   follow.
 * - An event keeps its number of independent sources and whether it is contested, so the events
 *   list and the claims grid read them instead of recomputing every event. Corroboration is
 *   computed in code (near-duplicate clusters, dates beyond their precision), so triggers only
 *   mark an event stale when something it stands on changes; the store recomputes stale events
 *   before each write commits. A claim keeps the figures of its events (the most independent
 *   sources among them, and whether any is contested).
 * - A claim's search keys (its quote, statement, outlet and chain, folded as search folds them)
 *   are computed in code too: a trigger marks them stale when one of those changes, whoever
 *   changes it (an undo included), and the store rebuilds stale keys before each write commits.
 * - Named views of a grid (its columns, filters, sort and quick filter), as the analyst saves them.
 */
import { historyTriggers, WHO_COLUMNS, whoTriggers } from './triggers';

/** The names of a claim's chain, in order, as the grid shows and sorts them. */
const chainNames = (claimId: string) =>
  `coalesce((SELECT group_concat(e.name, ' ← ' ORDER BY s.position) FROM claim_sources s JOIN entities e ON e.id = s.entity_id WHERE s.claim_id = ${claimId}), '')`;
const firstFigure = (claimId: string) => `(SELECT value FROM claim_figures WHERE claim_id = ${claimId} ORDER BY position LIMIT 1)`;
const eventTitles = (claimId: string) =>
  `coalesce((SELECT group_concat(v.title, ' · ' ORDER BY v.id) FROM claim_events ce JOIN events v ON v.id = ce.event_id WHERE ce.claim_id = ${claimId}), '')`;
const eventSources = (claimId: string) => `(SELECT max(v.independent_sources) FROM claim_events ce JOIN events v ON v.id = ce.event_id WHERE ce.claim_id = ${claimId})`;
const eventContested = (claimId: string) => `coalesce((SELECT max(v.contested) FROM claim_events ce JOIN events v ON v.id = ce.event_id WHERE ce.claim_id = ${claimId}), 0)`;
const tagNames = (annotationId: string) =>
  `coalesce((SELECT group_concat(t.name, ' · ' ORDER BY t.name) FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = ${annotationId}), '')`;
const entityName = (id: string) => `(SELECT name FROM entities WHERE id = ${id})`;
const entityReliability = (id: string) => `(SELECT reliability FROM entities WHERE id = ${id})`;
/** The copies a claim row's own columns lead to (its passage, article, outlet, origin and tags), as a SET list for the claim `row`. */
const copiesFromTheClaimRow = (row: string) =>
  [
    `quote = (SELECT exact FROM annotations WHERE id = ${row}.annotation_id)`,
    `article_title = (SELECT title FROM articles WHERE id = ${row}.article_id)`,
    `outlet_name = ${entityName(`${row}.outlet_entity_id`)}`,
    `origin_name = ${entityName(`${row}.origin_entity_id`)}`,
    `origin_reliability = ${entityReliability(`${row}.origin_entity_id`)}`,
    `tag_names = ${tagNames(`${row}.annotation_id`)}`,
  ].join(', ');
/** Marks stale every event a claim is linked to. */
const staleEventsOf = (claimId: string) => `UPDATE events SET stats_stale = 1 WHERE id IN (SELECT event_id FROM claim_events WHERE claim_id = ${claimId});`;

/** A trigger for each of insert, update and delete on `table`, running `body(row)` with NEW or OLD as the row. */
const onEveryChange = (name: string, table: string, body: (row: 'NEW' | 'OLD') => string) => `
CREATE TRIGGER ${name}_insert AFTER INSERT ON ${table} BEGIN ${body('NEW')} END;
CREATE TRIGGER ${name}_update AFTER UPDATE ON ${table} BEGIN ${body('OLD')} ${body('NEW')} END;
CREATE TRIGGER ${name}_delete AFTER DELETE ON ${table} BEGIN ${body('OLD')} END;`;

export const sql = `
ALTER TABLE claims ADD COLUMN quote TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN article_title TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN outlet_name TEXT;
ALTER TABLE claims ADD COLUMN origin_name TEXT;
ALTER TABLE claims ADD COLUMN origin_reliability TEXT;
ALTER TABLE claims ADD COLUMN chain_names TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN first_figure REAL;
ALTER TABLE claims ADD COLUMN event_titles TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN tag_names TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN independent_sources INTEGER;
ALTER TABLE claims ADD COLUMN contested INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN search_keys_stale INTEGER NOT NULL DEFAULT 1;
CREATE INDEX claims_keys_stale ON claims (id) WHERE search_keys_stale = 1;
ALTER TABLE events ADD COLUMN independent_sources INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN contested INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN stats_stale INTEGER NOT NULL DEFAULT 1;
CREATE INDEX events_stale ON events (id) WHERE stats_stale = 1;

UPDATE claims SET
  ${copiesFromTheClaimRow('claims')},
  chain_names = ${chainNames('claims.id')},
  first_figure = ${firstFigure('claims.id')},
  event_titles = ${eventTitles('claims.id')},
  -- Migration 13 built these keys with the analyser of this release; they are current.
  search_keys_stale = 0;

CREATE INDEX claims_by_updated_at ON claims (updated_at);
-- The reported date is the range an analyst filters on most; with the grade's columns beside it,
-- such a view is sorted by grade or stance without reading the claims themselves.
DROP INDEX claims_by_reported_from;
CREATE INDEX claims_by_reported_from ON claims (reported_from, credibility, origin_reliability, stance);
CREATE INDEX claims_by_stance ON claims (stance, reported_from);
CREATE INDEX claims_by_credibility ON claims (credibility, created_at);
CREATE INDEX claims_by_outlet ON claims (outlet_entity_id);

CREATE TRIGGER claims_grid_insert AFTER INSERT ON claims BEGIN
  UPDATE claims SET ${copiesFromTheClaimRow('NEW')} WHERE id = NEW.id;
END;
CREATE TRIGGER claims_grid_sources AFTER UPDATE OF outlet_entity_id, origin_entity_id ON claims BEGIN
  UPDATE claims SET outlet_name = ${entityName('NEW.outlet_entity_id')}, origin_name = ${entityName('NEW.origin_entity_id')},
    origin_reliability = ${entityReliability('NEW.origin_entity_id')}
  WHERE id = NEW.id;
END;
-- The claims' search keys as a full-text index (keys only, like article_search), so the quick
-- filter and its count read the index rather than every claim.
CREATE VIRTUAL TABLE claim_search USING fts5 (search_keys, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO claim_search (rowid, search_keys) SELECT id, search_keys FROM claims;
CREATE TRIGGER claims_search_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claim_search (rowid, search_keys) VALUES (NEW.id, NEW.search_keys);
END;
CREATE TRIGGER claims_search_update AFTER UPDATE OF search_keys ON claims BEGIN
  DELETE FROM claim_search WHERE rowid = OLD.id;
  INSERT INTO claim_search (rowid, search_keys) VALUES (NEW.id, NEW.search_keys);
END;
CREATE TRIGGER claims_search_delete AFTER DELETE ON claims BEGIN
  DELETE FROM claim_search WHERE rowid = OLD.id;
END;
CREATE TRIGGER claims_keys_stale AFTER UPDATE OF quote, statement, outlet_name, chain_names ON claims BEGIN
  UPDATE claims SET search_keys_stale = 1 WHERE id = NEW.id;
END;
CREATE TRIGGER claims_events_stale AFTER UPDATE OF reported_from, reported_to, date_precision, place_entity_id, origin_entity_id, stance ON claims BEGIN
  ${staleEventsOf('NEW.id')}
END;
CREATE TRIGGER annotations_claims_quote AFTER UPDATE OF exact ON annotations BEGIN
  UPDATE claims SET quote = NEW.exact WHERE annotation_id = NEW.id;
END;
CREATE TRIGGER articles_claims_title AFTER UPDATE OF title ON articles BEGIN
  UPDATE claims SET article_title = NEW.title WHERE article_id = NEW.id;
END;
CREATE TRIGGER articles_events_stale AFTER UPDATE OF near_duplicate_of ON articles BEGIN
  UPDATE events SET stats_stale = 1 WHERE id IN (SELECT ce.event_id FROM claims c JOIN claim_events ce ON ce.claim_id = c.id WHERE c.article_id = NEW.id);
END;
CREATE TRIGGER entities_claims_names AFTER UPDATE OF name, reliability ON entities BEGIN
  UPDATE claims SET origin_name = NEW.name, origin_reliability = NEW.reliability WHERE origin_entity_id = NEW.id;
  UPDATE claims SET outlet_name = NEW.name WHERE outlet_entity_id = NEW.id;
  UPDATE claims SET chain_names = ${chainNames('claims.id')} WHERE id IN (SELECT claim_id FROM claim_sources WHERE entity_id = NEW.id);
END;
${onEveryChange('claim_sources_grid', 'claim_sources', (row) => `UPDATE claims SET chain_names = ${chainNames(`${row}.claim_id`)} WHERE id = ${row}.claim_id;`)}
${onEveryChange('claim_figures_grid', 'claim_figures', (row) => `UPDATE claims SET first_figure = ${firstFigure(`${row}.claim_id`)} WHERE id = ${row}.claim_id; ${staleEventsOf(`${row}.claim_id`)}`)}
${onEveryChange(
  'claim_events_grid',
  'claim_events',
  (row) => `UPDATE events SET stats_stale = 1 WHERE id = ${row}.event_id;
  UPDATE claims SET event_titles = ${eventTitles(`${row}.claim_id`)}, independent_sources = ${eventSources(`${row}.claim_id`)}, contested = ${eventContested(`${row}.claim_id`)}
  WHERE id = ${row}.claim_id;`,
)}
CREATE TRIGGER events_claims_title AFTER UPDATE OF title ON events BEGIN
  UPDATE claims SET event_titles = ${eventTitles('claims.id')} WHERE id IN (SELECT claim_id FROM claim_events WHERE event_id = NEW.id);
END;
CREATE TRIGGER events_claims_corroboration AFTER UPDATE OF independent_sources, contested ON events BEGIN
  UPDATE claims SET independent_sources = ${eventSources('claims.id')}, contested = ${eventContested('claims.id')}
  WHERE id IN (SELECT claim_id FROM claim_events WHERE event_id = NEW.id);
END;
${onEveryChange('annotation_tags_claims', 'annotation_tags', (row) => `UPDATE claims SET tag_names = ${tagNames(`${row}.annotation_id`)} WHERE annotation_id = ${row}.annotation_id;`)}
CREATE TRIGGER tags_claims_names AFTER UPDATE OF name ON tags BEGIN
  UPDATE claims SET tag_names = ${tagNames('claims.annotation_id')} WHERE annotation_id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id = NEW.id);
END;

CREATE TABLE grid_views (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  grid TEXT NOT NULL,
  name TEXT NOT NULL,
  -- The grid's column state, filter model, sort and quick filter, as the renderer gives them (JSON).
  state TEXT NOT NULL CHECK (json_valid(state)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  ${WHO_COLUMNS},
  UNIQUE (grid, name)
) STRICT;
${historyTriggers('grid_views', ['id', 'grid', 'name', 'state', 'created_at', 'updated_at'])}
${whoTriggers('grid_views', ['name', 'state'])}
`;
