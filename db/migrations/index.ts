/**
 * The ordered list of schema migrations. Each is a numbered file that is never edited once
 * shipped: a change to the schema is a new file with the next number, added here.
 */
import { sql as articlesAnnotationsTags } from './0001-articles-annotations-tags';

/** One schema step; `version` becomes `PRAGMA user_version` once it has run. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in the order they run. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'articles, annotations and tags', sql: articlesAnnotationsTags },
];
