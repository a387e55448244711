/**
 * Migration 13: sources, claims and events — who says what, through whom, about which event.
 *
 * - A source is an entity with a source role (outlet, news agency, government body, …) and a
 *   reliability on the Admiralty scale (A–F) with a note on why. An unnamed source ("مصادر
 *   مطلعة") belongs to whoever reports it: `reported_by` names that source, and its name carries
 *   the reporter's, so two outlets' unnamed sources stay two entities.
 * - A claim stands on an annotated passage (its verbatim quote and anchor): a statement, a stance,
 *   the date and place it reports, figures, and a credibility (1–6). `claim_sources` is its chain
 *   of attribution after the article's outlet, in order, the origin last; `outlet_entity_id` and
 *   `origin_entity_id` are kept with the claim (the origin is the outlet when the chain is empty),
 *   so the claims grid filters and counts independent sources without walking chains.
 * - An event has a title, an ACLED-style type, a date or range with its precision, a place and
 *   actors; claims link to events as supports, contradicts or mentions.
 *
 * Every table is tracked by the history (undo) and records who made and changed its rows.
 */
import { historyTriggers, WHO_COLUMNS, whoTriggers } from './triggers';

const ENTITY_COLUMNS = ['id', 'kind', 'name', 'created_at', 'source_role', 'reliability', 'reliability_note', 'reported_by'];
const CLAIM_COLUMNS = [
  'id', 'annotation_id', 'article_id', 'statement', 'stance', 'reported_from', 'reported_to', 'date_precision',
  'place_entity_id', 'credibility', 'outlet_entity_id', 'origin_entity_id', 'created_at', 'updated_at',
];
const EVENT_COLUMNS = ['id', 'title', 'event_type', 'sub_event_type', 'date_from', 'date_to', 'date_precision', 'place_entity_id', 'description', 'created_at', 'updated_at'];

const precision = "CHECK (date_precision IN ('day', 'month', 'year', 'weekday'))";

export const sql = `
ALTER TABLE entities ADD COLUMN source_role TEXT
  CHECK (source_role IN ('outlet', 'agency', 'government', 'official', 'military', 'armed_group', 'ngo', 'social_media', 'unnamed'));
ALTER TABLE entities ADD COLUMN reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F'));
ALTER TABLE entities ADD COLUMN reliability_note TEXT;
ALTER TABLE entities ADD COLUMN reported_by INTEGER REFERENCES entities (id) ON DELETE SET NULL;
DROP TRIGGER entities_history_insert;
DROP TRIGGER entities_history_update;
DROP TRIGGER entities_history_delete;
DROP TRIGGER entities_who_update;
${historyTriggers('entities', ENTITY_COLUMNS)}
CREATE TRIGGER entities_who_update AFTER UPDATE OF kind, name, source_role, reliability, reliability_note, reported_by ON entities
  WHEN (SELECT actor FROM history_recording) IS NOT NULL BEGIN
  UPDATE entities SET changed_by = (SELECT actor FROM history_recording), changed_at = (SELECT at FROM history_recording) WHERE id = NEW.id;
END;
CREATE INDEX entities_by_source_role ON entities (source_role) WHERE source_role IS NOT NULL;

CREATE TABLE claims (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  statement TEXT,
  stance TEXT NOT NULL DEFAULT 'asserts' CHECK (stance IN ('asserts', 'denies', 'speculates')),
  reported_from TEXT,
  reported_to TEXT,
  date_precision TEXT ${precision},
  place_entity_id INTEGER REFERENCES entities (id) ON DELETE SET NULL,
  credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
  outlet_entity_id INTEGER REFERENCES entities (id) ON DELETE SET NULL,
  origin_entity_id INTEGER REFERENCES entities (id) ON DELETE SET NULL,
  -- The quote, statement and sources' names as search keys (search's Arabic folding), for the grid's quick filter.
  search_keys TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  ${WHO_COLUMNS}
) STRICT;
CREATE INDEX claims_by_annotation ON claims (annotation_id);
CREATE INDEX claims_by_article ON claims (article_id);
CREATE INDEX claims_by_origin ON claims (origin_entity_id);
CREATE INDEX claims_by_created_at ON claims (created_at);
CREATE INDEX claims_by_reported_from ON claims (reported_from);

CREATE TABLE claim_sources (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities (id),
  UNIQUE (claim_id, position)
) STRICT;
CREATE INDEX claim_sources_by_entity ON claim_sources (entity_id);

CREATE TABLE claim_figures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  value REAL NOT NULL,
  unit TEXT,
  counted TEXT,
  UNIQUE (claim_id, position)
) STRICT;

CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  event_type TEXT,
  sub_event_type TEXT,
  date_from TEXT,
  date_to TEXT,
  date_precision TEXT ${precision},
  place_entity_id INTEGER REFERENCES entities (id) ON DELETE SET NULL,
  description TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  ${WHO_COLUMNS}
) STRICT;
CREATE INDEX events_by_date ON events (date_from);

CREATE TABLE event_actors (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  UNIQUE (event_id, entity_id)
) STRICT;

CREATE TABLE claim_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  relation TEXT NOT NULL CHECK (relation IN ('supports', 'contradicts', 'mentions')),
  UNIQUE (claim_id, event_id)
) STRICT;
CREATE INDEX claim_events_by_event ON claim_events (event_id, relation);

${historyTriggers('claims', CLAIM_COLUMNS)}
${whoTriggers('claims', ['statement', 'stance', 'reported_from', 'reported_to', 'date_precision', 'place_entity_id', 'credibility', 'origin_entity_id'])}
${historyTriggers('claim_sources', ['id', 'claim_id', 'position', 'entity_id'])}
${historyTriggers('claim_figures', ['id', 'claim_id', 'position', 'value', 'unit', 'counted'])}
${historyTriggers('events', EVENT_COLUMNS)}
${whoTriggers('events', ['title', 'event_type', 'sub_event_type', 'date_from', 'date_to', 'date_precision', 'place_entity_id', 'description'])}
${historyTriggers('event_actors', ['id', 'event_id', 'entity_id'])}
${historyTriggers('claim_events', ['id', 'claim_id', 'event_id', 'relation'])}
`;
