/**
 * Migration 8: entity mentions follow text changes as annotations do. A decided mention
 * (accepted or rejected) whose place cannot be found again keeps its decision and waits for
 * review; the reason is kept here.
 */
export const sql = `
ALTER TABLE entity_mentions ADD COLUMN review_reason TEXT CHECK (review_reason IN ('ambiguous', 'unmatched'));
`;
