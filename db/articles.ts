/** Queries on the articles table. */
import type { Article, ArticleSummary } from '../electron/api/contract';
import type { Store } from './store';

/** What an import stores for a new article. */
export interface NewArticle {
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  language: string;
  direction: 'rtl' | 'ltr';
  body: string;
  contentHash: string;
  sourceName: string | null;
}

const summaryColumns = `
  a.id, a.title, a.outlet, a.url, a.published, a.language, a.direction,
  a.source_name AS sourceName, a.imported_at AS importedAt, length(a.body) AS length,
  (SELECT count(*) FROM annotations n WHERE n.article_id = a.id) AS annotationCount`;

/** Every article, newest import first. */
export function listArticles(db: Store): ArticleSummary[] {
  return db.prepare(`SELECT ${summaryColumns} FROM articles a ORDER BY a.imported_at DESC, a.id DESC`).all() as ArticleSummary[];
}

/** One article with its body, or undefined. */
export function findArticle(db: Store, id: number): Article | undefined {
  return db
    .prepare(`SELECT ${summaryColumns}, a.body, a.content_hash AS contentHash FROM articles a WHERE a.id = ?`)
    .get(id) as Article | undefined;
}

/** The article whose body hashes to `contentHash`, if one was imported already. */
export function findArticleByHash(db: Store, contentHash: string): { id: number; title: string } | undefined {
  return db.prepare('SELECT id, title FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1').get(contentHash) as
    | { id: number; title: string }
    | undefined;
}

/** Stores a new article and returns its id. */
export function insertArticle(db: Store, article: NewArticle, importedAt: string): number {
  const result = db
    .prepare(
      `INSERT INTO articles (title, outlet, url, published, language, direction, body, content_hash, source_name, imported_at)
       VALUES (@title, @outlet, @url, @published, @language, @direction, @body, @contentHash, @sourceName, @importedAt)`,
    )
    .run({ ...article, importedAt });
  return Number(result.lastInsertRowid);
}
