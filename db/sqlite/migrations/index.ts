/**
 * The ordered list of schema migrations. Each is a numbered file that is never edited once
 * shipped: a change to the schema is a new file with the next number, added here.
 */
import type Database from 'better-sqlite3';
import { sql as articlesAnnotationsTags } from './0001-articles-annotations-tags';
import * as searchMetadataDuplicates from './0002-search-metadata-duplicates';
import { sql as anchorReviewAndHistory } from './0003-anchor-review-and-history';
import { sql as codebookHierarchy } from './0004-codebook-hierarchy';
import { sql as entities } from './0005-entities';
import { sql as stableIdsAndCounters } from './0006-stable-ids-and-counters';
import { sql as jobs } from './0007-jobs';
import { sql as mentionReview } from './0008-mention-review';
import { sql as historySteps } from './0009-history-steps';
import { sql as analyserVersion } from './0010-analyser-version';
import { sql as whoAndWhen } from './0011-who-and-when';
import { sql as passageTags } from './0012-passage-tags';
import { sql as sourcesClaimsEvents } from './0013-sources-claims-events';
import { sql as claimsGridKeys } from './0014-claims-grid-keys';
import { sql as reports } from './0015-reports';

/**
 * One schema step; `version` becomes `PRAGMA user_version` once it has run. `up` runs after the
 * SQL, in the same transaction, for steps SQL alone cannot do (filling a search index).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  up?: (db: Database.Database) => void;
}

/** Every migration, in the order they run. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'articles, annotations and tags', sql: articlesAnnotationsTags },
  { version: 2, name: 'search, metadata, near-duplicates and spelling variants', ...searchMetadataDuplicates },
  { version: 3, name: 'anchor review and annotation history', sql: anchorReviewAndHistory },
  { version: 4, name: 'hierarchical codebook', sql: codebookHierarchy },
  { version: 5, name: 'entities, aliases and mentions', sql: entities },
  { version: 6, name: 'stable ids and counters', sql: stableIdsAndCounters },
  { version: 7, name: 'background jobs', sql: jobs },
  { version: 8, name: 'mention review', sql: mentionReview },
  { version: 9, name: 'one history of steps', sql: historySteps },
  { version: 10, name: 'analyser version', sql: analyserVersion },
  { version: 11, name: 'who and when', sql: whoAndWhen },
  { version: 12, name: 'several tags per passage', sql: passageTags },
  { version: 13, name: 'sources, claims and events', sql: sourcesClaimsEvents },
  { version: 14, name: 'claims grid keys, event corroboration and saved views', sql: claimsGridKeys },
  { version: 15, name: 'briefing reports and templates', sql: reports },
];
