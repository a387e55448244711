/**
 * Migration 10: a place for facts about the store itself, starting with the version of the text
 * analyser (folding, clitics, stemming) that built the search keys. It starts at 0, "not known":
 * the Sanad that opens the store then builds every key with its own analyser (the re-index job),
 * and whenever Sanad's analyser changes, a store indexed by another version is re-indexed too.
 */
export const sql = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
INSERT INTO meta (key, value) VALUES ('analyser_version', '0');
`;
