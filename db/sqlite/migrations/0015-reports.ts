/**
 * Migration 15: briefing reports and their templates.
 *
 * - A report has a title, a handling line, a date, an author, a BLUF, the language it is written
 *   in (with its direction and digits), key judgments and ordered sections.
 * - A section (events, hand-picked claims, or text alone) holds ordered items: an event or a
 *   claim, by id, with a snapshot of it as the report quoted it (JSON). Exports print the
 *   snapshot, so nothing changes silently in a saved report; the store compares it with the claim
 *   as it is now to mark what changed since. The ids are not foreign keys on purpose: a claim
 *   deleted later leaves its quotation in the report, marked, rather than a hole.
 * - A key judgment carries an ICD 203 likelihood and, separately, a confidence.
 * - A template keeps a report's language, direction, digits, handling line and sections' headings.
 *
 * Every table is tracked by the history, so every report edit is undoable.
 */
import { historyTriggers, WHO_COLUMNS, whoTriggers } from './triggers';

const REPORT_COLUMNS = ['id', 'title', 'handling', 'report_date', 'author', 'bluf', 'language', 'direction', 'digits', 'created_at', 'updated_at'];
const SECTION_COLUMNS = ['id', 'report_id', 'position', 'heading', 'kind', 'body'];
const ITEM_COLUMNS = ['id', 'section_id', 'position', 'event_id', 'claim_id', 'translation', 'snapshot'];
const JUDGMENT_COLUMNS = ['id', 'report_id', 'position', 'text', 'likelihood', 'confidence'];
const TEMPLATE_COLUMNS = ['id', 'name', 'language', 'direction', 'digits', 'handling', 'sections', 'created_at', 'updated_at'];

const language = "CHECK (language IN ('ar', 'en'))";
const direction = "CHECK (direction IN ('rtl', 'ltr'))";
const digits = "CHECK (digits IN ('latn', 'arab'))";

export const sql = `
CREATE TABLE reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  handling TEXT NOT NULL DEFAULT '',
  report_date TEXT,
  author TEXT NOT NULL DEFAULT '',
  bluf TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'en' ${language},
  direction TEXT NOT NULL DEFAULT 'ltr' ${direction},
  digits TEXT NOT NULL DEFAULT 'latn' ${digits},
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  ${WHO_COLUMNS}
) STRICT;

-- Positions are not unique: a reorder rewrites them in any order, and undo puts them back in any order.
CREATE TABLE report_sections (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  heading TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('events', 'claims', 'text')),
  body TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX report_sections_by_report ON report_sections (report_id, position);

CREATE TABLE report_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  section_id INTEGER NOT NULL REFERENCES report_sections (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  event_id INTEGER,
  claim_id INTEGER,
  translation TEXT,
  snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
  CHECK ((event_id IS NULL) <> (claim_id IS NULL))
) STRICT;
CREATE INDEX report_items_by_section ON report_items (section_id, position);
CREATE INDEX report_items_by_claim ON report_items (claim_id) WHERE claim_id IS NOT NULL;

CREATE TABLE report_judgments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  likelihood TEXT CHECK (likelihood IN ('almostNoChance', 'veryUnlikely', 'unlikely', 'roughlyEven', 'likely', 'veryLikely', 'almostCertain')),
  confidence TEXT CHECK (confidence IN ('low', 'moderate', 'high'))
) STRICT;
CREATE INDEX report_judgments_by_report ON report_judgments (report_id, position);

CREATE TABLE report_templates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  language TEXT NOT NULL ${language},
  direction TEXT NOT NULL ${direction},
  digits TEXT NOT NULL ${digits},
  handling TEXT NOT NULL DEFAULT '',
  -- The sections' headings, kinds and bodies, in order (JSON).
  sections TEXT NOT NULL CHECK (json_valid(sections)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  ${WHO_COLUMNS}
) STRICT;

${historyTriggers('reports', REPORT_COLUMNS)}
${whoTriggers('reports', ['title', 'handling', 'report_date', 'author', 'bluf', 'language', 'direction', 'digits'])}
${historyTriggers('report_sections', SECTION_COLUMNS)}
${historyTriggers('report_items', ITEM_COLUMNS)}
${historyTriggers('report_judgments', JUDGMENT_COLUMNS)}
${historyTriggers('report_templates', TEMPLATE_COLUMNS)}
${whoTriggers('report_templates', ['name', 'language', 'direction', 'digits', 'handling', 'sections'])}
`;
