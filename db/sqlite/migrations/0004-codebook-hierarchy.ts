/**
 * Migration 4: a hierarchical codebook. Tags get a parent, a description, a keyboard shortcut
 * and a GUID (REFI-QDA names codes by GUID, so a codebook exchanged with other tools round-trips).
 */
export const sql = `
ALTER TABLE tags ADD COLUMN parent_id INTEGER REFERENCES tags (id) ON DELETE SET NULL;
ALTER TABLE tags ADD COLUMN description TEXT;
ALTER TABLE tags ADD COLUMN shortcut TEXT;
ALTER TABLE tags ADD COLUMN guid TEXT;
UPDATE tags SET guid = upper(
  substr(hex(randomblob(4)), 1, 8) || '-' || substr(hex(randomblob(2)), 1, 4) || '-4' || substr(hex(randomblob(2)), 2, 3) || '-' ||
  substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX tags_by_guid ON tags (guid);
CREATE UNIQUE INDEX tags_by_shortcut ON tags (shortcut) WHERE shortcut IS NOT NULL;
CREATE INDEX tags_by_parent ON tags (parent_id);
`;
