/**
 * Migration 10: a place for facts about the store itself, starting with the version of the text
 * analyser (folding, clitics, stemming) that built the search index. When Sanad's analyser
 * changes, a store indexed by another version is re-indexed in the background.
 */
export const sql = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
INSERT INTO meta (key, value) VALUES ('analyser_version', '1');
`;
